"""Which events a filter selects (each with its date: see ``EventRow.date``).

The aggregate views (timeline, network, places, export) all start from the events that
``kroniek.query.events.list_events`` selects, so every view applies the filter exactly as
``kroniek events`` does; only the aggregation is theirs.
"""

from __future__ import annotations

from dataclasses import replace

import duckdb

from kroniek.query.events import EventFilter, EventRow, list_events


def matching_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[EventRow]:
    """Every event the filter selects, ignoring its paging (aggregates need them all)."""
    return list_events(con, replace(where, limit=None, offset=0))
