"""Where events happened: places with coordinates and event counts, and counts per country."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import duckdb
import pycountry

from kroniek.query.events import EventFilter
from kroniek.query.scope import matching_events


@dataclass(frozen=True, slots=True)
class PlacePoint:
    """A gazetteer place and how many matching events happened there."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    precision: str
    events: int


@dataclass(frozen=True, slots=True)
class CountryCount:
    """Matching events per country, by where they happened and by who took part."""

    country: str
    """ISO3, or a PLOVER non-state code (these have no ``numeric``)."""
    numeric: str | None
    """ISO 3166-1 numeric code, as world-atlas names its country shapes (``398``)."""
    name: str | None
    located: int
    """Events whose place lies in the country."""
    involved: int
    """Events with an actor or recipient of the country."""


@dataclass(frozen=True, slots=True)
class PlaceMap:
    """Everything the map view draws."""

    places: list[PlacePoint]
    countries: list[CountryCount]
    unlocated: int
    """Matching events without a place (the setting stage found none, or has not run)."""


def place_map(con: duckdb.DuckDBPyConnection, where: EventFilter) -> PlaceMap:
    """Places of the matching events with counts, and per-country counts for shading."""
    rows = matching_events(con, where)
    ids = [r.event_id for r in rows]
    places = _points(con, ids)
    located = _located_by_country(con, ids)
    involved: Counter[str] = Counter()
    for row in rows:
        codes = {
            str(a["country"])
            for role in ("actor", "recipient")
            for a in row.arguments.get(role, [])
            if a.get("country")
        }
        involved.update(codes)
    unlocated = len(ids) - _located_events(con, ids)
    countries = [
        _country(code, located.get(code, 0), involved.get(code, 0))
        for code in sorted(set(located) | set(involved))
    ]
    return PlaceMap(places, countries, unlocated)


def _points(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[PlacePoint]:
    """Distinct places of the given events with the number of events at each."""
    if not ids:
        return []
    rows = con.execute(
        "SELECT geonameid, any_value(name), any_value(latitude), any_value(longitude), "
        "any_value(country), any_value(precision), count(DISTINCT event_id) AS n "
        "FROM event_places WHERE list_contains(?, event_id) "
        "GROUP BY geonameid ORDER BY n DESC, geonameid",
        [ids],
    ).fetchall()
    return [PlacePoint(*row) for row in rows]


def _located_by_country(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, int]:
    """ISO3 → number of the given events placed in that country."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT country, count(DISTINCT event_id) FROM event_places "
        "WHERE list_contains(?, event_id) GROUP BY country",
        [ids],
    ).fetchall()
    return {str(country): int(n) for country, n in rows}


def _located_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> int:
    """How many of the given events have at least one place."""
    if not ids:
        return 0
    row = con.execute(
        "SELECT count(DISTINCT event_id) FROM event_places WHERE list_contains(?, event_id)",
        [ids],
    ).fetchone()
    return int(row[0]) if row else 0


def _country(code: str, located: int, involved: int) -> CountryCount:
    """A country count with the numeric code and English name the map needs."""
    found = pycountry.countries.get(alpha_3=code)
    numeric = str(found.numeric) if found else None
    name = str(found.name) if found else None
    return CountryCount(code, numeric, name, located, involved)
