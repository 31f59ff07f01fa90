"""Stored events, places and dates located by block: what scoring against gold reads.

Gold corpora such as EventDNA locate their annotations by sentence; kroniek analyses
each gold sentence as a block of its own, so a block index names the gold sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import duckdb

Spans = dict[tuple[str, int], list[tuple[int, int, str]]]
"""(document, block) → (start, end, label) of spans located there."""

_SENTENCE_JOIN = "JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"


@dataclass(frozen=True, slots=True)
class LocatedEvent:
    """A coded event, the block (gold sentence) it lies in, and its spans."""

    doc_id: str
    sentence: int
    """The block index: the gold sentence the event was found in."""
    plover_type: str
    actor_spans: tuple[tuple[int, int], ...]
    recipient_spans: tuple[tuple[int, int], ...]
    trigger: tuple[int, int] = (0, 0)


def located_events(con: duckdb.DuckDBPyConnection) -> list[LocatedEvent]:
    """Every stored event with its block and argument spans, once for each of its reports."""
    arguments: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for event_id, role, start, end in con.execute(
        "SELECT event_id, role, start_char, end_char FROM event_arguments"
    ).fetchall():
        arguments[event_id][role].append((start, end))
    # A happening reported several times is located at each report (its mentions).
    rows = con.execute(
        "SELECT e.event_id, e.doc_id, s.block_index, e.event_type, "
        "coalesce(m.trigger_start, e.trigger_start), coalesce(m.trigger_end, e.trigger_end) "
        "FROM events e LEFT JOIN event_mentions m USING (event_id) "
        "JOIN sentences s ON s.doc_id = e.doc_id "
        "AND s.sentence_index = coalesce(m.sentence_index, e.sentence_index)"
    ).fetchall()
    return [
        LocatedEvent(
            doc_id,
            block,
            event_type,
            tuple(arguments[event_id]["actor"]),
            tuple(arguments[event_id]["recipient"]),
            (start, end),
        )
        for event_id, doc_id, block, event_type, start, end in rows
    ]


_SETTING_SPANS = {
    "place": "SELECT m.doc_id, s.block_index, m.start_char, m.end_char, m.name "
    "FROM place_mentions m JOIN sentences s USING (doc_id, sentence_index)",
    "event place": "SELECT e.doc_id, s.block_index, p.start_char, p.end_char, e.event_type "
    f"FROM event_places p JOIN events e USING (event_id) {_SENTENCE_JOIN} "
    "WHERE p.basis NOT IN ('actor', 'recipient')",
    "event time": "SELECT e.doc_id, s.block_index, d.start_char, d.end_char, e.event_type "
    f"FROM event_dates d JOIN events e USING (event_id) {_SENTENCE_JOIN} "
    "WHERE d.start_char IS NOT NULL",
    "found": f"SELECT e.doc_id, s.block_index, 0, 0, e.event_type FROM events e {_SENTENCE_JOIN}",
    "time value": "SELECT e.doc_id, s.block_index, d.start_char, d.end_char, "
    f"coalesce(d.value, '-') FROM event_dates d JOIN events e USING (event_id) {_SENTENCE_JOIN} "
    "WHERE d.start_char IS NOT NULL",
}


def setting_spans(con: duckdb.DuckDBPyConnection) -> dict[str, Spans]:
    """By kind: place names (labelled with the place), event places and event times
    taken from words (labelled with the event type), events found (type), and the
    time expressions events were dated by (labelled with the value, '-' if none)."""
    spans: dict[str, Spans] = {kind: defaultdict(list) for kind in _SETTING_SPANS}
    for kind, sql in _SETTING_SPANS.items():
        for doc_id, block, start, end, label in con.execute(sql).fetchall():
            spans[kind][(str(doc_id), int(block))].append((int(start), int(end), str(label)))
    return spans
