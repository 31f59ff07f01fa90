"""The contract every stage keeps: what it needs, what it makes, and its version.

A stage is a pure function of one document's records: it reads the records it
``requires`` from a ``DocumentRecords`` and returns them with the one record it
``produces`` added. Its ``version()`` names its code and data files. Its
*effective* version is a digest of its own version and the effective versions of
the stages it requires, so editing a knowledge-base file changes the effective
version of actors, events, arguments, places and dates alike, and the next run
redoes exactly the documents and stages that depend on the change.

``process_document`` composes stages in memory; the pipeline uses it with the
database, evaluation, benchmarks and tests use it without.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from kroniek.errors import KroniekError, Msg
from kroniek.records import (
    AnalysedDocument,
    CodedEvents,
    EventDates,
    EventPlaces,
    ResolvedActors,
    SourceDocument,
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DocumentRecords:
    """What is known about one document so far; each stage adds one record."""

    document: SourceDocument
    analysis: AnalysedDocument | None = None
    actors: ResolvedActors | None = None
    clause_events: CodedEvents | None = None
    """Events as the clause-level coder finds them, before the document-level step."""
    events: CodedEvents | None = None
    places: EventPlaces | None = None
    dates: EventDates | None = None

    def analysed(self) -> AnalysedDocument:
        """The analysis, which a stage requires."""
        return need(self.analysis, "analysis")

    def resolved(self) -> ResolvedActors:
        """The resolved actors, which a stage requires."""
        return need(self.actors, "actors")

    def coded(self) -> CodedEvents:
        """The document's events, which a stage requires."""
        return need(self.events, "events")

    def coded_by_clause(self) -> CodedEvents:
        """The clause-level events, which the argument step requires."""
        return need(self.clause_events, "clause_events")


RecordName = str
"""A field of DocumentRecords: ``analysis``, ``actors``, ``events`` …"""


@dataclass(frozen=True, slots=True)
class Contract:
    """What a stage promises: its name, the records it reads and the one it adds."""

    name: str
    """Short name, stored with the results: ``actors``, ``events`` …"""
    title: str
    """What the progress display and the docs call it: ``resolve actors``."""
    requires: tuple[RecordName, ...]
    produces: RecordName
    stored: bool = True
    """Whether the pipeline stores its record; an unstored record is made again whenever
    a stage that requires it runs."""


class Stage(Protocol):
    """One step of the pipeline over one document."""

    @property
    def contract(self) -> Contract:
        """What it requires and produces."""

    def version(self) -> str:
        """Its own version: code and data files."""

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with this stage's record added."""


def need(value: T | None, record: RecordName) -> T:
    """A required record; its absence is a wiring error, named clearly (the stage that
    asked is named by the StageError that carries this one)."""
    if value is None:
        raise KroniekError(Msg.E029.format(record=record))
    return value


def digest(*parts: str) -> str:
    """A short digest of strings, in order."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode() + b"\0")
    return sha.hexdigest()[:16]


def content_digest(result: object) -> str:
    """A digest of what a record says, leaving out the versions it carries: two runs that
    find the same actors give the same digest whatever the knowledge base's version."""
    names = getattr(result, "__dataclass_fields__", {})
    content = [f"{n}={getattr(result, n)!r}" for n in names if not n.endswith("_version")]
    return digest(type(result).__name__, *content)


@dataclass(frozen=True, slots=True)
class StoredStage:
    """What a stored stage result was made from, and what it says (both as digests)."""

    version: str
    made_from: str
    """Digest of the stage's own version and the digests of the records it read."""
    result: str
    """``content_digest`` of the stored record."""


class Ledger(Protocol):
    """Where a document's stage results are kept between runs (the database)."""

    @property
    def stored(self) -> Mapping[str, StoredStage]:
        """The document's stored stage results, by stage name."""

    def load(self, records: DocumentRecords, record: RecordName) -> DocumentRecords:
        """The records with a stored record added."""

    def save(self, stage: Stage, records: DocumentRecords, made: StoredStage) -> None:
        """Keep a stage's new result and what it was made from."""


class Chain:
    """Stages in the order they run, with their own versions read once."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)
        self.own = {stage.contract.name: stage.version() for stage in self.stages}

    def made_from(self, stage: Stage, digests: Mapping[RecordName, str]) -> str:
        """The digest a result of ``stage`` made from records with these digests carries."""
        upstream = [f"{r}={digests[r]}" for r in stage.contract.requires if r in digests]
        return digest(stage.contract.name, self.own[stage.contract.name], *upstream)

    def needs_work(
        self, given: Mapping[RecordName, str], stored: Mapping[str, StoredStage]
    ) -> bool:
        """Whether any stored result of a document is missing or was made from other
        versions or other inputs than the chain would use now."""
        digests = dict(given)
        for stage in self.stages:
            made = self.made_from(stage, digests)
            if not stage.contract.stored:
                digests[stage.contract.produces] = made
                continue
            row = stored.get(stage.contract.name)
            if row is None or row.made_from != made:
                return True
            digests[stage.contract.produces] = row.result
        return False


class StageError(Exception):
    """A stage raised on one document; carries the stage for the report."""

    def __init__(self, stage: Stage, cause: Exception) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


def _run(stage: Stage, records: DocumentRecords) -> DocumentRecords:
    """One stage, its failure reported as that stage's."""
    try:
        return stage.run(records)
    except Exception as exc:  # any bug in a stage is that document's failure only
        raise StageError(stage, exc) from exc


def process_document(
    records: DocumentRecords,
    chain: Chain,
    ledger: Ledger | None = None,
    given: Mapping[RecordName, str] | None = None,
) -> DocumentRecords:
    """Run the chain over one document's records: the one composition of the stages.

    Without a ledger every stage runs, in memory (evaluation, benchmarks, tests).
    With one (a run), ``given`` holds the digests of the records from outside the
    chain (the analysis: its analyser's name), and a stage runs only when its stored
    result is missing or was made from other versions or inputs than now. Its
    inputs are loaded from the ledger or made by the unstored stages that make
    them; its result is saved at once, so a later failure keeps it. Results are
    compared by content: re-resolved actors that come out the same leave the
    document's events, places and dates alone.
    """
    if ledger is None:
        for stage in chain.stages:
            records = _run(stage, records)
        return records
    digests = dict(given or {})
    producers = {s.contract.produces: s for s in chain.stages}

    def ready(records: DocumentRecords, stage: Stage) -> DocumentRecords:
        for record in stage.contract.requires:
            if getattr(records, record) is not None:
                continue
            producer = producers.get(record)
            if producer is not None and not producer.contract.stored:
                records = _run(producer, ready(records, producer))
            else:
                records = ledger.load(records, record)
        return records

    stored = ledger.stored
    for stage in chain.stages:
        made = chain.made_from(stage, digests)
        row = stored.get(stage.contract.name)
        if not stage.contract.stored:
            digests[stage.contract.produces] = made
        elif row is not None and row.made_from == made:
            digests[stage.contract.produces] = row.result
        else:
            records = _run(stage, ready(records, stage))
            result = content_digest(getattr(records, stage.contract.produces))
            ledger.save(stage, records, StoredStage(chain.own[stage.contract.name], made, result))
            digests[stage.contract.produces] = result
    return records
