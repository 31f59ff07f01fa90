"""Counts for the dashboard: events per PLOVER type over time, and what the database holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import duckdb

from kroniek.query.events import EventFilter, EventRow, count_events
from kroniek.query.scope import matching_events

Bucket = Literal["day", "week", "month", "year"]
BucketChoice = Literal["auto", "day", "week", "month", "year"]
_BUCKET_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
"""The longest a period of each bucket can be: an event date fits a bucket only if its own
period is no longer (a month-dated event is never put into one week)."""


@dataclass(frozen=True, slots=True)
class TypeSeries:
    """Counts of one PLOVER type, one per period of the timeline, plus those off the axis."""

    event_type: str
    counts: list[int]
    coarse: int
    """Events of the type whose date is coarser than a period (a month in a week chart)."""
    undated: int
    """Events of the type with neither an event date nor a publication date."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """Events per type and period; periods run without gaps from the first to the last.

    Every matching event is counted once: in the period its date lies in, or among the
    ``coarse`` ones when its date stands for a longer time than one period, or among the
    ``undated``. The three add up to the number of matching events.
    """

    bucket: Bucket
    """The period length used: the one asked for, or the one ``auto`` chose."""
    periods: list[str]
    """First day of each period (a week starts on Monday), ISO format."""
    series: list[TypeSeries]
    coarse: int
    undated: int


@dataclass(frozen=True, slots=True)
class TypeCount:
    """How many events of one PLOVER type are stored."""

    event_type: str
    events: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What the database holds, for the dashboard's header and filter choices."""

    documents: int
    events: int
    """Every stored event, also those the text negates or only supposes, or that name
    nobody: what ``kroniek show`` lists for a document."""
    shown: int
    """The events every view and export shows without ``all`` (``kroniek events``)."""
    dated: int
    """Of the shown events, those with a date (their own or their article's)."""
    types: list[TypeCount]
    countries: list[str]
    """Countries among event actors and recipients, for the country filter."""
    first_date: str | None
    last_date: str | None


def timeline(
    con: duckdb.DuckDBPyConnection, where: EventFilter, bucket: BucketChoice = "auto"
) -> Timeline:
    """Matching events counted per type and period, dated by event date else publication."""
    rows = matching_events(con, where)
    chosen = auto_bucket(rows) if bucket == "auto" else bucket
    counts: Counter[tuple[date, str]] = Counter()
    coarse: Counter[str] = Counter()
    undated: Counter[str] = Counter()
    for row in rows:
        if row.date_start is None or row.date_end is None:
            undated[row.event_type] += 1
        elif (row.date_end - row.date_start).days >= _BUCKET_DAYS[chosen]:
            coarse[row.event_type] += 1
        else:
            counts[(period_start(row.date_start, chosen), row.event_type)] += 1
    periods = _periods({p for p, _ in counts}, chosen)
    types = sorted({t for _, t in counts} | set(coarse) | set(undated))
    series = [
        TypeSeries(t, [counts[(p, t)] for p in periods], coarse[t], undated[t]) for t in types
    ]
    periods_iso = [p.isoformat() for p in periods]
    return Timeline(chosen, periods_iso, series, sum(coarse.values()), sum(undated.values()))


def auto_bucket(rows: list[EventRow]) -> Bucket:
    """The period length that shows most events on the axis without drowning in periods.

    The precision most event dates have decides: month-dated events get months and
    year-dated ones years; day-dated ones get days over two months at most, weeks over two
    years, months beyond.
    """
    spans: list[tuple[date, date]] = [
        (r.date_start, r.date_end) for r in rows if r.date_start and r.date_end
    ]
    if not spans:
        return "month"
    precision = Counter(_precision(first, last) for first, last in spans).most_common(1)[0][0]
    if precision != "day":
        return precision
    days = (max(first for first, _ in spans) - min(first for first, _ in spans)).days
    if days <= 62:
        return "day"
    return "week" if days <= 731 else "month"


def _precision(first: date, last: date) -> Bucket:
    """Day, month or year, from the length of the period a date stands for."""
    days = (last - first).days
    return "day" if days == 0 else "month" if days < 31 else "year"


def period_start(day: date, bucket: Bucket) -> date:
    """The first day of the day, week (Monday), month or year that contains ``day``."""
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "year":
        return day.replace(month=1, day=1)
    return day


def _periods(starts: set[date], bucket: Bucket) -> list[date]:
    """Every period from the earliest to the latest start, so a chart shows quiet periods."""
    if not starts:
        return []
    current, last, result = min(starts), max(starts), []
    while current <= last:
        result.append(current)
        current = _next_period(current, bucket)
    return result


def _next_period(start: date, bucket: Bucket) -> date:
    """The start of the period after the one starting at ``start``."""
    if bucket == "day":
        return start + timedelta(days=1)
    if bucket == "week":
        return start + timedelta(days=7)
    if bucket == "year":
        return start.replace(year=start.year + 1)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def summary(con: duckdb.DuckDBPyConnection) -> Summary:
    """Counts of documents and events, the types and countries present, the date range."""
    documents = con.execute("SELECT count(*) FROM documents").fetchone()
    types = con.execute(
        "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY event_type"
    ).fetchall()
    countries = con.execute(
        "SELECT DISTINCT country FROM event_arguments WHERE country IS NOT NULL "
        "AND role IN ('actor', 'recipient') ORDER BY country"
    ).fetchall()
    span = con.execute(
        "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL"
    ).fetchone()
    first, last = span if span else (None, None)
    return Summary(
        documents=int(documents[0]) if documents else 0,
        events=sum(int(n) for _, n in types),
        shown=count_events(con, EventFilter()),
        dated=count_events(con, EventFilter(date_from=date.min)),
        types=[TypeCount(str(t), int(n)) for t, n in types],
        countries=[str(c[0]) for c in countries],
        first_date=first,
        last_date=last,
    )
