"""Events as flat dyad rows for spreadsheets and data frames: CSV and Parquet.

One row per actor–recipient pair of an event, with columns named as GDELT and ACLED users
expect (``actor1_*``, ``actor2_*``, ``quad_code``, an event scale like Goldstein's). An event
without recipients gives one row with empty ``actor2_*``; without actors, empty ``actor1_*``.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, Literal, TextIO

import duckdb

from kroniek.query.events import (
    EventFilter,
    EventRow,
    date_period,
    list_events,
    plover_record,
)
from kroniek.query.scope import matching_events
from kroniek.query.setting import PlaceRow

ExportFormat = Literal["plover-jsonl", "csv", "parquet"]


@dataclass(frozen=True, slots=True)
class DyadRow:
    """One actor–recipient pair of one event, with its place, date period and evidence.

    ``docs/data-dictionary.md`` describes every column; a test holds the two together.
    """

    event_id: str
    date_start: date | None
    """First day of the period the pair's date stands for (see ``date_precision``)."""
    date_end: date | None
    date_precision: str | None
    """day, month or year; None when no date is known."""
    actor1_code: str | None
    actor1_name: str | None
    actor1_country: str | None
    actor1_sector: str | None
    actor2_code: str | None
    actor2_name: str | None
    actor2_country: str | None
    actor2_sector: str | None
    event_type: str
    mode: str
    quad_code: int | None
    event_scale: float | None
    location_name: str | None
    location_lat: float | None
    location_lon: float | None
    location_country: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    troops: int | None
    crowd: int | None
    """The lower bound of each number the text gives ("duizenden" → 1000)."""
    aux: list[str]
    """Auxiliary modes (historical, negated, reported, …): a list in Parquet, ``;``-joined
    in CSV."""
    confidence: float
    mentions: int
    """How often the document reports the happening (one event, one or more reports)."""
    trigger: str
    sentence: str
    sentence_index: int
    rule: str
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    """The publication date as the source gave it (YYYY[-MM[-DD]])."""
    language: str


COLUMNS = tuple(f.name for f in fields(DyadRow))
QUANTITY_COLUMNS = {"killed": "dead", "injured": "injured", "arrested": "arrested"} | {
    "troops": "troops",
    "crowd": "crowd",
}
"""Quantity kind as stored → its export column."""

# DuckDB column types of DyadRow, by name; the rest are VARCHAR. Parquet keeps numbers as
# numbers, dates as DATE and the aux modes as a list.
COLUMN_TYPES = {
    "date_start": "DATE",
    "date_end": "DATE",
    "quad_code": "INTEGER",
    "event_scale": "DOUBLE",
    "location_lat": "DOUBLE",
    "location_lon": "DOUBLE",
    "confidence": "DOUBLE",
    "mentions": "INTEGER",
    "sentence_index": "INTEGER",
    "aux": "VARCHAR[]",
} | {column: "BIGINT" for column in QUANTITY_COLUMNS.values()}


