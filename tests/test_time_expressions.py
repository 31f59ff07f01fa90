"""Dutch time expressions: every example in time_nl.toml, and precision kept honest."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import tomllib
from importlib import resources
from typing import Any

import pytest

from kroniek.errors import KroniekError
from kroniek.time import expressions
from kroniek.time.expressions import (
    ResolvedTime,
    TimeMention,
    find_time_expressions,
    resolve_time,
)


def _time_data() -> dict[str, Any]:
    raw = resources.files("kroniek.time.data").joinpath("time_nl.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


DATA = _time_data()
EXAMPLES = [(rule["id"], example) for rule in DATA["rule"] for example in rule["examples"]]


def _one(text: str, published: str | None) -> tuple[TimeMention, ResolvedTime]:
    """The single mention in ``text``, resolved."""
    mentions = find_time_expressions(text)
    assert len(mentions) == 1, mentions
    return mentions[0], resolve_time(mentions[0], published)


def _resolve(phrase: str, published: str | None) -> ResolvedTime:
    """Resolve a phrase that must be found whole."""
    mention, resolved = _one(phrase, published)
    assert mention.text == phrase
    return resolved


# -- the data file -------------------------------------------------------------------


def test_data_file_names_twelve_months_and_seven_weekdays():
    assert len(DATA["months"]) == 12
    assert len(DATA["weekdays"]) == 7


def test_every_rule_has_an_example_and_a_unique_id():
    ids = [rule["id"] for rule in DATA["rule"]]
    assert len(ids) == len(set(ids))
    assert all(rule["examples"] for rule in DATA["rule"])


@pytest.mark.parametrize(
    ("rule_id", "example"),
    EXAMPLES,
    ids=[f"{rule_id}:{ex['phrase']}@{ex['published'] or 'none'}" for rule_id, ex in EXAMPLES],
)
def test_example_is_found_and_resolved_as_stated(rule_id, example):
    text = example["text"]
    found = [m for m in find_time_expressions(text) if m.text == example["phrase"]]
    assert found, find_time_expressions(text)
    mention = found[0]
    assert mention.rule == rule_id
    assert text[mention.start : mention.end] == example["phrase"]
    resolved = resolve_time(mention, example["published"] or None)
    assert resolved.value == (example["value"] or None)
    assert resolved.precision == (example["precision"] or None)
    if "note" in example and example["note"] == "":
        assert resolved.note is None
    elif "note" in example:
        assert resolved.note is not None
        assert example["note"] in resolved.note


def test_every_example_text_has_a_kind_the_api_names():
    for _, example in EXAMPLES:
        for mention in find_time_expressions(example["text"]):
            assert mention.kind in {"date", "relative", "duration", "era"}


# -- what the issue asks for -----------------------------------------------------------


def test_weekday_is_the_last_one_on_or_before_publication_across_a_month_boundary():
    # Tuesday 1 February 2022: "woensdag" is 26 January, "dinsdag" the day itself.
    assert _resolve("woensdag", "2022-02-01").value == "2022-01-26"
    assert _resolve("dinsdag", "2022-02-01").value == "2022-02-01"
    assert _resolve("maandag", "2022-02-01").value == "2022-01-31"


@pytest.mark.parametrize("offset", range(7))
def test_weekday_is_never_after_publication_and_within_a_week(offset):
    published = dt.date(2021, 12, 27) + dt.timedelta(days=offset)
    for index, name in enumerate(DATA["weekdays"]):
        resolved = _resolve(name, published.isoformat())
        assert resolved.precision == "day"
        assert resolved.value is not None
        day = dt.date.fromisoformat(resolved.value)
        assert day.weekday() == index
        assert 0 <= (published - day).days < 7


def test_weekday_with_a_month_precision_publication_is_the_month_with_a_note():
    resolved = _resolve("woensdag", "2022-01")
    assert (resolved.value, resolved.precision) == ("2022-01", "month")
    assert resolved.note is not None
    assert "known only as 2022-01" in resolved.note


def test_explicit_month_and_year():
    assert (_resolve("augustus 2020", "2022-01-07").value, "month") == ("2020-08", "month")
    assert _resolve("augustus 2020", None).precision == "month"
    resolved = _resolve("in 2014", None)
    assert (resolved.value, resolved.precision, resolved.note) == ("2014", "year", None)


def test_a_year_and_a_half_ago_is_known_to_the_month():
    resolved = _resolve("anderhalf jaar geleden", "2022-01")
    assert (resolved.value, resolved.precision) == ("2020-07", "month")


@pytest.mark.parametrize(
    "phrase", ["dertig jaar lang", "drie dagen", "al tien jaar", "twee weken", "jarenlang"]
)
def test_durations_are_not_dates(phrase):
    mention, resolved = _one(f"De staking duurde {phrase}.", "2022-01-07")
    assert mention.kind == "duration"
    assert mention.text == phrase
    assert (resolved.value, resolved.precision) == (None, None)


def test_offsets_shift_and_cut_the_phrase_from_the_document():
    document = "Titel.\n\nDe betogers werden gisteren en op 5 januari 2022 opgepakt."
    sentence_start = document.index("De betogers")
    sentence = document[sentence_start:]
    mentions = find_time_expressions(sentence, offset=sentence_start)
    assert [m.text for m in mentions] == ["gisteren", "op 5 januari 2022"]
    for mention in mentions:
        assert document[mention.start : mention.end] == mention.text
    assert mentions[0].start == document.index("gisteren")


def test_longest_match_wins_and_matches_do_not_overlap():
    texts = {
        "Vorige week woensdag viel de regering.": ["Vorige week woensdag"],
        "Op 5 januari 2022 viel de regering.": ["Op 5 januari 2022"],
        "Drie dagen geleden viel de regering.": ["Drie dagen geleden"],
        "Rusland bezet al tien jaar de Krim.": ["al tien jaar"],
    }
    for text, phrases in texts.items():
        assert [m.text for m in find_time_expressions(text)] == phrases


@pytest.mark.parametrize(
    "text",
    [
        "Elke woensdag demonstreren moeders op het plein.",
        "Vandaag de dag is het rustig.",
        "De Morgen meldde dat de premier 's morgens vertrok.",
        "Het kost 2014 euro.",
        "Augustus Caesar werd keizer.",
        "Het eerste jaar was zwaar.",
        "De jaren daarna bleef het onrustig.",
    ],
)
def test_words_that_are_not_time_expressions_here(text):
    assert find_time_expressions(text) == []


# -- precision is never invented ------------------------------------------------------


def test_last_week_is_a_month_only_when_the_whole_week_lies_in_it():
    day = dt.date(2022, 1, 1)
    while day.year == 2022:
        resolved = _resolve("vorige week", day.isoformat())
        monday = day - dt.timedelta(days=day.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        assert resolved.precision != "day"
        if monday.month == sunday.month:
            assert resolved.value == monday.isoformat()[:7]
        elif monday.year == sunday.year:
            assert resolved.value == str(monday.year)
        else:
            assert resolved.value is None
        day += dt.timedelta(days=1)


def test_a_value_holds_every_day_the_phrase_can_mean():
    # "drie weken geleden": the week around 21 days back must lie inside the value.
    for offset in range(60):
        published = dt.date(2021, 12, 1) + dt.timedelta(days=offset)
        resolved = _resolve("drie weken geleden", published.isoformat())
        back = published - dt.timedelta(days=21)
        week = [back - dt.timedelta(days=back.weekday()) + dt.timedelta(days=i) for i in range(7)]
        if resolved.value is not None:
            assert all(d.isoformat().startswith(resolved.value) for d in week)


def test_a_date_without_a_year_takes_the_nearest_year():
    assert _resolve("op 28 december", "2022-01-05").value == "2021-12-28"
    assert _resolve("op 3 januari", "2022-12-28").value == "2023-01-03"
    assert _resolve("op 15 juni", "2022-05-01").value == "2022-06-15"
    assert _resolve("op 29 februari", "2024-03-10").value == "2024-02-29"


def test_relative_phrases_without_publication_date_are_unresolved_with_a_note():
    for phrase in ("gisteren", "vorig jaar", "twee jaar geleden", "woensdag"):
        resolved = _resolve(phrase, None)
        assert resolved.value is None
        assert resolved.note is not None
        assert resolved.note.startswith("E544")


def test_every_note_carries_a_time_message_code():
    for _, example in EXAMPLES:
        for mention in find_time_expressions(example["text"]):
            note = resolve_time(mention, example["published"] or None).note
            for part in note.split(expressions.NOTE_SEPARATOR) if note else []:
                assert part.startswith("E5"), part
                assert 541 <= int(part[1:4]) <= 559, part


def test_era_with_a_listed_anchor_resolves_to_its_year_only_for_since():
    since = _resolve("sinds de val van de Berlijnse Muur", "2022-01-07")
    assert (since.value, since.precision) == ("1989", "year")
    after = _resolve("na het uiteenvallen van de Sovjet-Unie", "2022-01-07")
    assert after.value is None
    assert after.note is not None
    assert "1991" in after.note


# -- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("published", ["2022-13-01", "2022-02-30", "6 januari 2022", "22"])
def test_malformed_publication_date_raises(published):
    mention = find_time_expressions("gisteren")[0]
    with pytest.raises(KroniekError, match="E542"):
        resolve_time(mention, published)


def test_mention_that_its_rule_does_not_match_raises():
    mention = TimeMention(0, 8, "gisteren", "relative", "weekday")
    with pytest.raises(KroniekError, match="E543"):
        resolve_time(mention, "2022-01-07")
    unknown = TimeMention(0, 8, "gisteren", "relative", "no_such_rule")
    with pytest.raises(KroniekError, match="E543"):
        resolve_time(unknown, "2022-01-07")


def test_a_rule_with_an_unknown_action_or_placeholder_is_refused():
    groups = {"year": "(?P<year>\\d{4})"}
    base = {"id": "x", "kind": "date", "pattern": "in {year}", "examples": [{}]}
    with pytest.raises(KroniekError, match="E541"):
        expressions._rule(base | {"action": "guess"}, groups)
    with pytest.raises(KroniekError, match="E541"):
        expressions._rule(base | {"action": "year", "pattern": "in {jaar}"}, groups)


# -- dateparser -------------------------------------------------------------------------


def test_importing_and_relative_phrases_do_not_load_dateparser():
    code = (
        "import sys\n"
        "from kroniek.time.expressions import find_time_expressions, resolve_time\n"
        "m = find_time_expressions('gisteren en twee jaar geleden')\n"
        "[resolve_time(x, '2022-01-07') for x in m]\n"
        "print('dateparser' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"


def test_dateparser_reads_dates_without_the_network(monkeypatch):
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network use")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    expressions._dateparser_fields.cache_clear()
    assert _resolve("5 januari 2022", None).value == "2022-01-05"
    assert _resolve("1 mei 2004", None).value == "2004-05-01"
    assert _resolve("in september 2019", None).value == "2019-09"
    assert _resolve("31 februari 2022", None).value is None


def test_a_publication_year_is_every_day_of_it():
    """An archive dated by year (or --date 2022): "gisteren" is some day of that year."""
    resolved = resolve_time(find_time_expressions("gisteren")[0], "2022")
    assert (resolved.value, resolved.precision) == ("2022", "year")
    assert resolved.note is not None and "known only as 2022;" in resolved.note
    last_year = resolve_time(find_time_expressions("vorig jaar")[0], "2022")
    assert (last_year.value, last_year.precision, last_year.note) == ("2021", "year", None)
