"""Scoring places and dates against EventDNA's Place and Time arguments.

For every gold event of a scored type that has a Place (or Time) argument:

* **resolved**: one of our place names (time expressions) lies inside the gold
  argument's span — the share of gold places (times) kroniek reads at all;
* **agrees**: among gold events we found (a predicted event of the same type in
  the same sentence), the share whose predicted place (date) was taken from
  words inside the gold argument's span.

EventDNA has no publication dates, so a date's value cannot be checked against
gold; ``sample`` lists resolutions for a person to check by hand.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import duckdb

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.evaluation.event_scores import EreMapping, mapping_file, read_mapping
from kroniek.evaluation.eventdna import read_dnaf_dir, read_dnaf_events, split
from kroniek.query.located import setting_spans
from kroniek.store import open_for_reading

_ROLES = {"Place": "place", "Time": "time"}
"""(document, gold sentence) → (start, end, label) of our spans there."""


@dataclass(frozen=True, slots=True)
class GoldSetting:
    """A Place or Time argument of a scored gold event."""

    doc_id: str
    sentence: int
    plover_type: str
    kind: str
    """place | time"""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SettingScore:
    """How many gold places (times) we read, and agree on for events we found."""

    kind: str
    gold: int
    resolved: int
    found_events: int
    agrees: int

    @property
    def resolved_share(self) -> float:
        """Share of gold arguments with one of our place names (time expressions) inside."""
        return self.resolved / self.gold if self.gold else 0.0

    @property
    def agreement(self) -> float:
        """Share of found events whose place (date) comes from the gold argument's words."""
        return self.agrees / self.found_events if self.found_events else 0.0


@dataclass(frozen=True, slots=True)
class SampleRow:
    """One resolution for a person to check: the gold words and what we made of them."""

    doc_id: str
    kind: str
    gold_text: str
    ours: str


def read_gold_settings(path: Path, mapping: EreMapping) -> list[GoldSetting]:
    """Place and Time arguments of the scored gold events of one DNAF file."""
    found = []
    for event in read_dnaf_events(path):
        row = mapping.decide(event.ere_type, (a.role for a in event.arguments))
        if row is None or not row.scored:
            continue
        found += [
            GoldSetting(
                event.doc_id,
                event.sentence,
                row.types[0],
                _ROLES[argument.role],
                argument.start,
                argument.end,
                argument.text,
            )
            for argument in event.arguments
            if argument.role in _ROLES
        ]
    return found


def _inside(start: int, end: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """Labels of the spans lying within [start, end)."""
    return [label for s, e, label in spans if start <= s and e <= end]


def score_settings(
    gold: list[GoldSetting], con: duckdb.DuckDBPyConnection, documents: set[str]
) -> tuple[list[SettingScore], list[SampleRow]]:
    """Scores for places and times over the given documents, and every resolution seen."""
    ours = setting_spans(con)
    times = ours["time value"]
    counts: dict[str, list[int]] = {"place": [0, 0, 0, 0], "time": [0, 0, 0, 0]}
    sample: list[SampleRow] = []
    for item in (g for g in gold if g.doc_id in documents):
        key = (item.doc_id, item.sentence)
        tally = counts[item.kind]
        tally[0] += 1
        readings = (
            _inside(item.start, item.end, ours["place"][key])
            if item.kind == "place"
            else _inside(item.start, item.end, times[key])
        )
        if readings:
            tally[1] += 1
            sample.append(SampleRow(item.doc_id, item.kind, item.text, "; ".join(readings)))
        if any(t == item.plover_type for _, _, t in ours["found"][key]):
            tally[2] += 1
            used = ours[f"event {item.kind}"][key]
            tally[3] += item.plover_type in _inside(item.start, item.end, used)
    scores = [SettingScore(kind, *values) for kind, values in counts.items()]
    return scores, sample


def evaluate_settings(
    folder: Path, config: KroniekConfig, reporter: pipeline.Reporter, *, seed: int = 2026
) -> tuple[dict[str, list[SettingScore]], list[SampleRow]]:
    """Run the pipeline over EventDNA, score places and times per split part, and sample."""
    # Places and times were first measured on the events mapping v1 scores; kept so.
    mapping = read_mapping(mapping_file(folder, "v1"))
    golds = list(read_dnaf_dir(folder))
    pipeline.run_documents((g.document for g in golds), config, reporter, command="eval setting")
    base = folder / "dnaf" if (folder / "dnaf").is_dir() else folder
    gold = [s for path in sorted(base.glob("*.json")) for s in read_gold_settings(path, mapping)]
    parts = split([g.document.doc_id for g in golds], seed)
    results: dict[str, list[SettingScore]] = {}
    with open_for_reading(config.db_path) as con:
        for part in ("tune", "measure"):
            chosen = {d for d, p in parts.items() if p == part}
            results[part], seen = score_settings(gold, con, chosen)
            if part == "measure":
                sample = random.Random(seed).sample(seen, min(60, len(seen)))
    return results, sample
