"""The one writer of the database.

Every write goes through a ``Writer``, used from a single thread.  Each
document, and later each document's analysis, is written in one transaction:
a run killed at any moment leaves whole documents or none, and the next run
picks up what is missing.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from kroniek.errors import Msg
from kroniek.records import (
    AnalysedDocument,
    Block,
    CodedEvents,
    EventDates,
    EventPlaces,
    IngestProblem,
    ResolvedActors,
    SourceDocument,
)
from kroniek.stages import DocumentRecords, StoredStage
from kroniek.store.database import open_for_writing
from kroniek.store.loading import load_actors, load_analysis, load_events

StoreOutcome = Literal["new", "unchanged", "duplicate", "id-conflict"]
StageResult = ResolvedActors | CodedEvents | EventPlaces | EventDates
"""The records the Frog-free stages make, each stored in its own tables."""


@dataclass(frozen=True, slots=True)
class StoredVersions:
    """An analysed document: its analyser and what its stored stage results were made from."""

    doc_id: str
    analyser: str
    stages: dict[str, StoredStage]


DocumentStatus = Literal["stored", "analysed", "unsupported-language", "failed"]


# ActorMention attributes in the column order of actor_mentions, after doc_id and mention_index.
_ACTOR_FIELDS = (
    "sentence_index",
    "start",
    "end",
    "text",
    "actor_id",
    "kind",
    "name",
    "code",
    "country",
    "sector",
    "role",
    "confidence",
    "method",
)
# Event attributes in the column order of events, after event_id and doc_id.
_EVENT_FIELDS = (
    "sentence_index",
    "event_type",
    "mode",
    "context",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "aux",
    "rule_id",
    "confidence",
    "quad_code",
    "event_scale",
)
# EventArgument attributes in the column order of event_arguments, after position.
_ARGUMENT_FIELDS = (
    "start",
    "end",
    "text",
    "actor_id",
    "name",
    "code",
    "country",
    "sector",
    "method",
    "confidence",
)
_MENTION_FIELDS = ("sentence_index", "trigger_start", "trigger_end", "trigger_text", "rule_id")
# Place attributes in the column order of event_places, after event_id and doc_id.
_PLACE_FIELDS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "country",
    "feature_class",
    "feature_code",
    "precision",
)
_SPAN_FIELDS = ("sentence_index", "start", "end", "text")
_QUANTITY_FIELDS = ("kind", "low", "high", "start", "end", "text")
_QUOTE_FIELDS = ("sentence_index", "direct", "start", "end", "text")
_DATE_FIELDS = ("value", "precision", "basis", "start", "end", "text", "note", "applies_to")


def _now() -> datetime:
    """Current UTC time without tzinfo, as DuckDB's TIMESTAMP stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


