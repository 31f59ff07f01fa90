"""Scoring coded events against EventDNA, as ``../shared/README.md`` prescribes.

Only the ERE subtypes listed in ``ERE_TO_PLOVER.tsv`` count, each mapped to one
PLOVER type.  A predicted event of one of those types is a true positive when a
gold event of the same mapped type lies in the same sentence; a gold event is
found when some predicted event of its type lies in its sentence.  Arguments:
the predicted actor (recipient) text overlaps a gold argument with an
actor-like (recipient-like) role.

Beside that official precision we report how many false positives have their
trigger inside a gold event of a subtype the mapping leaves out (a killing
annotated only as Life.Die, a resignation as Personnel.EndPosition, a visit as
Movement.TransportPerson): EventDNA saw an event there, the frozen mapping does
not score it.  ``precision_in_reach`` sets those predictions aside; it is a
diagnostic, not the score the floors are set on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.evaluation.eventdna import read_dnaf_dir, read_dnaf_events, split
from kroniek.query.located import LocatedEvent, located_events
from kroniek.store import open_for_reading

ACTOR_ROLES = frozenset(
    {
        "Agent",
        "Attacker",
        "Giver",
        "Entity",
        "Participant",
        "Prosecutor",
        "Adjudicator",
        "Defendant's accuser",
        "Plaintiff",
    }
)
RECIPIENT_ROLES = frozenset({"Target", "Victim", "Recipient", "Defendant", "Person"})
NO_EVENT = "-"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event of a scored type, located by sentence (block) index."""

    doc_id: str
    sentence: int
    plover_type: str
    trigger: str
    actor_spans: tuple[tuple[int, int], ...]
    recipient_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class UnscoredExtent:
    """The extent of a gold event whose ERE subtype the mapping does not score."""

    doc_id: str
    sentence: int
    ere_type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Precision, recall and F1 of one PLOVER type (or 'all')."""

    plover_type: str
    predicted: int
    correct: int
    gold: int
    found: int
    outside_mapping: int = 0
    """Wrong predictions whose trigger lies inside a gold event of an unscored subtype."""

    @property
    def precision(self) -> float:
        """Share of predictions with a gold event of their type in their sentence."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def precision_in_reach(self) -> float:
        """Precision with the predictions on events the mapping leaves out set aside."""
        judged = self.predicted - self.outside_mapping
        return self.correct / judged if judged else 0.0

    @property
    def recall(self) -> float:
        """Share of gold events with a prediction of their type in their sentence."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class EventScores:
    """Scores per type, argument overlap, confusions and misses for one set of documents."""

    documents: int
    types: tuple[TypeScore, ...]
    actor_overlap: float
    recipient_overlap: float
    confusion: tuple[tuple[str, str, int], ...]
    """(predicted type, gold type in that sentence or '-', count)."""
    misses: tuple[tuple[str, int, str, str], ...]
    """(doc id, sentence, gold type, gold trigger) of gold events nobody found."""


def read_mapping(path: Path) -> dict[str, str]:
    """``ERE type.subtype`` → PLOVER type, from the frozen mapping file."""
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ere, plover = line.split("\t")[:2]
            mapping[ere.strip()] = plover.strip()
    return mapping


def read_gold_events(path: Path, mapping: dict[str, str]) -> list[GoldEvent]:
    """The scored gold events of one DNAF file, with character spans of their arguments."""
    events = []
    for event in read_dnaf_events(path):
        plover = mapping.get(event.ere_type)
        if plover is None:
            continue
        spans = {
            side: tuple((a.start, a.end) for a in event.arguments if a.role in roles)
            for side, roles in (("actor", ACTOR_ROLES), ("recipient", RECIPIENT_ROLES))
        }
        events.append(
            GoldEvent(
                event.doc_id,
                event.sentence,
                plover,
                event.string,
                spans["actor"],
                spans["recipient"],
            )
        )
    return events


def read_unscored_extents(path: Path, mapping: dict[str, str]) -> list[UnscoredExtent]:
    """Extents of the gold events of one DNAF file whose subtype the mapping leaves out."""
    return [
        UnscoredExtent(event.doc_id, event.sentence, event.ere_type, *event.extent)
        for event in read_dnaf_events(path)
        if event.ere_type not in mapping and event.extent is not None
    ]


def read_predictions(con: duckdb.DuckDBPyConnection, scored_types: set[str]) -> list[LocatedEvent]:
    """Stored events of scored types, located by block (= gold sentence)."""
    return [e for e in located_events(con) if e.plover_type in scored_types]


def _overlap(ours: Iterable[tuple[int, int]], theirs: Iterable[tuple[int, int]]) -> bool:
    """True when some predicted span overlaps some gold span."""
    gold = list(theirs)
    return any(s < ge and gs < e for s, e in ours for gs, ge in gold)


def _by_sentence(extents: Iterable[UnscoredExtent]) -> dict[tuple[str, int], list[UnscoredExtent]]:
    """Unscored gold extents grouped by (document, sentence)."""
    grouped: dict[tuple[str, int], list[UnscoredExtent]] = defaultdict(list)
    for extent in extents:
        grouped[(extent.doc_id, extent.sentence)].append(extent)
    return grouped


def _inside_any(position: int, extents: Iterable[UnscoredExtent]) -> bool:
    """True when a character position lies inside one of the extents."""
    return any(x.start <= position < x.end for x in extents)


def score(
    gold: list[GoldEvent],
    predicted: list[LocatedEvent],
    documents: set[str],
    misses: int = 20,
    unscored: Iterable[UnscoredExtent] = (),
) -> EventScores:
    """Scores over the given documents."""
    outside_at = _by_sentence(unscored)
    gold = [g for g in gold if g.doc_id in documents]
    predicted = [p for p in predicted if p.doc_id in documents]
    gold_at: dict[tuple[str, int], list[GoldEvent]] = defaultdict(list)
    for gold_event in gold:
        gold_at[(gold_event.doc_id, gold_event.sentence)].append(gold_event)
    predicted_at: dict[tuple[str, int], list[LocatedEvent]] = defaultdict(list)
    for prediction in predicted:
        predicted_at[(prediction.doc_id, prediction.sentence)].append(prediction)
    counts: Counter[tuple[str, str]] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    actor_hits = recipient_hits = matched = 0
    for event in predicted:
        here = gold_at[(event.doc_id, event.sentence)]
        same = [g for g in here if g.plover_type == event.plover_type]
        for key in (event.plover_type, "all"):
            counts[(key, "predicted")] += 1
            counts[(key, "correct")] += bool(same)
        if same:
            matched += 1
            actor_hits += any(_overlap(event.actor_spans, g.actor_spans) for g in same)
            recipient_hits += any(_overlap(event.recipient_spans, g.recipient_spans) for g in same)
        else:
            for other in {g.plover_type for g in here} or {NO_EVENT}:
                confusion[(event.plover_type, other)] += 1
            off_map = _inside_any(event.trigger[0], outside_at[(event.doc_id, event.sentence)])
            for key in (event.plover_type, "all"):
                counts[(key, "outside")] += off_map
    missed = []
    for wanted in gold:
        found = any(
            p.plover_type == wanted.plover_type
            for p in predicted_at[(wanted.doc_id, wanted.sentence)]
        )
        for key in (wanted.plover_type, "all"):
            counts[(key, "gold")] += 1
            counts[(key, "found")] += found
        if not found:
            missed.append((wanted.doc_id, wanted.sentence, wanted.plover_type, wanted.trigger))
    types = sorted({k for k, _ in counts}, key=lambda t: (t == "all", t))
    return EventScores(
        len(documents),
        tuple(
            TypeScore(
                t,
                counts[(t, "predicted")],
                counts[(t, "correct")],
                counts[(t, "gold")],
                counts[(t, "found")],
                counts[(t, "outside")],
            )
            for t in types
        ),
        actor_hits / matched if matched else 0.0,
        recipient_hits / matched if matched else 0.0,
        tuple((p, g, n) for (p, g), n in confusion.most_common()),
        tuple(missed[:misses]),
    )


def evaluate_events(
    folder: Path, config: KroniekConfig, reporter: pipeline.Reporter, *, seed: int = 2026
) -> dict[str, EventScores]:
    """Run the pipeline over EventDNA into ``config.db_path`` and score each split part."""
    mapping = read_mapping(mapping_file(folder))
    golds = list(read_dnaf_dir(folder))
    pipeline.run_documents((g.document for g in golds), config, reporter, command="eval events")
    base = folder / "dnaf" if (folder / "dnaf").is_dir() else folder
    paths = sorted(base.glob("*.json"))
    gold = [e for path in paths for e in read_gold_events(path, mapping)]
    unscored = [e for path in paths for e in read_unscored_extents(path, mapping)]
    with open_for_reading(config.db_path) as con:
        predicted = read_predictions(con, set(mapping.values()))
    parts = split([g.document.doc_id for g in golds], seed)
    return {
        part: score(
            gold,
            predicted,
            {d for d, p in parts.items() if part in (p, "all")},
            unscored=unscored,
        )
        for part in ("tune", "measure", "all")
    }


def mapping_file(folder: Path) -> Path:
    """ERE_TO_PLOVER.tsv in the EventDNA folder (or its parent when given the dnaf folder)."""
    for candidate in (folder / "ERE_TO_PLOVER.tsv", folder.parent / "ERE_TO_PLOVER.tsv"):
        if candidate.exists():
            return candidate
    raise KroniekError(Msg.E402.format(folder=folder))
