"""The one orchestrator: numbered stages, each a call into its package.

1. ingest   - read inputs into documents (``kroniek.ingest``), store them (``kroniek.store``)
2. analyse  - Frog: sentences, tokens, parses, entities (``kroniek.nlp``), store them
3. actors   - resolve actor mentions against the knowledge base (``kroniek.actors``), store them
4. events   - code PLOVER events from triggers and arguments (``kroniek.events``), store them
5. setting  - where, when and how many: places (``kroniek.place``), dates (``kroniek.time``),
              quantities and quotations (``kroniek.events``), store them
Nothing in this module decides anything about documents; it only passes
records from one stage to the next, counts, and reports progress.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Protocol, TextIO

from kroniek.actors.knowledge import knowledge_base
from kroniek.actors.resolve import resolution_version, resolve_actors
from kroniek.config import KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.events.coder import code_events, coder_version
from kroniek.events.event_quantities import quantities_of_events, quantities_version
from kroniek.events.lexicon import lexicon
from kroniek.events.quotes import QUOTES_VERSION, find_quotes
from kroniek.events.scoring import plover_scales
from kroniek.ingest import read_inputs
from kroniek.nlp.frog import FrogAnalyser
from kroniek.nlp.pool import Analyser, analyse_all
from kroniek.place.gazetteer import gazetteer
from kroniek.place.locate import locate_events, locator_version, place_mentions
from kroniek.records import EventSettings, IngestProblem, RunSummary, SourceDocument
from kroniek.store import DocumentStatus, Writer
from kroniek.time.dating import date_events, dating_version

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

    def problem(self, problem: IngestProblem, *, input_failed: bool = True) -> None:
        """Record a problem with the run and show it; inputs that failed are counted."""
        if input_failed:
            self.counts["input_problems"] += 1
        self.writer.record_problem(self.run_id, problem)
        self.reporter.problem(problem)

    @contextmanager
    def per_document(self, stage: str, doc_id: str) -> Iterator[None]:
        """Run one document's work in a stage; a failure is reported and the run goes on.

        Each stage writes a document in one transaction, so a failure leaves that
        document as it was, waiting for the next run, and every other document is stored.
        """
        try:
            yield
        except Exception as exc:  # one document must never end a corpus run
            self.counts["stage_failures"] += 1
            detail = f"{type(exc).__name__}: {exc}"
            reason = Msg.E028.format(stage=stage, doc_id=doc_id, detail=detail)
            self.problem(IngestProblem(doc_id, None, reason), input_failed=False)

    def summary(self) -> RunSummary:
        """The counts as a RunSummary."""
        names = [name for name in RunSummary.__dataclass_fields__ if name != "run_id"]
        return RunSummary(run_id=self.run_id, **{name: self.counts[name] for name in names})


def run(
    paths: Sequence[str],
    config: KroniekConfig,
    reporter: Reporter,
    *,
    analyse: bool = True,
    command: str = "run",
    stdin: TextIO | None = None,
) -> RunSummary:
    """Run every stage that exists over ``paths`` into ``config.db_path``."""
    items = read_inputs(paths, config.ingest, stdin) if paths else iter(())
    return run_documents(items, config, reporter, analyse=analyse, command=command)


def run_documents(
    items: Iterable[SourceDocument | IngestProblem],
    config: KroniekConfig,
    reporter: Reporter,
    *,
    analyse: bool = True,
    command: str = "run",
) -> RunSummary:
    """Run every stage over documents that are already read (e.g. evaluation data)."""
    with Writer(config.db_path) as writer:
        current = Run(config, writer, reporter, writer.start_run(command))
        stage_1_ingest(current, items)
        if analyse:
            stage_2_analyse(current)
            stage_3_actors(current)
            stage_4_events(current)
            stage_5_setting(current)
        summary = current.summary()
        counts = {k: v for k, v in asdict(summary).items() if k != "run_id"}
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
        if outcome == "id-conflict":
            conflict = IngestProblem(item.origin, None, Msg.E015.format(doc_id=item.doc_id))
            current.problem(conflict, input_failed=False)
        elif outcome == "new" and not supported:
            current.counts["not_analysed_language"] += 1
            current.reporter.note(f"{item.origin}: {Msg.W002.format(language=item.language)}")
        current.reporter.advance(item.doc_id)


def stage_2_analyse(current: Run) -> None:
    """Analyse every stored document that has no analysis yet, storing each whole."""
    writer = current.writer
    waiting = writer.awaiting_analysis(current.config.ingest.analysed_languages)
    if not waiting:
        return
    current.reporter.stage("2 analyse (Frog)", len(waiting))

    def make_analyser() -> Analyser:
        return FrogAnalyser(current.config.frog)

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


def stage_3_actors(current: Run) -> None:
    """Resolve the actors of every analysed document not yet resolved with this knowledge base."""
    kb = knowledge_base(current.config.actor_files)
    writer = current.writer
    waiting = writer.awaiting_actors(resolution_version(kb))
    if not waiting:
        return
    current.reporter.stage("3 resolve actors", len(waiting))
    for doc_id in waiting:
        with current.per_document("3 resolve actors", doc_id):
            doc = writer.load_document(doc_id)
            writer.store_actors(resolve_actors(doc, writer.load_analysis(doc), kb))
            current.counts["actors_resolved"] += 1
        current.reporter.advance(doc_id)


def stage_4_events(current: Run) -> None:
    """Code the events of every document whose actors are resolved and events not yet coded."""
    kb = knowledge_base(current.config.actor_files)
    rules = lexicon()
    writer = current.writer
    waiting = writer.awaiting_events(coder_version(rules))
    if not waiting:
        return
    current.reporter.stage("4 code events", len(waiting))
    for doc_id in waiting:
        with current.per_document("4 code events", doc_id):
            doc = writer.load_document(doc_id)
            analysed, resolved = writer.load_analysis(doc), writer.load_actors(doc_id)
            coded = code_events(doc, analysed, resolved, rules, kb)
            writer.store_events(coded, plover_scales(coded, rules))
            current.counts["events_coded"] += len(coded.events)
        current.reporter.advance(doc_id)


def setting_version() -> str:
    """The versions stage 5 depends on: the coder's and each of its own parts'."""
    parts = (coder_version(lexicon()), locator_version(), dating_version())
    return " ".join((*parts, quantities_version(), QUOTES_VERSION))


def stage_5_setting(current: Run) -> None:
    """Place, date and count the events of every document coded since, and find its quotes."""
    writer = current.writer
    waiting = writer.awaiting_settings(setting_version())
    if not waiting:
        return
    places, rules = gazetteer(), lexicon()
    current.reporter.stage("5 place and date", len(waiting))
    version = setting_version()
    for doc_id in waiting:
        with current.per_document("5 place and date", doc_id):
            doc = writer.load_document(doc_id)
            analysed, resolved = writer.load_analysis(doc), writer.load_actors(doc_id)
            coded = writer.load_events(doc_id)
            named = place_mentions(analysed, resolved, places)
            settings = EventSettings(
                doc_id,
                named,
                locate_events(analysed, coded, named, places),
                date_events(doc, analysed, resolved, coded),
                quantities_of_events(doc, analysed, coded),
                find_quotes(doc, analysed, resolved, rules),
                version,
            )
            writer.store_settings(settings)
            current.counts["events_placed"] += len(settings.places)
        current.reporter.advance(doc_id)
