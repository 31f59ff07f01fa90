"""How many gold entity mentions kroniek resolves to an actor, on EventDNA.

A gold PER/ORG/LOC mention counts as resolved when a stored actor mention with
an actor id overlaps it.  Figures are given per entity type and mention level
(NAM names, NOM noun phrases, PRON pronouns) and per part of the fixed
tune/measure split.  A random sample of resolutions is written out for
checking by hand: coverage says how often we answer, the sample how often the
answer is right.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.evaluation.eventdna import GoldDocument, read_dnaf_dir, split
from kroniek.query.documents import actor_rows_by_document
from kroniek.records import ActorMention
from kroniek.store import open_for_reading

SCORED_LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """Gold mentions of one type, level and split part, and how many were resolved."""

    part: str
    label: str
    level: str
    gold: int
    resolved: int

    @property
    def share(self) -> float:
        """Resolved share of the gold mentions."""
        return self.resolved / self.gold if self.gold else 0.0


@dataclass(frozen=True, slots=True)
class SampledResolution:
    """One resolution drawn for checking by hand, with its sentence for context."""

    doc_id: str
    text: str
    actor_id: str
    name: str
    country: str
    sector: str
    method: str
    context: str


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """Coverage rows and the sample to check."""

    documents: int
    rows: tuple[CoverageRow, ...]
    sample: tuple[SampledResolution, ...]


def _resolved(start: int, end: int, actors: Iterable[ActorMention]) -> bool:
    """True when some resolved actor mention overlaps the span."""
    return any(a.actor_id and a.start < end and start < a.end for a in actors)


def _count(
    golds: list[GoldDocument], actors: dict[str, list[ActorMention]], parts: dict[str, str]
) -> list[CoverageRow]:
    """Coverage rows per split part, label and level, with 'all' totals."""
    gold: Counter[tuple[str, str, str]] = Counter()
    hit: Counter[tuple[str, str, str]] = Counter()
    for item in golds:
        doc_id = item.document.doc_id
        found = actors.get(doc_id, [])
        for entity in item.entities:
            if entity.label not in SCORED_LABELS:
                continue
            ok = _resolved(entity.start, entity.end, found)
            for key in _keys(parts[doc_id], entity.label, entity.level):
                gold[key] += 1
                hit[key] += ok
    return [CoverageRow(*key, gold[key], hit[key]) for key in sorted(gold)]


def _keys(part: str, label: str, level: str) -> list[tuple[str, str, str]]:
    """Every row a mention counts in: its own, and the 'all' rows above it."""
    return [
        (p, lab, lev) for p in (part, "all") for lab in (label, "all") for lev in (level, "all")
    ]


def _sample(
    golds: list[GoldDocument],
    actors: dict[str, list[ActorMention]],
    parts: dict[str, str],
    size: int,
    seed: int,
) -> list[SampledResolution]:
    """``size`` random resolutions from the measure part, with their sentences."""
    texts = {g.document.doc_id: g.document for g in golds}
    pool = [
        (doc_id, row)
        for doc_id, rows in sorted(actors.items())
        if parts.get(doc_id) == "measure"
        for row in rows
        if row.actor_id
    ]
    chosen = random.Random(seed).sample(pool, min(size, len(pool)))
    result = []
    for doc_id, row in chosen:
        doc = texts[doc_id]
        block = next(b for b in doc.blocks if b.start <= row.start < b.end + 1)
        context = doc.text[block.start : block.end]
        result.append(
            SampledResolution(
                doc_id,
                row.text,
                row.actor_id or "",
                row.name or "",
                row.country or "",
                row.sector or "",
                row.method,
                context,
            )
        )
    return result


def evaluate_actor_coverage(
    folder: Path,
    config: KroniekConfig,
    reporter: pipeline.Reporter,
    *,
    sample_size: int = 100,
    seed: int = 2026,
) -> CoverageReport:
    """Analyse EventDNA into ``config.db_path`` (reused if there) and measure coverage."""
    golds = list(read_dnaf_dir(folder))
    pipeline.run_documents((g.document for g in golds), config, reporter, command="eval actors")
    with open_for_reading(config.db_path) as con:
        actors = actor_rows_by_document(con)
    parts = split([g.document.doc_id for g in golds], seed)
    return CoverageReport(
        len(golds),
        tuple(_count(golds, actors, parts)),
        tuple(_sample(golds, actors, parts, sample_size, seed)),
    )
