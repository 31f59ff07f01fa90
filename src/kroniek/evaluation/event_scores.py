"""Scoring coded events against EventDNA, as ``../shared/README.md`` prescribes.

A mapping file decides, per ERE subtype, which PLOVER type a gold event is. Mapping
v2 (``ERE_TO_PLOVER_v2.tsv``, the default) has "scored" rows, some with a condition
on the gold event's argument roles, and "ignored" rows; v1 (``ERE_TO_PLOVER.tsv``)
only scored ones. A predicted event of a scored type is a true positive when a
scored gold event of the same type lies in the same sentence; failing that, it is
set aside (neither right nor wrong) when an ignored gold event listing its type lies
there; otherwise it is wrong. A scored gold event is found when some predicted event
of its type lies in its sentence. Arguments: the predicted actor (recipient) text
overlaps a gold argument with an actor-like (recipient-like) role.

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
from dataclasses import dataclass, field
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


MAPPINGS = {"v1": "ERE_TO_PLOVER.tsv", "v2": "ERE_TO_PLOVER_v2.tsv"}
"""The mapping files by name; v2 is the default."""


@dataclass(frozen=True, slots=True)
class MappingRow:
    """One row of a mapping file: the PLOVER types of an ERE subtype, when it applies."""

    types: tuple[str, ...]
    scored: bool
    """False for "ignored" rows: predictions of these types there are set aside."""
    roles: frozenset[str] = frozenset()
    """The row applies only to gold events with an argument of one of these roles."""


@dataclass(frozen=True, slots=True)
class EreMapping:
    """ERE subtype → its rows, tried top to bottom."""

    name: str
    rows: dict[str, tuple[MappingRow, ...]]

    def decide(self, ere_type: str, roles: Iterable[str]) -> MappingRow | None:
        """The first row of the subtype whose condition holds for a gold event."""
        present = set(roles)
        for row in self.rows.get(ere_type, ()):
            if not row.roles or row.roles & present:
                return row
        return None

    @property
    def scored_types(self) -> set[str]:
        """The PLOVER types some scored row lists: only these predictions are scored."""
        return {t for rows in self.rows.values() for row in rows if row.scored for t in row.types}


def read_mapping(path: Path) -> EreMapping:
    """A mapping file: v1 (subtype, type) or v2 (subtype, types, scope, condition, note)."""
    rows: dict[str, list[MappingRow]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        ere, types = fields[0], tuple(t.strip() for t in fields[1].split(","))
        # v2 has a scope column ("scored" | "ignored") and a condition; v1 a note only.
        v2 = len(fields) > 2 and fields[2] in ("scored", "ignored")
        scope = fields[2] if v2 else "scored"
        condition = fields[3] if v2 and len(fields) > 3 else ""
        roles = frozenset(condition.removeprefix("role:").split("|")) if condition else frozenset()
        rows[ere].append(MappingRow(types, scope == "scored", roles))
    return EreMapping(path.name, {ere: tuple(found) for ere, found in rows.items()})


@dataclass(frozen=True, slots=True)
class IgnoredGold:
    """A gold event of an "ignored" row: predictions of its types in its sentence are set
    aside."""

    doc_id: str
    sentence: int
    types: tuple[str, ...]


def read_gold_events(path: Path, mapping: EreMapping) -> list[GoldEvent]:
    """The scored gold events of one DNAF file, with character spans of their arguments."""
    events = []
    for event in read_dnaf_events(path):
        row = mapping.decide(event.ere_type, (a.role for a in event.arguments))
        if row is None or not row.scored:
            continue
        spans = {
            side: tuple((a.start, a.end) for a in event.arguments if a.role in roles)
            for side, roles in (("actor", ACTOR_ROLES), ("recipient", RECIPIENT_ROLES))
        }
        for plover in row.types:
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


def read_ignored_gold(path: Path, mapping: EreMapping) -> list[IgnoredGold]:
    """The gold events of one DNAF file that an "ignored" row decides."""
    found = []
    for event in read_dnaf_events(path):
        row = mapping.decide(event.ere_type, (a.role for a in event.arguments))
        if row is not None and not row.scored:
            found.append(IgnoredGold(event.doc_id, event.sentence, row.types))
    return found


def read_unscored_extents(path: Path, mapping: EreMapping) -> list[UnscoredExtent]:
    """Extents of the gold events of one DNAF file whose subtype the mapping leaves out."""
    return [
        UnscoredExtent(event.doc_id, event.sentence, event.ere_type, *event.extent)
        for event in read_dnaf_events(path)
        if event.ere_type not in mapping.rows and event.extent is not None
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


@dataclass
class _Tally:
    """Counts while scoring: per (type, what), confusions, argument overlaps, misses."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    matched: int = 0
    actor_hits: int = 0
    recipient_hits: int = 0
    missed: list[tuple[str, int, str, str]] = field(default_factory=list)

    def add(self, plover_type: str, what: str, amount: int = 1) -> None:
        """Count for the type and for 'all'."""
        for key in (plover_type, "all"):
            self.counts[(key, what)] += amount


