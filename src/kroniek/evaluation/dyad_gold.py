"""Scoring exported events against our country-level dyad gold on real news.

``gold/eventdna_dyads.jsonl`` holds, for 250 EventDNA leads, the events a careful
coder finds (actor codes, PLOVER type, recipient codes, required or optional); the
texts stay in the EventDNA folder. Each exported row (an event of the default
export: negated ones left out) is compared with the gold events of its document at
country level, as ``gold/README.md`` describes: right, reversed, no actor, wrong
actor, wrong recipient or wrong type. Recall is the share of required gold events
that a right row matches.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.evaluation.eventdna import read_dnaf
from kroniek.nlp.pool import Analyser
from kroniek.query.events import EventFilter, EventRow, list_events
from kroniek.store import open_for_reading

UNKNOWN = "UNK"
"""The code of a party that is there but whose country cannot be told."""
VERDICTS = ("right", "reversed", "no actor", "wrong actor", "wrong recipient", "wrong type")
_STATES = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


@dataclass(frozen=True, slots=True)
class GoldDyadEvent:
    """One hand-coded event of a document."""

    actors: frozenset[str]
    types: frozenset[str]
    """The event's type and the alternatives the coder allowed."""
    recipients: frozenset[str]
    required: bool
    reciprocal: bool
    evidence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldDyadDocument:
    """A hand-coded EventDNA lead: its id, its side of the split, its events."""

    doc_id: str
    part: str
    events: tuple[GoldDyadEvent, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """An exported event at country level."""

    doc_id: str
    event_type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    event_id: str = ""
    reports: tuple[tuple[int, int], ...] = ()
    """Character spans of the triggers of every report the row joins."""


@dataclass
class DyadScores:
    """What the rows of one part of the gold came out as."""

    part: str
    documents: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    required: int = 0
    found: int = 0
    judged: list[tuple[Row, str]] = field(default_factory=list)
    merged_apart: int = 0
    """Rows whose reports cover the evidence of two different gold events: happenings
    joined that should have stayed apart (a lower bound, as gold marks one span each)."""
    repeated: int = 0
    """Right rows beyond the first that code the same gold event: one happening split."""

    @property
    def rows(self) -> int:
        """Exported rows of the part's documents."""
        return sum(self.verdicts.values())

    @property
    def precision(self) -> float:
        """Share of rows with the right actor, type and recipient."""
        return self.verdicts["right"] / self.rows if self.rows else 0.0

    @property
    def recall(self) -> float:
        """Share of required gold events a right row matches."""
        return self.found / self.required if self.required else 0.0

    def share(self, verdict: str) -> float:
        """Share of rows with one verdict."""
        return self.verdicts[verdict] / self.rows if self.rows else 0.0

    @property
    def without_actor(self) -> float:
        """Share of rows with no actor or only unknown ones, whatever their verdict."""
        empty = sum(1 for row, _ in self.judged if row.actors <= {UNKNOWN})
        return empty / self.rows if self.rows else 0.0


def points_into_eventdna(path: Path) -> bool:
    """Whether a gold file holds annotations of EventDNA documents (``doc_id`` and
    ``part``, no text) rather than whole documents of our own."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and "doc_id" in first and "text" not in first
    return False


def read_dyad_gold(path: Path) -> list[GoldDyadDocument]:
    """The gold file; a malformed line is an error naming it (E403)."""
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            events = tuple(_gold_event(e) for e in record["events"])
            documents.append(GoldDyadDocument(str(record["doc_id"]), str(record["part"]), events))
        except (ValueError, KeyError, TypeError) as exc:
            raise KroniekError(Msg.E403.format(path=path, line=number, detail=exc)) from exc
    return documents


def _gold_event(raw: dict[str, Any]) -> GoldDyadEvent:
    """One gold event from its JSON object."""
    return GoldDyadEvent(
        frozenset(raw["actor"]),
        frozenset([raw["event"], *raw.get("alt_events", [])]),
        frozenset(raw["recipient"]),
        bool(raw["required"]),
        bool(raw.get("reciprocal", False)),
        (int(raw["evidence"][0]), int(raw["evidence"][1])),
    )


def country_code(argument: dict[str, Any]) -> str:
    """A party at country level: its state when it has one, else its organisation's own
    code (EU, UN, ISIS), else UNK."""
    country, code = argument.get("country"), argument.get("code")
    if country in _STATES:
        return str(country)
    return str(code) if code else UNKNOWN


def rows_of(row: EventRow) -> Row:
    """An event row at country level."""
    parties = {
        role: frozenset(country_code(a) for a in row.arguments.get(role, []))
        for role in ("actor", "recipient")
    }
    reports = tuple((int(m["start"]), int(m["end"])) for m in row.mentions)
    return Row(
        row.doc_id, row.event_type, parties["actor"], parties["recipient"], row.event_id, reports
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def covers_apart(row: Row, gold: Iterable[GoldDyadEvent]) -> bool:
    """The row's reports cover the evidence spans of two gold events that are not the
    same words: two happenings in one row."""
    covered = {g.evidence for g in gold if any(_overlap(r, g.evidence) for r in row.reports)}
    return any(not _overlap(a, b) for a in covered for b in covered)


def _agree(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Both name nobody, or they share a code."""
    return (not ours and not theirs) or bool(ours & theirs)


def matches(row: Row, gold: GoldDyadEvent) -> bool:
    """A row codes a gold event: its type, actors and recipients agree."""
    if row.event_type not in gold.types:
        return False
    if gold.reciprocal:
        return bool((row.actors | row.recipients) & gold.actors)
    return _agree(row.actors, gold.actors) and _agree(row.recipients, gold.recipients)


def verdict(row: Row, gold: Iterable[GoldDyadEvent]) -> str:
    """What one row is, judged against its document's gold events."""
    same_type = [g for g in gold if row.event_type in g.types]
    if not same_type:
        return "wrong type"
    if any(matches(row, g) for g in same_type):
        return "right"
    swapped = Row(row.doc_id, row.event_type, row.recipients, row.actors)
    if row.actors and row.recipients and any(matches(swapped, g) for g in same_type):
        return "reversed"
    if row.actors <= {UNKNOWN}:
        return "no actor"
    if any(_agree(row.actors, g.actors) for g in same_type):
        return "wrong recipient"
    return "wrong actor"


def score_dyads(gold: list[GoldDyadDocument], rows: dict[str, list[Row]], part: str) -> DyadScores:
    """The rows and gold of one part of the split ('all' for both)."""
    scores = DyadScores(part)
    for document in gold:
        if part not in (document.part, "all"):
            continue
        scores.documents += 1
        ours = rows.get(document.doc_id, [])
        for row in ours:
            judged = verdict(row, document.events)
            scores.verdicts[judged] += 1
            scores.judged.append((row, judged))
            scores.merged_apart += covers_apart(row, document.events)
        for wanted in document.events:
            right = sum(1 for row in ours if matches(row, wanted))
            scores.repeated += max(0, right - 1)
            if wanted.required:
                scores.required += 1
                scores.found += right > 0
    return scores


def evaluate_dyads(
    gold_path: Path,
    folder: Path,
    config: KroniekConfig,
    reporter: pipeline.Reporter,
    make_analyser: Callable[[], Analyser] | None = None,
) -> dict[str, DyadScores]:
    """Code the gold's EventDNA documents into ``config.db_path`` and score each part."""
    gold = read_dyad_gold(gold_path)
    base = folder / "dnaf" if (folder / "dnaf").is_dir() else folder
    documents = [read_dnaf(base / f"{g.doc_id}.dnaf.json").document for g in gold]
    pipeline.run_documents(
        iter(documents), config, reporter, command="eval gold", make_analyser=make_analyser
    )
    rows: dict[str, list[Row]] = {}
    with open_for_reading(config.db_path) as con:
        for document in gold:
            rows[document.doc_id] = [
                rows_of(r) for r in list_events(con, EventFilter(doc_id=document.doc_id))
            ]
    return {part: score_dyads(gold, rows, part) for part in ("tune", "measure", "all")}
