"""Dates stand for periods: filters match by overlap (or containment), the timeline bins
by the date's own precision and counts the rest apart.

The database is the API tests' one (day-dated events of January and February 2022 and one
undated event) plus an article published "2022-01" whose event has only that month, and
an event dated by its own words to the year 2014.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kroniek.errors import KroniekError
from kroniek.query.events import EventFilter, checked_filter, date_period, list_events
from kroniek.query.stats import auto_bucket, timeline
from kroniek.records import CodedEvents, EventDate, EventDates
from kroniek.store import Writer, open_for_reading

from .api_helpers import actors_of, analysis, build_database, document, event, state_argument, store
from .api_helpers import span as find

MONTH_TEXT = "Rusland stuurde troepen naar Kazachstan. Kazachstan beschuldigde Oekraïne in 2014."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("periods") / "periods.duckdb"
    build_database(path)
    doc = document("month", MONTH_TEXT, "2022-01")
    sentences = [
        "Rusland stuurde troepen naar Kazachstan.",
        "Kazachstan beschuldigde Oekraïne in 2014.",
    ]
    second = MONTH_TEXT.index("Kazachstan beschuldigde")
    aid = event(
        "month",
        MONTH_TEXT,
        0,
        "AID",
        "stuurde",
        (state_argument(MONTH_TEXT, "Rusland"),),
        (state_argument(MONTH_TEXT, "Kazachstan"),),
    )
    accuse = event(
        "month",
        MONTH_TEXT,
        1,
        "ACCUSE",
        "beschuldigde",
        (state_argument(MONTH_TEXT, "Kazachstan", second),),
        (state_argument(MONTH_TEXT, "Oekraïne"),),
    )
    year = EventDate(
        accuse.event_id, "2014", "year", "expression", *find(MONTH_TEXT, "2014"), "2014"
    )
    with Writer(path) as writer:
        writer.store_document(doc, "stored")
        analysed = analysis(doc, sentences)
        writer.store_analysis(analysed)
        store(writer, actors_of(analysed, doc.text))
        store(writer, CodedEvents("month", (aid, accuse), "test-coder"))
        store(writer, EventDates("month", (year,)))
    return path


def selected(db: Path, **typed: str) -> set[tuple[str, str | None]]:
    """(document, date) of the events a filter typed by a user selects."""
    with open_for_reading(db) as con:
        return {(r.doc_id, r.date) for r in list_events(con, checked_filter(**typed))}


def test_a_date_stands_for_its_whole_period() -> None:
    assert date_period("2022-01-05") == (date(2022, 1, 5), date(2022, 1, 5))
    assert date_period("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert date_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_period("2022-12") == (date(2022, 12, 1), date(2022, 12, 31))
    assert date_period("2014") == (date(2014, 1, 1), date(2014, 12, 31))
    assert date_period(None) is None


def test_the_readme_example_finds_the_month_dated_event(db: Path) -> None:
    january = selected(db, date_from="2022-01-01", date_to="2022-01-31")
    assert ("month", "2022-01") in january
    assert ("kz-1", "2022-01-05") in january and ("kz-1", "2022-01-06") in january
    assert not any(d == "2014" or doc == "xss" for doc, d in january)


def test_overlap_keeps_a_month_for_a_day_inside_it(db: Path) -> None:
    assert ("month", "2022-01") in selected(db, date_from="2022-01-10", date_to="2022-01-15")
    assert ("month", "2022-01") in selected(db, date_to="2022-01-05")
    # A day in the month is not the whole month: the 6 January event stays out.
    assert ("kz-1", "2022-01-06") not in selected(db, date_to="2022-01-05")


def test_within_keeps_only_dates_wholly_inside(db: Path) -> None:
    inside = selected(db, date_from="2022-01-10", date_to="2022-01-15", date_match="within")
    assert inside == set()
    whole = selected(db, date_from="2022-01", date_to="2022-01", date_match="within")
    assert ("month", "2022-01") in whole and ("kz-1", "2022-01-05") in whole


def test_a_year_is_found_by_any_day_of_it_and_only_then(db: Path) -> None:
    assert ("month", "2014") in selected(db, date_from="2014-06-01", date_to="2014-06-30")
    assert ("month", "2014") not in selected(db, date_from="2015")
    assert ("month", "2014") not in selected(db, date_to="2013-12-31")


def test_an_undated_event_matches_no_date_filter(db: Path) -> None:
    assert all(d is not None for _, d in selected(db, date_from="1000"))
    assert ("undated", None) in selected(db)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ({"date_from": "2022-02", "date_to": "2022-01-31"}, "to"),
        ({"date_from": "2022-01", "date_match": "inside"}, "date-match"),
        ({"date_to": "2022-02-30"}, "to"),
    ],
)
def test_a_filter_that_cannot_mean_anything_is_an_error(typed: dict[str, str], name: str) -> None:
    with pytest.raises(KroniekError, match=f"'{name}'|{name}"):
        checked_filter(**typed)


def test_the_timeline_never_puts_a_month_into_a_week(db: Path) -> None:
    with open_for_reading(db) as con:
        weeks = timeline(con, EventFilter(), "week")
        months = timeline(con, EventFilter(), "month")
    # The month-dated AID and the year-dated ACCUSE are off the week axis, counted apart.
    assert weeks.periods[0] == "2022-01-03"
    assert (weeks.coarse, weeks.undated) == (2, 1)
    by_type = {s.event_type: s for s in weeks.series}
    assert by_type["AID"].coarse == 1 and by_type["ACCUSE"].coarse == 1
    assert by_type["CONSULT"].undated == 1
    # In a month chart the month-dated AID is in January, with the day-dated one.
    assert months.periods == ["2022-01-01", "2022-02-01"]
    assert {s.event_type: s.counts for s in months.series}["AID"] == [2, 0]
    assert months.coarse == 1  # only 2014 is coarser than a month
    for chart in (weeks, months):
        on_axis = sum(sum(s.counts) for s in chart.series)
        assert on_axis + chart.coarse + chart.undated == 6


def test_auto_chooses_the_bucket_most_dates_fit(db: Path) -> None:
    with open_for_reading(db) as con:
        rows = list_events(con, EventFilter())
        assert timeline(con, EventFilter()).bucket == "month"
    assert auto_bucket(rows) == "month"  # most are days, but 2014 to 2022: months
    days = [r for r in rows if r.doc_id == "kz-1"]
    assert auto_bucket(days) == "day"
    assert auto_bucket([r for r in rows if r.date == "2014"]) == "year"
    assert auto_bucket([r for r in rows if r.date is None]) == "month"