class Writer:
    """Writes documents, analyses and run records; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = open_for_writing(path)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Checkpoint and close the connection."""
        self._con.close()

    def start_run(self, command: str) -> int:
        """Record the start of a run and return its id."""
        row = self._con.execute(
            "INSERT INTO runs VALUES (nextval('run_ids'), ?, ?, NULL, NULL) RETURNING run_id",
            [command, _now()],
        ).fetchone()
        assert row is not None  # INSERT … RETURNING always yields the new row
        return int(row[0])

    def finish_run(self, run_id: int, summary: dict[str, int]) -> None:
        """Record the end of a run with its counts."""
        self._con.execute(
            "UPDATE runs SET finished_at = ?, summary = ? WHERE run_id = ?",
            [_now(), json.dumps(summary), run_id],
        )

    def record_problem(self, run_id: int, problem: IngestProblem) -> None:
        """Keep a problem with the run, so it can be listed after the terminal is gone."""
        self._con.execute(
            "INSERT INTO problems VALUES (?, ?, ?, ?)",
            [run_id, problem.origin, problem.line, problem.reason],
        )

    def has_address(self, url: str) -> bool:
        """Whether a document fetched from ``url`` is stored (or recorded as a duplicate):
        a feed item seen by an earlier run is not fetched again."""
        found = self._con.execute(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE url = ? OR origin = ?) "
            "OR EXISTS (SELECT 1 FROM duplicates WHERE origin = ?)",
            [url, url, url],
        ).fetchone()
        return bool(found and found[0])

    def store_document(self, doc: SourceDocument, status: DocumentStatus) -> StoreOutcome:
        """Store a new document with its blocks, or say why it is not stored again."""
        same_id = self._con.execute(
            "SELECT content_hash FROM documents WHERE doc_id = ?", [doc.doc_id]
        ).fetchone()
        if same_id is not None:
            return "unchanged" if same_id[0] == doc.content_hash else "id-conflict"
        same_text = self._con.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? LIMIT 1", [doc.content_hash]
        ).fetchone()
        if same_text is not None:
            self._record_duplicate(doc.origin, str(same_text[0]))
            return "duplicate"
        with self._transaction():
            self._insert_document(doc, status)
        return "new"

    def _insert_document(self, doc: SourceDocument, status: DocumentStatus) -> None:
        """Insert the document row and its blocks (inside the caller's transaction)."""
        self._con.execute(
            # Named columns: later migrations add columns to this table.
            "INSERT INTO documents (doc_id, content_hash, title, text, published, "
            "date_precision, language, url, source, origin, notes, status, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc.doc_id,
                doc.content_hash,
                doc.title,
                doc.text,
                doc.published,
                doc.date_precision,
                doc.language,
                doc.url,
                doc.source,
                doc.origin,
                list(doc.notes),
                status,
                _now(),
            ],
        )
        self._insert_blocks(doc.doc_id, doc.blocks)

    def _record_duplicate(self, origin: str, doc_id: str) -> None:
        """Note that ``origin`` repeats a stored document, once per origin."""
        seen = self._con.execute(
            "SELECT 1 FROM duplicates WHERE origin = ? AND doc_id = ?", [origin, doc_id]
        ).fetchone()
        if seen is None:
            self._con.execute("INSERT INTO duplicates VALUES (?, ?, ?)", [origin, doc_id, _now()])

    def _insert_blocks(self, doc_id: str, blocks: Sequence[Block]) -> None:
        """Insert a document's blocks (inside the caller's transaction)."""
        if blocks:
            self._con.executemany(
                "INSERT INTO blocks VALUES (?, ?, ?, ?, ?)",
                [(doc_id, b.index, b.kind, b.start, b.end) for b in blocks],
            )

    def store_analysis(self, analysed: AnalysedDocument) -> None:
        """Replace a document's sentences, tokens and mentions in one transaction."""
        doc_id = analysed.doc_id
        with self._transaction():
            for table in ("sentences", "tokens", "mentions"):
                self._con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            self._insert_sentences(analysed)
            self._con.execute(
                "UPDATE documents SET status = 'analysed', status_detail = NULL, analyser = ?, "
                "analysed_at = ? WHERE doc_id = ?",
                [analysed.analyser, _now(), doc_id],
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def _insert_sentences(self, analysed: AnalysedDocument) -> None:
        """Insert sentences, tokens and mentions (inside the caller's transaction)."""
        doc_id = analysed.doc_id
        sentences = analysed.sentences
        tokens = [(s.index, t) for s in sentences for t in s.tokens]
        mentions = analysed.mentions
        self._insert_columns(
            "sentences",
            [
                [doc_id] * len(sentences),
                [s.index for s in sentences],
                [s.block_index for s in sentences],
                [s.block_kind for s in sentences],
                [s.start for s in sentences],
                [s.end for s in sentences],
                [s.parsed for s in sentences],
            ],
        )
        # The analyser's own tags are stored; kroniek.nlp reads them back into typed facts.
        self._insert_columns(
            "tokens (doc_id, sentence_index, token_index, start_char, end_char, lemma, tag, "
            "entity_tag, head, relation_label)",
            [
                [doc_id] * len(tokens),
                [index for index, _ in tokens],
                [t.index for _, t in tokens],
                [t.start for _, t in tokens],
                [t.end for _, t in tokens],
                [t.lemma for _, t in tokens],
                [t.tags.tag for _, t in tokens],
                [t.tags.entity for _, t in tokens],
                [t.head for _, t in tokens],
                [t.tags.relation for _, t in tokens],
            ],
        )
        self._insert_columns(
            "mentions",
            [
                [doc_id] * len(mentions),
                list(range(len(mentions))),
                [m.sentence_index for m in mentions],
                [m.label for m in mentions],
                [m.start for m in mentions],
                [m.end for m in mentions],
                [m.text for m in mentions],
            ],
        )

    def _insert_columns(self, table: str, columns: list[list[object]]) -> None:
        """Insert rows given column-wise, in one statement.

        DuckDB inserts row-by-row parameters slowly (``executemany`` costs about
        a millisecond a row); passing each column as one list and unnesting them
        together is two orders of magnitude faster.
        """
        if not columns[0]:
            return
        unnested = ", ".join(f"unnest(${number})" for number in range(1, len(columns) + 1))
        self._con.execute(f"INSERT INTO {table} SELECT {unnested}", columns)

    def store_stage(self, stage: str, result: StageResult, made: StoredStage) -> None:
        """Replace one stage's results for a document and record the versions that made
        them, in one transaction: a killed run leaves the old results or the new ones."""
        with self._transaction():
            if isinstance(result, ResolvedActors):
                self._write_actors(result)
            elif isinstance(result, CodedEvents):
                self._write_events(result)
            elif isinstance(result, EventPlaces):
                self._write_places(result)
            else:
                self._write_dates(result)
            self._con.execute(
                "INSERT OR REPLACE INTO stage_versions VALUES (?, ?, ?, ?, ?, ?)",
                [result.doc_id, stage, made.version, made.made_from, made.result, _now()],
            )

    def _replace(self, doc_id: str, tables: Sequence[str]) -> None:
        """Delete a document's rows from tables about to be written again."""
        for table in tables:
            self._con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def _write_actors(self, resolved: ResolvedActors) -> None:
        """A document's actor mentions."""
        doc_id, mentions = resolved.doc_id, resolved.mentions
        self._replace(doc_id, ["actor_mentions"])
        self._insert_columns(
            "actor_mentions",
            [
                [doc_id] * len(mentions),
                list(range(len(mentions))),
                *([getattr(m, name) for m in mentions] for name in _ACTOR_FIELDS),
            ],
        )

    def _write_events(self, coded: CodedEvents) -> None:
        """A document's events, their arguments, the numbers attached to them, its quotes."""
        doc_id, events = coded.doc_id, coded.events
        arguments = [
            (event.event_id, role, position, argument)
            for event in events
            for role, group in (
                ("actor", event.actors),
                ("recipient", event.recipients),
                ("source", (event.source,) if event.source else ()),
            )
            for position, argument in enumerate(group)
        ]
        self._replace(
            doc_id, ["events", "event_arguments", "event_mentions", "event_quantities", "quotes"]
        )
        self._insert_columns(
            "events",
            [
                [e.event_id for e in events],
                [doc_id] * len(events),
                *([getattr(e, name) for e in events] for name in _EVENT_FIELDS),
                [coded.coder_version] * len(events),
                [_now()] * len(events),
            ],
        )
        self._insert_columns(
            "event_arguments",
            [
                [a[0] for a in arguments],
                [doc_id] * len(arguments),
                [a[1] for a in arguments],
                [a[2] for a in arguments],
                *([getattr(a[3], name) for a in arguments] for name in _ARGUMENT_FIELDS),
            ],
        )
        mentions = [(e.event_id, i, m) for e in events for i, m in enumerate(e.mentions)]
        self._insert_columns(
            "event_mentions",
            [
                [m[0] for m in mentions],
                [doc_id] * len(mentions),
                [m[1] for m in mentions],
                *([getattr(m[2], name) for m in mentions] for name in _MENTION_FIELDS),
            ],
        )
        amounts, quotes = coded.quantities, coded.quotes
        self._insert_columns(
            "event_quantities",
            [
                [q.event_id for q in amounts],
                [doc_id] * len(amounts),
                *([getattr(q, name) for q in amounts] for name in _QUANTITY_FIELDS),
            ],
        )
        speakers = [q.speaker for q in quotes]
        self._insert_columns(
            "quotes",
            [
                [doc_id] * len(quotes),
                list(range(len(quotes))),
                *([getattr(q, name) for q in quotes] for name in _QUOTE_FIELDS),
                *([getattr(s, name) if s else None for s in speakers] for name in _ARGUMENT_FIELDS),
            ],
        )

    def _write_places(self, found: EventPlaces) -> None:
        """The places a document names and each event's place."""
        doc_id, named, places = found.doc_id, found.place_mentions, found.places
        self._replace(doc_id, ["place_mentions", "event_places"])
        self._insert_columns(
            "place_mentions",
            [
                [doc_id] * len(named),
                *([getattr(m, name) for m in named] for name in _SPAN_FIELDS),
                *([getattr(m.place, name) for m in named] for name in _PLACE_FIELDS),
            ],
        )
        self._insert_columns(
            "event_places",
            [
                [p.event_id for p in places],
                [doc_id] * len(places),
                *([getattr(p.place, name) for p in places] for name in _PLACE_FIELDS),
                *([getattr(p, name) for p in places] for name in ("basis", "start", "end", "text")),
            ],
        )

    def _write_dates(self, found: EventDates) -> None:
        """Each event's date."""
        doc_id, dates = found.doc_id, found.dates
        self._replace(doc_id, ["event_dates"])
        self._insert_columns(
            "event_dates",
            [
                [d.event_id for d in dates],
                [doc_id] * len(dates),
                *([getattr(d, name) for d in dates] for name in _DATE_FIELDS),
            ],
        )

    def stored_versions(self) -> list[StoredVersions]:
        """Every analysed document, oldest first, with its analyser and the effective
        versions of the stages stored for it: what the pipeline compares to decide
        which stages to run again."""
        stages: dict[str, dict[str, StoredStage]] = {}
        for doc_id, stage, version, made_from, result in self._con.execute(
            "SELECT doc_id, stage, version, made_from, result FROM stage_versions"
        ).fetchall():
            stages.setdefault(doc_id, {})[stage] = StoredStage(version, made_from, result)
        rows = self._con.execute(
            "SELECT doc_id, analyser FROM documents WHERE status = 'analysed' "
            "ORDER BY ingested_at, doc_id"
        ).fetchall()
        return [StoredVersions(str(d), str(a), stages.get(d, {})) for d, a in rows]

    def load_record(self, records: DocumentRecords, name: str) -> DocumentRecords:
        """The records with the stored record ``name`` (analysis, actors or events) added."""
        doc = records.document
        if name == "analysis":
            return replace(records, analysis=self.load_analysis(doc))
        if name == "actors":
            return replace(records, actors=self.load_actors(doc.doc_id))
        if name == "events":
            return replace(records, events=self.load_events(doc.doc_id))
        raise KeyError(name)

    def load_events(self, doc_id: str) -> CodedEvents:
        """A document's stored events with their arguments, quantities and quotes."""
        return load_events(self._con, doc_id)

    def load_actors(self, doc_id: str) -> ResolvedActors:
        """A document's stored actor mentions."""
        return load_actors(self._con, doc_id)

    def load_analysis(self, doc: SourceDocument) -> AnalysedDocument:
        """A stored analysis, rebuilt as the record the analyser produced."""
        return load_analysis(self._con, doc)

    def mark_failed(self, doc_id: str, detail: str) -> None:
        """Keep the document, flag that its analysis failed; the next run tries again."""
        self._con.execute(
            "UPDATE documents SET status = 'failed', status_detail = ? WHERE doc_id = ?",
            [Msg.E016.format(detail=detail), doc_id],
        )

    def awaiting_analysis(self, languages: Sequence[str]) -> list[str]:
        """Ids of documents in the given languages that have no stored analysis yet."""
        rows = self._con.execute(
            "SELECT doc_id FROM documents WHERE status IN ('stored', 'failed') "
            "AND list_contains(?, language) ORDER BY ingested_at, doc_id",
            [list(languages)],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def load_document(self, doc_id: str) -> SourceDocument:
        """A stored document with its blocks, as the analysis stage needs it."""
        row = self._con.execute(
            "SELECT doc_id, text, title, published, date_precision, language, url, source, "
            "origin, content_hash, notes FROM documents WHERE doc_id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        blocks = self._con.execute(
            "SELECT block_index, kind, start_char, end_char FROM blocks WHERE doc_id = ? "
            "ORDER BY block_index",
            [doc_id],
        ).fetchall()
        return SourceDocument(
            doc_id=row[0],
            text=row[1],
            blocks=tuple(Block(b[0], b[1], b[2], b[3]) for b in blocks),
            title=row[2],
            published=row[3],
            date_precision=row[4],
            language=row[5],
            url=row[6],
            source=row[7],
            origin=row[8],
            content_hash=row[9],
            notes=tuple(row[10]),
        )
