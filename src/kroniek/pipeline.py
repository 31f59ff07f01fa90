"""The one orchestrator: numbered stages, each a call into its package.

1. ingest     - read inputs into documents (``kroniek.ingest``), store them (``kroniek.store``)
2. analyse    - sentences, tokens, parses, entities (``kroniek.nlp``: Frog), store them
3. actors     - resolve actor mentions against the knowledge base (``kroniek.actors``)
4. events     - code PLOVER events clause by clause, with their numbers (``kroniek.events``)
5. arguments  - complete the events from the whole document, find quotations (``kroniek.events``)
6. place      - the places named and each event's place (``kroniek.place``)
7. time       - each event's date (``kroniek.time``)

Stages 3-7 keep the contract of ``kroniek.stages``: each declares the records it
requires and produces and its own version, and runs per document. A document
runs exactly the stages whose stored effective version is out of date, in one
pass over its records. Nothing in this module decides anything about documents;
it only passes records from one stage to the next, counts, and reports progress.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Protocol, TextIO

from kroniek.actors.knowledge import knowledge_base
from kroniek.actors.stage import ActorStage
from kroniek.config import KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.events.lexicon import lexicon
from kroniek.events.stage import ArgumentStage, EventStage
from kroniek.ingest import read_inputs
from kroniek.nlp.frog import FrogAnalyser
from kroniek.nlp.pool import Analyser, analyse_all
from kroniek.place.gazetteer import gazetteer
from kroniek.place.stage import PlaceStage
from kroniek.records import (
    CodedEvents,
    EventPlaces,
    IngestProblem,
    ResolvedActors,
    RunSummary,
    SourceDocument,
)
from kroniek.stages import Chain, DocumentRecords, Stage, StageError, process_document
from kroniek.store import DocumentLedger, DocumentStatus, StageResult, Writer
from kroniek.time.stage import TimeStage

_NOT_COUNTS = ("run_id", "new_documents")
"""RunSummary fields that are not counts (the runs table stores the counts)."""
_OUTCOME_COUNTER = {
    "new": "stored_new",
    "unchanged": "already_stored",
    "duplicate": "duplicates",
    "id-conflict": "id_conflicts",
}


class Reporter(Protocol):
    """Where the pipeline tells the user what is happening (the CLI draws it)."""

    def stage(self, name: str, total: int | None) -> None:
        """A numbered stage begins; ``total`` items if known."""

    def advance(self, label: str) -> None:
        """One item of the current stage is done."""

    def problem(self, problem: IngestProblem) -> None:
        """An input or document failed; the run goes on."""

    def note(self, message: str) -> None:
        """Something worth knowing that is not a failure."""


@dataclass
class Run:
    """What every stage of one run shares: settings, the writer, counts, the reporter."""

    config: KroniekConfig
    writer: Writer
    reporter: Reporter
    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    new_documents: list[str] = field(default_factory=list)

    def problem(self, problem: IngestProblem, *, input_failed: bool = True) -> None:
        """Record a problem with the run and show it; inputs that failed are counted."""
        if input_failed:
            self.counts["input_problems"] += 1
        self.writer.record_problem(self.run_id, problem)
        self.reporter.problem(problem)

    @contextmanager
    def per_document(self, doc_id: str) -> Iterator[None]:
        """Run one document's stages; a failure is reported and the run goes on.

        Each stage writes a document in one transaction, so a failure keeps what the
        stages before it stored, leaves the rest waiting for the next run, and every
        other document is stored.
        """
        try:
            yield
        except StageError as failed:  # one document must never end a corpus run
            self.counts["stage_failures"] += 1
            reason = Msg.E028.format(stage=failed.stage.contract.name, doc_id=doc_id, detail=failed)
            self.problem(IngestProblem(doc_id, None, reason), input_failed=False)

    def count(self, result: StageResult) -> None:
        """Count what a stored stage result adds: a resolved document, events, placed events."""
        if isinstance(result, ResolvedActors):
            self.counts["actors_resolved"] += 1
        elif isinstance(result, CodedEvents):
            self.counts["events_coded"] += len(result.events)
        elif isinstance(result, EventPlaces):
            self.counts["events_placed"] += len(result.places)

    def summary(self) -> RunSummary:
        """The counts as a RunSummary."""
        names = [n for n in RunSummary.__dataclass_fields__ if n not in _NOT_COUNTS]
        counts = {name: self.counts[name] for name in names}
        return RunSummary(run_id=self.run_id, new_documents=tuple(self.new_documents), **counts)


def run(
    paths: Sequence[str],
    config: KroniekConfig,
    reporter: Reporter,
    *,
    analyse: bool = True,
    command: str = "run",
    stdin: TextIO | None = None,
    feeds: Sequence[str] = (),
) -> RunSummary:
    """Run every stage that exists over ``paths`` and ``feeds`` into ``config.db_path``."""

    def inputs(writer: Writer) -> Iterable[SourceDocument | IngestProblem]:
        if not (paths or feeds):
            return ()
        return read_inputs(
            paths, config.ingest, stdin, feeds=feeds, already_stored=writer.has_address
        )

    return run_documents(inputs, config, reporter, analyse=analyse, command=command)


def document_stages(config: KroniekConfig) -> Chain:
    """Stages 3-7, in order, with what they read: knowledge base, lexicon, gazetteer."""
    kb, rules, places = knowledge_base(config.actor_files), lexicon(), gazetteer()
    stages: list[Stage] = [
        ActorStage(kb),
        EventStage(rules, kb),
        ArgumentStage(rules, kb, places),
        PlaceStage(places),
        TimeStage(),
    ]
    return Chain(stages)


def process(records: DocumentRecords, chain: Chain) -> DocumentRecords:
    """Stages 3-7 (``document_stages``) over one analysed document, in memory: what
    evaluation, benchmarks and tests run, composed exactly as a run composes them."""
    return process_document(records, chain)


def run_documents(
    items: Iterable[SourceDocument | IngestProblem]
    | Callable[[Writer], Iterable[SourceDocument | IngestProblem]],
    config: KroniekConfig,
    reporter: Reporter,
    *,
    analyse: bool = True,
    command: str = "run",
    make_analyser: Callable[[], Analyser] | None = None,
) -> RunSummary:
    """Run every stage over documents that are already read (e.g. evaluation data).

    ``items`` may also be a function of the open writer: reading a feed asks the database
    which links it already holds. ``make_analyser`` builds one analyser per worker
    (default: a Frog server).
    """
    with Writer(config.db_path) as writer:
        current = Run(config, writer, reporter, writer.start_run(command))
        stage_1_ingest(current, items(writer) if callable(items) else items)
        if analyse:
            stage_2_analyse(current, make_analyser or (lambda: FrogAnalyser(config.frog)))
            stages_3_to_7(current)
        summary = current.summary()
        counts = {k: v for k, v in asdict(summary).items() if k not in _NOT_COUNTS}
        writer.finish_run(current.run_id, counts)
    return summary


def stage_1_ingest(current: Run, items: Iterable[SourceDocument | IngestProblem]) -> None:
    """Store each new document whole; record each problem."""
    analysed_languages = current.config.ingest.analysed_languages
    started = False
    for item in items:
        if not started:
            current.reporter.stage("1 ingest", None)
            started = True
        if isinstance(item, IngestProblem):
            current.problem(item)
            continue
        current.counts["documents_read"] += 1
        supported = item.language in analysed_languages
        status: DocumentStatus = "stored" if supported else "unsupported-language"
        outcome = current.writer.store_document(item, status)
        current.counts[_OUTCOME_COUNTER[outcome]] += 1
        if outcome == "new":
            current.new_documents.append(item.doc_id)
        if outcome == "id-conflict":
            conflict = IngestProblem(item.origin, None, Msg.E015.format(doc_id=item.doc_id))
            current.problem(conflict, input_failed=False)
        elif outcome == "new" and not supported:
            current.counts["not_analysed_language"] += 1
            current.reporter.note(f"{item.origin}: {Msg.W002.format(language=item.language)}")
        current.reporter.advance(item.doc_id)


def stage_2_analyse(current: Run, make_analyser: Callable[[], Analyser]) -> None:
    """Analyse every stored document that has no analysis yet, storing each whole."""
    writer = current.writer
    waiting = writer.awaiting_analysis(current.config.ingest.analysed_languages)
    if not waiting:
        return
    current.reporter.stage("2 analyse", len(waiting))
    documents = (writer.load_document(doc_id) for doc_id in waiting)
    for doc, result in analyse_all(documents, make_analyser, current.config.workers):
        if isinstance(result, KroniekError):
            writer.mark_failed(doc.doc_id, str(result))
            current.counts["analysis_failed"] += 1
            failure = IngestProblem(doc.origin, None, Msg.E016.format(detail=result))
            current.problem(failure, input_failed=False)
        else:
            writer.store_analysis(result)
            current.counts["analysed"] += 1
            current.counts["sentences"] += len(result.sentences)
            current.counts["mentions"] += len(result.mentions)
        current.reporter.advance(doc.doc_id)


STAGES_3_TO_7 = "3-7 actors, events, arguments, places, dates"


def stages_3_to_7(current: Run) -> None:
    """Bring every analysed document's stage results up to date."""
    chain = document_stages(current.config)
    writer = current.writer
    waiting = [
        stored
        for stored in writer.stored_versions()
        if chain.needs_work({"analysis": stored.analyser}, stored.stages)
    ]
    if not waiting:
        return
    current.reporter.stage(STAGES_3_TO_7, len(waiting))
    for stored in waiting:
        with current.per_document(stored.doc_id):
            ledger = DocumentLedger(writer, stored, current.count)
            records = DocumentRecords(writer.load_document(stored.doc_id))
            process_document(records, chain, ledger, {"analysis": stored.analyser})
        current.reporter.advance(stored.doc_id)
