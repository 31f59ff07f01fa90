"""The read-only JSON endpoints under ``/api``.

Every handler is a plain function: FastAPI runs it in a worker thread with its own
cursor (see ``kroniek.api.database``). Queries live in ``kroniek.query``; handlers only
check input, call them and shape the answer.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from kroniek.api.database import request_cursor
from kroniek.api.errors import ApiError
from kroniek.api.filters import event_filter
from kroniek.errors import Msg, NotFoundError
from kroniek.query.documents import get_document
from kroniek.query.events import (
    EventFilter,
    EventOrder,
    count_events,
    get_event,
    list_events,
    plover_record,
)
from kroniek.query.export import EXPORTS, ExportFormat, export_bytes
from kroniek.query.network import actor_counts, network
from kroniek.query.places import place_map
from kroniek.query.serialise import (
    document_json,
    event_json,
    events_page_json,
    evidence_json,
)
from kroniek.query.setting import (
    place_mentions_of_document,
    quotes_of_document,
)
from kroniek.query.stats import BucketChoice, summary, timeline

Cursor = duckdb.DuckDBPyConnection
Con = Annotated[Cursor, Depends(request_cursor)]
Filter = Annotated[EventFilter, Depends(event_filter)]

router = APIRouter(prefix="/api")


@router.get("/events", summary="Events matching the filters, a page at a time")
def events(
    db: Con,
    where: Filter,
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
    sort: Annotated[
        EventOrder, Query(description="Order; '-' in front for descending, e.g. -date.")
    ] = "document",
) -> dict[str, Any]:
    """Events in the order of ``kroniek events`` (or ``sort``), with a total for paging."""
    page = list_events(db, replace(where, limit=limit, offset=offset, sort=sort))
    return events_page_json(page, count_events(db, where), limit, offset)


@router.get("/events/{event_id}", summary="One event with its evidence")
def event(db: Con, event_id: str) -> dict[str, Any]:
    """The event, why it was coded (sentence, spans, rule, modes) and its PLOVER record."""
    row = get_event(db, event_id)
    if row is None:
        raise ApiError(404, Msg.E604.format(event_id=event_id))
    return {
        "event": event_json(row),
        "evidence": evidence_json(row),
        "plover": plover_record(row),
    }


@router.get("/documents/{doc_id}", summary="A document's text with every located span")
def document(db: Con, doc_id: str) -> dict[str, Any]:
    """Text, blocks, sentences and spans: mentions, actors, triggers, arguments, settings."""
    try:
        view = get_document(db, doc_id, "database")
    except NotFoundError as exc:
        raise ApiError(404, Msg.E605.format(doc_id=doc_id)) from exc
    coded = list_events(db, EventFilter(doc_id=doc_id, all_events=True))
    return document_json(
        view,
        coded,
        quotes_of_document(db, doc_id),
        place_mentions_of_document(db, doc_id),
    )


@router.get("/actors", summary="Resolved actors of the matching events, with counts")
def actors(db: Con, where: Filter) -> dict[str, Any]:
    """Actors most active first: as actor, as recipient, and distinct events."""
    return {"actors": [asdict(a) for a in actor_counts(db, where)]}


@router.get("/network", summary="Actor → recipient network of the matching events")
def actor_network(db: Con, where: Filter) -> dict[str, Any]:
    """Nodes are actor codes; edges carry event counts and mean PLOVER event scale."""
    return asdict(network(db, where))


@router.get("/places", summary="Event locations with coordinates, and counts per country")
def places(db: Con, where: Filter) -> dict[str, Any]:
    """Places (empty until the setting stage has run) and per-country counts."""
    return asdict(place_map(db, where))


@router.get("/stats/timeline", summary="Events per PLOVER type per day, week, month or year")
def stats_timeline(
    db: Con,
    where: Filter,
    bucket: Annotated[
        BucketChoice,
        Query(description="Period length; auto follows the precision of the event dates."),
    ] = "auto",
) -> dict[str, Any]:
    """Counts dated by the event's own date when known, else the publication date.

    An event dated more coarsely than a period (a month in a week chart) is counted in
    ``coarse``, one with no date in ``undated``: never in a period it may not lie in.
    """
    return asdict(timeline(db, where, bucket))


@router.get("/stats/summary", summary="What the database holds")
def stats_summary(db: Con) -> dict[str, Any]:
    """Documents, events, the types and countries present and the date range."""
    return asdict(summary(db))


@router.get(
    "/export",
    summary="The matching events as PLOVER JSON lines, CSV dyads or Parquet",
    response_class=Response,
)
def export(
    db: Con,
    where: Filter,
    export_format: Annotated[ExportFormat, Query(alias="format")] = "plover-jsonl",
) -> Response:
    """A download; CSV and Parquet have one row per actor–recipient pair."""
    chosen = EXPORTS[export_format]
    headers = {"Content-Disposition": f'attachment; filename="kroniek-events.{chosen.suffix}"'}
    content, _ = export_bytes(db, where, export_format)
    return Response(content, media_type=chosen.media_type, headers=headers)
