"""One document failing in a later stage is reported and the rest of the run is stored;
a changed data file redoes exactly what depends on it. Runs on recorded Frog analyses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.nlp.frog import FrogAnalyser
from kroniek.records import IngestProblem, SourceDocument
from kroniek.time.stage import TimeStage

from .actor_helpers import document
from .recordings import Shared, recorded_analyser


class Collecting:
    """A reporter that keeps the problems and stages it is told about."""

    def __init__(self) -> None:
        self.problems: list[IngestProblem] = []
        self.stages: list[tuple[str, int | None]] = []

    def stage(self, name: str, total: int | None) -> None:
        self.stages.append((name, total))

    def advance(self, label: str) -> None: ...
    def note(self, message: str) -> None: ...

    def problem(self, problem: IngestProblem) -> None:
        self.problems.append(problem)


@pytest.fixture(scope="module")
def analyser() -> Iterator[FrogAnalyser]:
    with recorded_analyser("stages") as recorded:
        yield recorded


def _run(
    analyser: FrogAnalyser, docs: list[SourceDocument], config: KroniekConfig, reporter: Collecting
) -> pipeline.RunSummary:
    return pipeline.run_documents(
        iter(docs),
        config,
        reporter,
        make_analyser=lambda: Shared(analyser),
    )


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _done_at(db: Path) -> dict[tuple[str, str], object]:
    rows = _rows(db, "SELECT doc_id, stage, done_at FROM stage_versions")
    return {(str(d), str(s)): t for d, s, t in rows}


DOCS = [
    document("De politie arresteerde woensdag betogers in Almaty.", "2022-01-07", "good"),
    document("Rusland stuurde troepen naar Kazachstan.", "2022-01-07", "bad"),
]


def test_a_failing_document_in_a_later_stage_does_not_stop_the_others(
    analyser: FrogAnalyser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = TimeStage.run

    def failing_on_bad(self: TimeStage, records: pipeline.DocumentRecords) -> object:
        if records.document.doc_id == "bad":
            raise ValueError("a bug in dating")
        return real(self, records)

    monkeypatch.setattr(TimeStage, "run", failing_on_bad)
    config = KroniekConfig(db_path=tmp_path / "k.duckdb", workers=1)
    reporter = Collecting()
    summary = _run(analyser, DOCS, config, reporter)
    assert summary.stage_failures == 1 and summary.failed == 1
    (problem,) = reporter.problems
    assert problem.reason.startswith("E028") and "bad" in problem.reason
    assert "'time'" in problem.reason and "a bug in dating" in problem.reason
    stages = set(_done_at(config.db_path))
    # The failing document keeps what the stages before the failure stored.
    assert ("bad", "place") in stages and ("bad", "time") not in stages
    assert ("good", "time") in stages
    monkeypatch.setattr(TimeStage, "run", real)
    again = _run(analyser, [], config, Collecting())
    assert again.stage_failures == 0
    stages = set(_done_at(config.db_path))
    assert ("bad", "time") in stages


def test_a_second_run_does_nothing(analyser: FrogAnalyser, tmp_path: Path) -> None:
    config = KroniekConfig(db_path=tmp_path / "k.duckdb", workers=1)
    _run(analyser, DOCS, config, Collecting())
    before = _done_at(config.db_path)
    reporter = Collecting()
    _run(analyser, DOCS, config, reporter)
    assert _done_at(config.db_path) == before
    assert [name for name, _ in reporter.stages if name.startswith("3")] == []


def test_an_edited_actor_file_redoes_exactly_the_documents_it_changes(
    analyser: FrogAnalyser, tmp_path: Path
) -> None:
    """The stale-data bug of issue 10: after a knowledge-base edit the events and places
    built on the old actors were kept. Now a document whose actors change is coded,
    placed and dated again; one whose actors come out the same keeps its results."""
    actors = tmp_path / "mine.tsv"
    header = "actor_id\tkind\tname\taliases\tcode\tcountry\tsector\tstart\tend\n"
    actors.write_text(header, encoding="utf-8")
    docs = [
        document("Frenk Bakker zei dat de politie betogers arresteerde.", "2022-01-07", "named"),
        document("Rusland stuurde troepen naar Kazachstan.", "2022-01-07", "other"),
    ]
    config = KroniekConfig(db_path=tmp_path / "k.duckdb", workers=1, actor_files=(actors,))
    _run(analyser, docs, config, Collecting())
    before = _done_at(config.db_path)
    speaker = "SELECT speaker_code FROM quotes WHERE doc_id = 'named'"
    assert _rows(config.db_path, speaker) == [(None,)]
    row = "frenk-bakker\tperson\tFrenk Bakker\t\tNLD\tNLD\tGOV\t\t\n"
    actors.write_text(header + row, encoding="utf-8")
    reporter = Collecting()
    _run(analyser, docs, config, reporter)
    after = _done_at(config.db_path)
    # Every document's actors were resolved again with the new knowledge base ...
    assert all(after[(d, "actors")] != before[(d, "actors")] for d in ("named", "other"))
    # ... the one that names Frenk Bakker had its events, places and dates redone ...
    for stage in ("arguments", "place", "time"):
        assert after[("named", stage)] != before[("named", stage)], stage
    assert _rows(config.db_path, speaker) == [("NLD",)]
    # ... and the other kept them.
    for stage in ("arguments", "place", "time"):
        assert after[("other", stage)] == before[("other", stage)], stage
