"""Counts for the dashboard: events per PLOVER type over time, and what the database holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import duckdb

from kroniek.query.events import EventFilter
from kroniek.query.scope import matching_events

Bucket = Literal["day", "week", "month"]


@dataclass(frozen=True, slots=True)
class TypeSeries:
    """Counts of one PLOVER type, one per period of the timeline."""

    event_type: str
    counts: list[int]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Events per type and period; periods run without gaps from the first to the last."""

    bucket: Bucket
    periods: list[str]
    """First day of each period (a week starts on Monday), ISO format."""
    series: list[TypeSeries]
    undated: int
    """Matching events with neither an event date nor a publication date."""


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
    types: list[TypeCount]
    countries: list[str]
    """Countries among event actors and recipients, for the country filter."""
    first_date: str | None
    last_date: str | None


def timeline(con: duckdb.DuckDBPyConnection, where: EventFilter, bucket: Bucket) -> Timeline:
    """Matching events counted per type and period, dated by event date else publication."""
    rows = matching_events(con, where)
    counts: Counter[tuple[date, str]] = Counter()
    undated = 0
    for row in rows:
        day = parse_partial_date(row.date)
        if day is None:
            undated += 1
        else:
            counts[(period_start(day, bucket), row.event_type)] += 1
    periods = _periods({p for p, _ in counts}, bucket)
    types = sorted({t for _, t in counts})
    series = [TypeSeries(t, [counts[(p, t)] for p in periods]) for t in types]
    return Timeline(bucket, [p.isoformat() for p in periods], series, undated)


def parse_partial_date(value: str | None) -> date | None:
    """``2022-01-05``, ``2022-01`` or ``2014`` → a date on the first day it may mean."""
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        numbers += [1] * (3 - len(numbers))
        return date(*numbers)
    except ValueError:
        return None


def period_start(day: date, bucket: Bucket) -> date:
    """The first day of the day, week (Monday) or month that contains ``day``."""
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
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
        types=[TypeCount(str(t), int(n)) for t, n in types],
        countries=[str(c[0]) for c in countries],
        first_date=first,
        last_date=last,
    )
