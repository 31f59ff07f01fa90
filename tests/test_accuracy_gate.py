"""The accuracy gate: event scores on a fixed EventDNA sample stay above the recorded floor.

Runs real Frog over the sample (about half a minute) and scores as
``../shared/README.md`` prescribes.  The floors live in ``tests/accuracy_floor.toml``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.evaluation.dyad_gold import evaluate_dyads
from kroniek.evaluation.event_scores import (
    read_gold_events,
    read_ignored_gold,
    read_mapping,
    read_predictions,
    score,
)
from kroniek.evaluation.eventdna import read_dnaf_dir, split
from kroniek.store import open_for_reading

from .conftest import ROOT, SHARED, need_frog

pytestmark = pytest.mark.frog
FLOOR = tomllib.loads((Path(__file__).parent / "accuracy_floor.toml").read_text("utf-8"))
EVENTDNA = SHARED / "data" / "eventdna-dev"


class Quiet:
    def stage(self, name: str, total: int | None) -> None: ...
    def advance(self, label: str) -> None: ...
    def problem(self, problem: object) -> None: ...
    def note(self, message: str) -> None: ...


def test_event_scores_stay_above_the_floor(tmp_path: Path) -> None:
    need_frog()
    if not EVENTDNA.exists():
        pytest.skip("EventDNA dev split not available at ../shared/data/eventdna-dev")
    golds = list(read_dnaf_dir(EVENTDNA))
    parts = split([g.document.doc_id for g in golds])
    sample = sorted(d for d, p in parts.items() if p == "tune")[: FLOOR["sample_documents"]]
    chosen = [g for g in golds if g.document.doc_id in set(sample)]
    config = KroniekConfig(db_path=tmp_path / "gate.duckdb", workers=2)
    pipeline.run_documents((g.document for g in chosen), config, Quiet())  # type: ignore[arg-type]
    mapping = read_mapping(EVENTDNA / "ERE_TO_PLOVER_v2.tsv")
    paths = [EVENTDNA / "dnaf" / g.document.origin for g in chosen]
    gold = [e for path in paths for e in read_gold_events(path, mapping)]
    ignored = [e for path in paths for e in read_ignored_gold(path, mapping)]
    with open_for_reading(config.db_path) as con:
        predicted = read_predictions(con, mapping.scored_types)
    scores = score(gold, predicted, set(sample), ignored=ignored)
    overall = next(t for t in scores.types if t.plover_type == "all")
    print(f"gate: P {overall.precision:.3f} R {overall.recall:.3f} F1 {overall.f1:.3f}")
    assert overall.precision >= FLOOR["precision"]
    assert overall.recall >= FLOOR["recall"]
    assert overall.f1 >= FLOOR["f1"]


def test_dyad_scores_on_the_tune_part_stay_above_the_floor(tmp_path: Path) -> None:
    need_frog()
    if not EVENTDNA.exists():
        pytest.skip("EventDNA dev split not available at ../shared/data/eventdna-dev")
    config = KroniekConfig(db_path=tmp_path / "dyads.duckdb", workers=2)
    gold = ROOT / "gold" / "eventdna_dyads.jsonl"
    tune = evaluate_dyads(gold, EVENTDNA, config, Quiet())["tune"]  # type: ignore[arg-type]
    print(f"dyads: P {tune.precision:.3f} R {tune.recall:.3f} no actor {tune.without_actor:.3f}")
    assert tune.precision >= FLOOR["dyads"]["precision"]
    assert tune.recall >= FLOOR["dyads"]["recall"]
    assert tune.without_actor <= FLOOR["dyads"]["most_without_actor"]
