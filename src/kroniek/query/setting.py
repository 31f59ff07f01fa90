"""Read-only questions about where, when and how many: the setting tables of migration 004.

The setting stage may not have run on a database (or found nothing): every function here
returns empty results then, never an error.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import duckdb


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """Where an event happened, with the words (or argument) that say so."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    feature_class: str
    feature_code: str
    precision: str
    basis: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateRow:
    """When an event happened; ``value`` is None when the words could not be resolved."""

    value: str | None
    precision: str | None
    basis: str
    start: int | None
    end: int | None
    text: str
    note: str | None = None
    applies_to: str | None = None
    """The code of the one argument this date belongs to; None for the whole event."""


@dataclass(frozen=True, slots=True)
class QuantityRow:
    """A number attached to an event (troops, killed, injured, arrested, crowd)."""

    kind: str
    low: int
    high: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A direct or reported quotation and, when known, its speaker's span and actor."""

    sentence_index: int
    direct: bool
    start: int
    end: int
    text: str
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_actor_id: str | None
    speaker_name: str | None
    speaker_code: str | None
    speaker_country: str | None


@dataclass(frozen=True, slots=True)
class PlaceNameRow:
    """A place named in the text and the gazetteer entry it was resolved to."""

    sentence_index: int
    start: int
    end: int
    text: str
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    precision: str


@dataclass(slots=True)
class Setting:
    """Everything the setting stage stored about one event."""

    places: list[PlaceRow] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    quantities: list[QuantityRow] = field(default_factory=list)


_PLACES_SQL = (
    "SELECT event_id, geonameid, name, latitude, longitude, country, feature_class, "
    "feature_code, precision, basis, start_char, end_char, text FROM event_places "
    "WHERE {where} ORDER BY event_id, start_char"
)
_DATES_SQL = (
    "SELECT event_id, value, precision, basis, start_char, end_char, text, note, applies_to "
    "FROM event_dates WHERE {where} ORDER BY event_id, applies_to NULLS FIRST, start_char"
)
_QUANTITIES_SQL = (
    "SELECT event_id, kind, low, high, start_char, end_char, text FROM event_quantities "
    "WHERE {where} ORDER BY event_id, start_char"
)


def settings_of_events(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, Setting]:
    """Event id → its places, dates and quantities (absent ids have none)."""
    if not event_ids:
        return {}
    return _settings(con, "list_contains(?, event_id)", [event_ids])


def _settings(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object]
) -> dict[str, Setting]:
    """Run the three setting queries with one fixed WHERE clause and its bind values."""
    found: dict[str, Setting] = defaultdict(Setting)
    parts: tuple[tuple[str, str, type[PlaceRow | DateRow | QuantityRow]], ...] = (
        ("places", _PLACES_SQL, PlaceRow),
        ("dates", _DATES_SQL, DateRow),
        ("quantities", _QUANTITIES_SQL, QuantityRow),
    )
    for name, sql, row_type in parts:
        for event_id, *fields in con.execute(sql.format(where=where), params).fetchall():
            getattr(found[str(event_id)], name).append(row_type(*fields))
    return dict(found)


def quotes_of_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[QuoteRow]:
    """The document's quotations in text order."""
    rows = con.execute(
        "SELECT sentence_index, direct, start_char, end_char, text, speaker_start, speaker_end, "
        "speaker_text, speaker_actor_id, speaker_name, speaker_code, speaker_country "
        "FROM quotes WHERE doc_id = ? ORDER BY quote_index",
        [doc_id],
    ).fetchall()
    return [QuoteRow(*row) for row in rows]


def place_mentions_of_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[PlaceNameRow]:
    """Every place named in the document, resolved or not to an event, in text order."""
    rows = con.execute(
        "SELECT sentence_index, start_char, end_char, text, geonameid, name, latitude, "
        "longitude, country, precision FROM place_mentions WHERE doc_id = ? "
        "ORDER BY start_char",
        [doc_id],
    ).fetchall()
    return [PlaceNameRow(*row) for row in rows]
