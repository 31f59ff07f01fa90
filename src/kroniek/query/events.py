"""Read-only questions about coded events: filtered lists and the PLOVER JSON export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import duckdb


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``kroniek events`` and the export may filter on; None means any."""

    event_type: str | None = None
    actor: str | None = None
    """An actor id, export code or country code among the event's actors."""
    recipient: str | None = None
    country: str | None = None
    """A country among the actors or recipients."""
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None
    include_negated: bool = False
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with its document date, sentence and arguments, as stored."""

    event_id: str
    doc_id: str
    date: str | None
    sentence_index: int
    event_type: str
    mode: str
    context: list[str]
    trigger_text: str
    trigger_start: int
    trigger_end: int
    aux: list[str]
    rule_id: str
    confidence: float
    quad_code: int | None
    event_scale: float | None
    coder: str
    coded_at: str
    sentence_text: str
    sentence_start: int
    arguments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


_EVENTS_SQL = """
SELECT e.event_id, e.doc_id, d.published, e.sentence_index, e.event_type, e.mode, e.context,
       e.trigger_text, e.trigger_start, e.trigger_end, e.aux, e.rule_id, e.confidence,
       e.quad_code, e.event_scale, e.coder, strftime(e.coded_at, '%Y-%m-%d'),
       substr(d.text, s.start_char + 1, s.end_char - s.start_char), s.start_char
FROM events e
JOIN documents d USING (doc_id)
JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
WHERE (? IS NULL OR e.event_type = ?)
  AND (? IS NULL OR e.doc_id = ?)
  AND (? IS NULL OR d.published >= ?)
  AND (? IS NULL OR d.published <= ?)
  AND (? OR NOT list_contains(e.aux, 'negated'))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role = 'actor' AND ? IN (a.actor_id, a.code, a.country)))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role = 'recipient' AND ? IN (a.actor_id, a.code, a.country)))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role IN ('actor', 'recipient') AND a.country = ?))
ORDER BY d.published NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start
"""


def _parameters(where: EventFilter) -> list[object]:
    """Bind values for _EVENTS_SQL, each filter twice (the NULL test and the comparison)."""
    values: list[object] = []
    for value in (where.event_type, where.doc_id, where.date_from, where.date_to):
        values += [value, value]
    values.append(where.include_negated)
    for value in (where.actor, where.recipient, where.country):
        values += [value, value]
    return values


def list_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[EventRow]:
    """Events matching the filter, oldest document first, with their arguments."""
    sql = _EVENTS_SQL + (" LIMIT ?" if where.limit is not None else "")
    params = _parameters(where) + ([where.limit] if where.limit is not None else [])
    rows = [EventRow(*row) for row in con.execute(sql, params).fetchall()]
    if not rows:
        return rows
    arguments = _arguments(con, [r.event_id for r in rows])
    for row in rows:
        row.arguments.update(arguments.get(row.event_id, {}))
    return rows


def _arguments(
    con: duckdb.DuckDBPyConnection, event_ids: list[str]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Arguments of the given events: event id → role → argument dicts in order."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for event_id, role, start, end, text, actor_id, name, code, country, sector in con.execute(
        "SELECT event_id, role, start_char, end_char, text, actor_id, name, code, country, "
        "sector FROM event_arguments WHERE list_contains(?, event_id) ORDER BY event_id, role, "
        "position",
        [event_ids],
    ).fetchall():
        grouped[event_id][role].append(
            {
                "code": code,
                "name": name,
                "country": country,
                "sector": sector,
                "actor_id": actor_id,
                "text": text,
                "start": start,
                "end": end,
            }
        )
    return grouped


def plover_record(row: EventRow) -> dict[str, Any]:
    """One event in PLOVER's JSON field names, plus kroniek's evidence fields."""
    offset = row.sentence_start
    return {
        "id": row.event_id,
        "date": row.date,
        "actor": row.arguments.get("actor", []),
        "recipient": row.arguments.get("recipient", []),
        "event": row.event_type,
        "mode": row.mode,
        "context": row.context,
        "event_text": row.sentence_text,
        "quad_code": row.quad_code,
        "event_scale": row.event_scale,
        "coder": row.coder,
        "coded_date": row.coded_at,
        "doc_id": row.doc_id,
        "sentence_index": row.sentence_index,
        "evidence": {
            "trigger": {
                "text": row.trigger_text,
                "start": row.trigger_start,
                "end": row.trigger_end,
                "sentence_offset": row.trigger_start - offset,
            },
            "source": row.arguments.get("source", []),
        },
        "aux": row.aux,
        "confidence": row.confidence,
        "rule": row.rule_id,
    }


def plover_records(con: duckdb.DuckDBPyConnection, where: EventFilter) -> Iterator[dict[str, Any]]:
    """Every matching event as a PLOVER record."""
    for row in list_events(con, where):
        yield plover_record(row)
