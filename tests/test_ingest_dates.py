"""Publication dates: the examples in dates_nl.toml, and the never-invent rule."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from kroniek.ingest.dates import parse_date, resolve_date


def _date_data() -> dict[str, Any]:
    raw = resources.files("kroniek.ingest").joinpath("dates_nl.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


DATA = _date_data()


def test_data_file_lists_twelve_months():
    assert len(DATA["months"]) == 12
    assert all(names for names in DATA["months"])


@pytest.mark.parametrize("example", DATA["examples"], ids=lambda e: e["value"])
def test_example_is_read_as_stated(example):
    resolved = resolve_date(example["value"])
    assert resolved.precision == example["precision"]
    assert resolved.published == (example["published"] or None)
    # An unreadable date is never guessed, and always explained.
    assert bool(resolved.notes) == (example["precision"] == "unknown")


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_name_is_understood(month):
    for name in DATA["months"][month - 1]:
        assert parse_date(f"3 {name} 2020") == (f"2020-{month:02d}-03", "day")
        assert parse_date(f"{name.upper()} 2020") == (f"2020-{month:02d}", "month")


def test_absent_date_is_unknown_without_a_note():
    for value in (None, "", "   "):
        resolved = resolve_date(value)
        assert (resolved.published, resolved.precision, resolved.notes) == (None, "unknown", ())


def test_note_names_the_unreadable_value():
    resolved = resolve_date(" ergens in 2022 ")
    assert resolved.notes[0].startswith("E012")
    assert "'ergens in 2022'" in resolved.notes[0]


def test_time_zone_does_not_shift_the_printed_day():
    assert parse_date("2022-01-06T23:30:00-05:00") == ("2022-01-06", "day")