def dyad_rows(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[DyadRow]:
    """Every matching event, expanded into its actor–recipient pairs."""
    events = matching_events(con, where)
    rows: list[DyadRow] = []
    for event in events:
        rows.extend(_dyads(event, event.place))
    return rows


def _dyad_date(
    event: EventRow, actor: dict[str, Any], recipient: dict[str, Any]
) -> tuple[date | None, date | None, str | None]:
    """The date period of one pair: a date of the recipient's or actor's own, else the event's.

    "Georgië en Oekraïne (2014)": the pair with Ukraine is dated 2014, the one with
    Georgia has no date.
    """
    own = {d.applies_to: d for d in event.setting.dates if d.applies_to}
    for party in (recipient, actor):
        found = own.get(party.get("code") or "")
        if found is not None:
            period = date_period(found.value) if found.value else None
            return (*period, found.precision) if period else (None, None, None)
    return event.date_start, event.date_end, event.date_precision if event.date else None


Quantities = tuple[int | None, int | None, int | None, int | None, int | None]


def _quantities(event: EventRow) -> Quantities:
    """Dead, injured, arrested, troops and crowd of the event; None where none is given."""
    given = {QUANTITY_COLUMNS[q.kind]: q.low for q in event.setting.quantities}
    dead, injured, arrested, troops, crowd = (given.get(c) for c in QUANTITY_COLUMNS.values())
    return dead, injured, arrested, troops, crowd


def _dyads(event: EventRow, place: PlaceRow | None) -> list[DyadRow]:
    """The rows of one event: actors × recipients, a missing side as one empty party."""
    empty: dict[str, Any] = {}
    actors = event.arguments.get("actor") or [empty]
    recipients = event.arguments.get("recipient") or [empty]
    return [
        DyadRow(
            event.event_id,
            *_dyad_date(event, actor, recipient),
            *_party(actor),
            *_party(recipient),
            event.event_type,
            event.mode,
            event.quad_code,
            event.event_scale,
            place.name if place else None,
            place.latitude if place else None,
            place.longitude if place else None,
            place.country if place else None,
            *_quantities(event),
            list(event.aux),
            event.confidence,
            len(event.mentions),
            event.trigger_text,
            event.sentence_text,
            event.sentence_index,
            event.rule_id,
            event.doc_id,
            event.title,
            event.url,
            event.source,
            event.published,
            event.language,
        )
        for actor in actors
        for recipient in recipients
    ]


def _party(argument: dict[str, Any]) -> tuple[str | None, str | None, str | None, str | None]:
    """Code, name, country and sector of an argument; an unresolved one keeps its text."""
    name = argument.get("name") or argument.get("text")
    return (argument.get("code"), name, argument.get("country"), argument.get("sector"))


def _csv_value(value: object) -> object:
    """A cell of the CSV: lists joined by ``;``, dates in ISO form, None as empty."""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def write_csv(rows: list[DyadRow], stream: TextIO) -> None:
    """CSV with a header row, RFC 4180 quoting, lists joined by ``;``."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([_csv_value(v) for v in astuple(row)] for row in rows)


def dyad_table(mem: duckdb.DuckDBPyConnection, rows: list[DyadRow], name: str = "dyads") -> None:
    """The rows as a typed table in a private (in-memory) DuckDB connection.

    The database itself is open read-only, so the rows go into a connection of their own,
    bound as column lists, never pasted into SQL.
    """
    columns = ", ".join(f"{column} {COLUMN_TYPES.get(column, 'VARCHAR')}" for column in COLUMNS)
    mem.execute(f"CREATE TABLE {name} ({columns})")
    if rows:
        values = [[getattr(row, column) for row in rows] for column in COLUMNS]
        unnested = ", ".join(f"unnest(${n})" for n in range(1, len(COLUMNS) + 1))
        mem.execute(f"INSERT INTO {name} SELECT {unnested}", values)


def write_parquet(rows: list[DyadRow], path: Path) -> None:
    """A Parquet file with typed columns (dates as DATE, aux as a list), written by DuckDB."""
    with duckdb.connect(":memory:") as mem:
        dyad_table(mem, rows)
        mem.table("dyads").write_parquet(str(path))


def _plover_jsonl(con: duckdb.DuckDBPyConnection, where: EventFilter) -> tuple[bytes, int]:
    """A PLOVER record per line, with kroniek's evidence fields."""
    lines = [json.dumps(plover_record(r), ensure_ascii=False) for r in list_events(con, where)]
    return "".join(line + "\n" for line in lines).encode(), len(lines)


def _csv(con: duckdb.DuckDBPyConnection, where: EventFilter) -> tuple[bytes, int]:
    """The dyad rows as CSV."""
    rows = dyad_rows(con, where)
    text = io.StringIO()
    write_csv(rows, text)
    return text.getvalue().encode(), len(rows)


def _parquet(con: duckdb.DuckDBPyConnection, where: EventFilter) -> tuple[bytes, int]:
    """The dyad rows as a typed Parquet file."""
    rows = dyad_rows(con, where)
    with tempfile.TemporaryDirectory(prefix="kroniek-export-") as folder:
        path = Path(folder) / "events.parquet"
        write_parquet(rows, path)
        return path.read_bytes(), len(rows)


@dataclass(frozen=True, slots=True)
class Export:
    """One export format: what it is, how it is served and saved, and how it is written."""

    name: ExportFormat
    description: str
    media_type: str
    suffix: str
    unit: str
    """What one record of it is: "events" or "rows"."""
    binary: bool
    write: Callable[[duckdb.DuckDBPyConnection, EventFilter], tuple[bytes, int]]


EXPORTS: dict[str, Export] = {
    export.name: export
    for export in (
        Export(
            "plover-jsonl",
            "a PLOVER event per line, with evidence",
            "application/x-ndjson",
            "jsonl",
            "events",
            False,
            _plover_jsonl,
        ),
        Export(
            "csv",
            "a row per actor–recipient pair, GDELT/ACLED-like columns",
            "text/csv; charset=utf-8",
            "csv",
            "rows",
            False,
            _csv,
        ),
        Export(
            "parquet",
            "the same rows, typed",
            "application/vnd.apache.parquet",
            "parquet",
            "rows",
            True,
            _parquet,
        ),
    )
}
"""Every export format, registered once: the CLI and the API read these, and a test holds
the dashboard's export links to them."""


def export_bytes(
    con: duckdb.DuckDBPyConnection, where: EventFilter, export_format: str
) -> tuple[bytes, int]:
    """The matching events as a file's bytes, and how many records (events or rows) it has."""
    return EXPORTS[export_format].write(con, where)