def score(
    gold: list[GoldEvent],
    predicted: list[LocatedEvent],
    documents: set[str],
    *,
    misses: int = 20,
    unscored: Iterable[UnscoredExtent] = (),
    ignored: Iterable[IgnoredGold] = (),
) -> EventScores:
    """Scores over the given documents."""
    gold = [g for g in gold if g.doc_id in documents]
    predicted = [p for p in predicted if p.doc_id in documents]
    tally = _Tally()
    _judge(predicted, gold, tally, _by_sentence(unscored), ignored)
    predicted_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for prediction in predicted:
        predicted_at[(prediction.doc_id, prediction.sentence)].add(prediction.plover_type)
    for wanted in gold:
        found = wanted.plover_type in predicted_at[(wanted.doc_id, wanted.sentence)]
        tally.add(wanted.plover_type, "gold")
        tally.add(wanted.plover_type, "found", found)
        if not found:
            tally.missed.append(
                (wanted.doc_id, wanted.sentence, wanted.plover_type, wanted.trigger)
            )
    counts = tally.counts
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
        tally.actor_hits / tally.matched if tally.matched else 0.0,
        tally.recipient_hits / tally.matched if tally.matched else 0.0,
        tuple((p, g, n) for (p, g), n in tally.confusion.most_common()),
        tuple(tally.missed[:misses]),
    )


def _judge(
    predicted: list[LocatedEvent],
    gold: list[GoldEvent],
    tally: _Tally,
    outside_at: dict[tuple[str, int], list[UnscoredExtent]],
    ignored: Iterable[IgnoredGold],
) -> None:
    """Count each prediction right, wrong, or set aside beside an ignored gold event."""
    gold_at: dict[tuple[str, int], list[GoldEvent]] = defaultdict(list)
    for gold_event in gold:
        gold_at[(gold_event.doc_id, gold_event.sentence)].append(gold_event)
    aside_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for shadow in ignored:
        aside_at[(shadow.doc_id, shadow.sentence)].update(shadow.types)
    for event in predicted:
        where = (event.doc_id, event.sentence)
        same = [g for g in gold_at[where] if g.plover_type == event.plover_type]
        if not same and event.plover_type in aside_at[where]:
            continue
        tally.add(event.plover_type, "predicted")
        tally.add(event.plover_type, "correct", bool(same))
        if same:
            tally.matched += 1
            tally.actor_hits += any(_overlap(event.actor_spans, g.actor_spans) for g in same)
            tally.recipient_hits += any(
                _overlap(event.recipient_spans, g.recipient_spans) for g in same
            )
            continue
        for other in {g.plover_type for g in gold_at[where]} or {NO_EVENT}:
            tally.confusion[(event.plover_type, other)] += 1
        tally.add(event.plover_type, "outside", _inside_any(event.trigger[0], outside_at[where]))


def evaluate_events(
    folder: Path,
    config: KroniekConfig,
    reporter: pipeline.Reporter,
    *,
    seed: int = 2026,
    mapping_name: str = "v2",
) -> dict[str, EventScores]:
    """Run the pipeline over EventDNA into ``config.db_path`` and score each split part."""
    mapping = read_mapping(mapping_file(folder, mapping_name))
    golds = list(read_dnaf_dir(folder))
    pipeline.run_documents((g.document for g in golds), config, reporter, command="eval events")
    base = folder / "dnaf" if (folder / "dnaf").is_dir() else folder
    paths = sorted(base.glob("*.json"))
    gold = [e for path in paths for e in read_gold_events(path, mapping)]
    unscored = [e for path in paths for e in read_unscored_extents(path, mapping)]
    ignored = [e for path in paths for e in read_ignored_gold(path, mapping)]
    with open_for_reading(config.db_path) as con:
        predicted = read_predictions(con, mapping.scored_types)
    parts = split([g.document.doc_id for g in golds], seed)
    return {
        part: score(
            gold,
            predicted,
            {d for d, p in parts.items() if part in (p, "all")},
            unscored=unscored,
            ignored=ignored,
        )
        for part in ("tune", "measure", "all")
    }


def mapping_file(folder: Path, name: str = "v2") -> Path:
    """A mapping by name (v1, v2) or path, in the EventDNA folder or its parent."""
    given = Path(name)
    if name not in MAPPINGS and given.exists():
        return given
    file = MAPPINGS.get(name, name)
    for candidate in (folder / file, folder.parent / file):
        if candidate.exists():
            return candidate
    raise KroniekError(Msg.E402.format(name=file, folder=folder))
