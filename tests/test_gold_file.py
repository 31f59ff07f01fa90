"""Our own gold format: reading it, and scoring the coder on gold/events_nl.jsonl."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.config import KroniekConfig
from kroniek.errors import KroniekError
from kroniek.evaluation.gold_file import evaluate_gold, read_gold

from .conftest import ROOT
from .recordings import Shared, recorded_analyser

GOLD = ROOT / "gold" / "events_nl.jsonl"


class Quiet:
    def stage(self, name: str, total: int | None) -> None: ...
    def advance(self, label: str) -> None: ...
    def problem(self, problem: object) -> None: ...
    def note(self, message: str) -> None: ...


def test_compound_events_become_dyads() -> None:
    dyads = {d.doc_id: expected for d, expected in read_gold(GOLD)}
    assert dyads["gold-006"] == {
        ("BLR", "AID", "KAZ"),
        ("ARM", "AID", "KAZ"),
        ("TJK", "AID", "KAZ"),
    }
    assert dyads["gold-007"] == {("BLR", "COERCE", "-")}


def test_a_malformed_line_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Tekst.", "events": []}\n{"id": "y", "events": [{}]}\n')
    with pytest.raises(KroniekError, match=r"E403 .*bad.jsonl:2"):
        list(read_gold(bad))


def test_scores_on_our_gold_stay_above_the_floor(tmp_path: Path) -> None:
    config = KroniekConfig(db_path=tmp_path / "g.duckdb")
    with recorded_analyser("gold_nl") as analyser:
        scores = evaluate_gold(GOLD, config, Quiet(), lambda: Shared(analyser))  # type: ignore[arg-type]
    # Measured 2026-11-29 (kroniek-coder-3): dyads 6/10 both ways, types 10/10 both ways.
    assert scores.dyads_matched_predicted / scores.predicted >= 0.5
    assert scores.dyads_matched_expected / scores.expected >= 0.5
    assert scores.types_matched_expected / scores.expected >= 0.9


def test_eval_gold_command_reports_a_bad_file_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "gold", str(bad), "--db", str(tmp_path / "g.duckdb")])
    assert result.exit_code == 2 and "E403" in result.stderr
