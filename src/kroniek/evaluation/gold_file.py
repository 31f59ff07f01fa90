"""Scoring against our own gold format: documents with the events a careful reader codes.

One JSON object per line::

    {"id": "g1", "date": "2022-01-06", "text": "De Kazachse president Tokajev vroeg
     Rusland om militaire hulp.", "events": [{"actor": ["KAZ"], "event": "REQUEST",
     "recipient": ["RUS"]}]}

``actor`` and ``recipient`` are lists of export codes (ISO3 or an organisation's acronym);
an empty list means "none named".  Events and expectations are compared as dyads
(actor code, type, recipient code): a compound event with four actors is four dyads.
Negated events are left out, as in the export.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek import pipeline
from kroniek.config import IngestConfig, KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.ingest.json_format import document_from_value
from kroniek.nlp.pool import Analyser
from kroniek.query.events import EventFilter, list_events
from kroniek.records import SourceDocument
from kroniek.store import open_for_reading

Dyad = tuple[str, str, str]
NONE = "-"


@dataclass(frozen=True, slots=True)
class GoldScores:
    """Dyad and type-only precision and recall over a gold file."""

    documents: int
    predicted: int
    expected: int
    dyads_matched_predicted: int
    dyads_matched_expected: int
    types_matched_predicted: int
    types_matched_expected: int
    missed: tuple[tuple[str, str, str, str], ...]
    """(doc id, actor, type, recipient) of expected dyads nobody coded."""


def _dyads(actors: list[str], event: str, recipients: list[str]) -> set[Dyad]:
    """Every (actor, type, recipient) pair of an event; "-" where none is named."""
    return {(a, event, r) for a in (actors or [NONE]) for r in (recipients or [NONE])}


def read_gold(path: Path) -> Iterator[tuple[SourceDocument, set[Dyad]]]:
    """Documents and their expected dyads; a malformed line is an error with its number."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            expected = set().union(
                *(
                    _dyads(e.get("actor", []), e["event"], e.get("recipient", []))
                    for e in record.get("events", [])
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KroniekError(Msg.E403.format(path=path, line=number, detail=exc)) from exc
        # Built exactly as ingest builds a JSON line, so ids and text are the same.
        document = document_from_value(record, str(path), number, IngestConfig())
        if not isinstance(document, SourceDocument):
            raise KroniekError(Msg.E403.format(path=path, line=number, detail=document.reason))
        yield document, expected


def evaluate_gold(
    path: Path,
    config: KroniekConfig,
    reporter: pipeline.Reporter,
    make_analyser: Callable[[], Analyser] | None = None,
) -> GoldScores:
    """Code the gold documents into ``config.db_path`` and compare dyads."""
    gold = list(read_gold(path))
    documents = (doc for doc, _ in gold)
    pipeline.run_documents(
        documents, config, reporter, command="eval gold", make_analyser=make_analyser
    )
    predicted_by_doc: dict[str, set[Dyad]] = {}
    with open_for_reading(config.db_path) as con:
        for doc, _ in gold:
            found: set[Dyad] = set()
            for row in list_events(con, EventFilter(doc_id=doc.doc_id)):
                actors = [str(a["code"]) for a in row.arguments.get("actor", []) if a["code"]]
                recipients = [
                    str(a["code"]) for a in row.arguments.get("recipient", []) if a["code"]
                ]
                found |= _dyads(actors, row.event_type, recipients)
            predicted_by_doc[doc.doc_id] = found
    return _compare(gold, predicted_by_doc)


def _compare(
    gold: list[tuple[SourceDocument, set[Dyad]]], predicted: dict[str, set[Dyad]]
) -> GoldScores:
    """Count matches of full dyads and of event types alone."""
    counts = {"p": 0, "e": 0, "dp": 0, "de": 0, "tp": 0, "te": 0}
    missed = []
    for doc, expected in gold:
        ours = predicted.get(doc.doc_id, set())
        counts["p"] += len(ours)
        counts["e"] += len(expected)
        counts["dp"] += len(ours & expected)
        counts["de"] += len(expected & ours)
        types_expected = {t for _, t, _ in expected}
        types_ours = {t for _, t, _ in ours}
        counts["tp"] += sum(1 for _, t, _ in ours if t in types_expected)
        counts["te"] += sum(1 for _, t, _ in expected if t in types_ours)
        missed += [(doc.doc_id, a, t, r) for a, t, r in sorted(expected - ours)]
    return GoldScores(
        len(gold),
        counts["p"],
        counts["e"],
        counts["dp"],
        counts["de"],
        counts["tp"],
        counts["te"],
        tuple(missed),
    )
