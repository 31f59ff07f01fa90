"""One document failing in a later stage is reported and the rest of the run is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.records import IngestProblem

from .actor_helpers import document
from .conftest import need_frog

pytestmark = pytest.mark.frog


class Collecting:
    """A reporter that keeps the problems it is told about."""

    def __init__(self) -> None:
        self.problems: list[IngestProblem] = []

    def stage(self, name: str, total: int | None) -> None: ...
    def advance(self, label: str) -> None: ...
    def note(self, message: str) -> None: ...

    def problem(self, problem: IngestProblem) -> None:
        self.problems.append(problem)


def test_a_failing_document_in_stage_5_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need_frog()
    docs = [
        document("De politie arresteerde woensdag betogers in Almaty.", "2022-01-07", "good"),
        document("Rusland stuurde troepen naar Kazachstan.", "2022-01-07", "bad"),
    ]
    real = pipeline.date_events

    def failing_on_bad(doc: Any, *args: Any) -> Any:
        if doc.doc_id == "bad":
            raise ValueError("a bug in dating")
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "date_events", failing_on_bad)
    config = KroniekConfig(db_path=tmp_path / "k.duckdb", workers=1)
    reporter = Collecting()
    summary = pipeline.run_documents(iter(docs), config, reporter)  # type: ignore[arg-type]
    assert summary.stage_failures == 1 and summary.failed == 1
    (problem,) = reporter.problems
    assert problem.reason.startswith("E028") and "bad" in problem.reason
    assert "a bug in dating" in problem.reason

    def versions() -> dict[str, str | None]:
        with duckdb.connect(str(config.db_path), read_only=True) as con:
            rows = con.execute("SELECT doc_id, setting_version FROM documents").fetchall()
        return dict(rows)

    found = versions()
    assert found["good"] is not None and found["bad"] is None
    monkeypatch.setattr(pipeline, "date_events", real)
    again = pipeline.run_documents(iter(()), config, Collecting())
    assert again.stage_failures == 0
    assert all(versions().values())
