"""Query results → JSON-ready values: the one serialiser of ``kroniek ... --json`` and the API.

Rows are turned into dicts with ``dataclasses.asdict``, so a field added to a query row
reaches both without a change here. ``to_json`` writes any of them, dates as ISO strings.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date
from typing import Any

from kroniek.query.documents import DocumentView
from kroniek.query.events import EventRow
from kroniek.query.setting import PlaceNameRow, QuoteRow


def to_json(value: object) -> str:
    """Records, dicts and lists of them as indented JSON; dates as ISO strings."""
    return json.dumps(value, indent=2, ensure_ascii=False, default=_plain)


def _plain(value: object) -> object:
    """JSON fallback: dataclasses → dicts, dates → ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def events_page_json(
    rows: list[EventRow], total: int, limit: int | None, offset: int
) -> dict[str, Any]:
    """A page of events with the total the filter matches, for paging."""
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "events": [event_json(r) for r in rows],
    }


def event_json(row: EventRow) -> dict[str, Any]:
    """An event row with its places, dates and quantities (``setting``)."""
    return asdict(row)


def evidence_json(row: EventRow) -> dict[str, Any]:
    """Why the event was coded: its sentence, every located span, the rule and modes."""
    sentence_end = row.sentence_start + len(row.sentence_text)
    return {
        "sentence": {"text": row.sentence_text, "start": row.sentence_start, "end": sentence_end},
        "spans": event_spans(row),
        "rule": row.rule_id,
        "mentions": row.mentions,
        "confidence": row.confidence,
        "aux": row.aux,
        "mode": row.mode,
        "context": row.context,
        "coder": row.coder,
    }


def event_spans(row: EventRow) -> list[dict[str, Any]]:
    """Trigger, arguments, places, dates and quantities of one event as located spans."""
    # Every report of the happening is a trigger of the one event; the first is its own.
    spans: list[dict[str, Any]] = [
        _span("trigger", row.event_id, m["start"], m["end"], m["text"])
        | {"event_type": row.event_type, "mode": row.mode}
        for m in row.mentions
    ]
    for role in ("actor", "recipient", "source"):
        for argument in row.arguments.get(role, []):
            spans.append(
                _span(role, row.event_id, argument["start"], argument["end"], argument["text"])
                | {k: argument.get(k) for k in ("actor_id", "code", "name", "country")}
            )
    found = row.setting
    for place in found.places:
        spans.append(
            _span("place", row.event_id, place.start, place.end, place.text)
            | {"name": place.name, "country": place.country, "basis": place.basis}
        )
    for when in found.dates:
        if when.start is not None and when.end is not None:
            spans.append(
                _span("date", row.event_id, when.start, when.end, when.text)
                | {"value": when.value, "precision": when.precision}
            )
    for amount in found.quantities:
        spans.append(
            _span("quantity", row.event_id, amount.start, amount.end, amount.text)
            | {"quantity_kind": amount.kind, "low": amount.low, "high": amount.high}
        )
    return spans


def document_json(
    view: DocumentView,
    events: list[EventRow],
    quotes: list[QuoteRow],
    place_names: list[PlaceNameRow],
) -> dict[str, Any]:
    """A document: its row, text, blocks, sentences, mentions and actors, every span
    located in it, its events, the places it names and its quotations."""
    row = view.row
    spans: list[dict[str, Any]] = [
        _span("mention", None, m.start, m.end, m.text) | {"label": m.kind} for m in view.mentions
    ]
    spans += [
        _span("actor_mention", None, a.start, a.end, a.text)
        | {"actor_id": a.actor_id, "code": a.code, "name": a.name, "actor_kind": a.kind}
        for a in view.actors
    ]
    for event in events:
        spans += event_spans(event)
    spans += [_span("quote", None, q.start, q.end, q.text) | {"direct": q.direct} for q in quotes]
    spans += [
        _span("place_mention", None, p.start, p.end, p.text)
        | {"name": p.name, "country": p.country, "geonameid": p.geonameid}
        for p in place_names
    ]
    return {
        **asdict(view),
        "document": {**asdict(row), "url": view.url, "source": view.source},
        "spans": sorted(spans, key=lambda s: (s["start"], -s["end"])),
        "events": [event_json(e) for e in events],
        "places": [asdict(p) for p in place_names],
        "quotes": [asdict(q) for q in quotes],
    }


def _span(kind: str, event_id: str | None, start: int, end: int, text: str) -> dict[str, Any]:
    """The fields every span has."""
    return {"kind": kind, "event_id": event_id, "start": start, "end": end, "text": text}
