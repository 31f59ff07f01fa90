"""Publication dates: read the few formats news sources use, never guess the rest."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kroniek.errors import KroniekError, Msg
from kroniek.ingest.resources import load_toml
from kroniek.records import DatePrecision

DATES_FILE = "dates_nl.toml"

# ISO dates and datetimes: the time (and time zone) is ignored on purpose, so
# the date stays the one the source printed instead of a converted one.
_ISO_DAY = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}\S*)?", re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
# A year alone: an archive that dates its articles by volume, or --date 2021.
_YEAR = re.compile(r"\d{4}", re.ASCII)
# Dutch numeric dates put the day first (06-01-2022 is 6 January).
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})", re.ASCII)
_NAMED_DAY = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:,?\s+\d{1,2}[:.]\d{2}.*)?")
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")


@dataclass(frozen=True, slots=True)
class DateNames:
    """Month and weekday names from the data file, lower-cased."""

    months: dict[str, int]
    weekdays: frozenset[str]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date cut to its precision, plus a note when a given value was unreadable."""

    published: str | None
    precision: DatePrecision
    notes: tuple[str, ...] = ()


@cache
def date_names() -> DateNames:
    """Load the Dutch month and weekday names once."""
    data = load_toml(DATES_FILE)
    months = {
        str(name).lower(): number
        for number, names in enumerate(data["months"], start=1)
        for name in names
    }
    weekdays = frozenset(str(day).lower() for day in data["weekdays"])
    return DateNames(months=months, weekdays=weekdays)


def _day(year: int, month: int, day: int) -> tuple[str, DatePrecision] | None:
    """Return an ISO day if it exists in the calendar (no 30 February)."""
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _month(year: int, month: int) -> tuple[str, DatePrecision] | None:
    """Return an ISO month if the month number is real."""
    if 1 <= month <= 12 and year >= 1:
        return f"{year:04d}-{month:02d}", "month"
    return None


def _strip_weekday(value: str) -> str:
    """Drop a leading Dutch weekday (``donderdag 6 januari 2022``)."""
    first, _, rest = value.partition(" ")
    if first.rstrip(".,").lower() in date_names().weekdays and rest:
        return rest.lstrip()
    return value


def _parse_numeric(value: str) -> tuple[str, DatePrecision] | None:
    """Read ``YYYY-MM-DD`` (or an ISO datetime), ``YYYY-MM``, ``YYYY`` and ``DD-MM-YYYY``."""
    if match := _ISO_DAY.fullmatch(value):
        return _day(int(match[1]), int(match[3]), int(match[4]))
    if match := _ISO_MONTH.fullmatch(value):
        return _month(int(match[1]), int(match[2]))
    if match := _YEAR.fullmatch(value):
        return (match[0], "year") if int(match[0]) >= 1 else None
    if match := _DAY_FIRST.fullmatch(value):
        return _day(int(match[4]), int(match[3]), int(match[1]))
    return None


def _parse_named(value: str) -> tuple[str, DatePrecision] | None:
    """Read ``6 januari 2022`` and ``januari 2022`` (abbreviations allowed)."""
    months = date_names().months
    text = _strip_weekday(value)
    if (match := _NAMED_DAY.fullmatch(text)) and match[2].lower() in months:
        return _day(int(match[3]), months[match[2].lower()], int(match[1]))
    if (match := _NAMED_MONTH.fullmatch(text)) and match[1].lower() in months:
        return _month(int(match[2]), months[match[1].lower()])
    return None


def parse_date(value: str) -> tuple[str, DatePrecision] | None:
    """Return ``(iso_date, precision)`` for a readable date, else None."""
    text = " ".join(value.split())
    return _parse_numeric(text) or _parse_named(text)


def resolve_date(value: str | None) -> ResolvedDate:
    """Turn an optional date field into a stored date; an unreadable one becomes a note."""
    if value is None or not value.strip():
        return ResolvedDate(None, "unknown")
    parsed = parse_date(value)
    if parsed is None:
        return ResolvedDate(None, "unknown", (Msg.E012.format(value=value.strip()),))
    return ResolvedDate(parsed[0], parsed[1])


_TYPED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", re.ASCII)


def typed_date(value: str) -> str:
    """A date a user typed for undated inputs (``--date``): YYYY, YYYY-MM or YYYY-MM-DD
    that exists in the calendar, else E035."""
    text = value.strip()
    if _TYPED.fullmatch(text) and parse_date(text) is not None:
        return text
    raise KroniekError(Msg.E035.format(value=value))
