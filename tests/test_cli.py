"""The command line without Frog: ingest, docs, show, help, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroniek.cli import app

from .conftest import ROOT

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_help_teaches_with_an_example() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    for command in ("ingest", "run", "docs", "show"):
        assert command in out
    assert "Example" in out
    code, out, _ = invoke("ingest", "--help")
    assert code == 0 and "kroniek ingest examples/" in out


COMMANDS = [
    [],
    *([name] for name in ("ingest", "run", "docs", "show", "events", "export", "serve")),
    *(["actors", name] for name in ("list", "show", "search", "import")),
    *(["eval", name] for name in ("actors", "eventdna", "setting", "gold")),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "kroniek")
def test_help_names_values_for_what_they_are(command: list[str]) -> None:
    """No Python type names (<bool>, <list[str]>, <int range>) at 80 columns."""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert re.search(r"<(bool|int|text|path|float|list)", result.output) is None, result.output
    assert all(len(line) <= 80 for line in result.output.splitlines())


def test_run_help_names_every_stage() -> None:
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "80"})
    text = " ".join(result.output.split())
    for number, stage in enumerate(
        ("ingest", "analyse", "resolve actors", "code events", "complete", "place", "date"),
        start=1,
    ):
        assert f"[{number}] {stage}" in text, stage
    for option in ("--feed", "--date", "--workers"):
        assert option in text


def test_ingest_examples_then_list_and_show(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    code, out, _ = invoke("ingest", str(ROOT / "examples"), "--db", str(db), "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["stored_new"] == summary["documents_read"] == 9
    assert len(summary["new_documents"]) == 9 and "feed-002" in summary["new_documents"]
    code, out, _ = invoke("ingest", str(ROOT / "examples"), "--db", str(db))
    assert code == 0 and "new:" not in out  # nothing new the second time
    code, out, _ = invoke("docs", "--db", str(db), "--json")
    listed = json.loads(out)
    assert {d["status"] for d in listed} == {"stored", "unsupported-language"}
    code, out, _ = invoke("show", "feed-002", "--db", str(db))
    assert code == 0 and "feed-002" in out


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    good = tmp_path / "goed.txt"
    good.write_text(" date 2023-05-02\nDe minister bezocht gisteren Jerevan voor overleg.\n")
    (tmp_path / "leeg.txt").write_text("")
    (tmp_path / "kapot.jsonl").write_text('{"text": "Een goede regel over Tbilisi."}\n{kapot\n')
    db = tmp_path / "k.duckdb"
    code, out, err = invoke("ingest", str(tmp_path), "--db", str(db), "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["stored_new"] == 2
    assert summary["input_problems"] == 2 and summary["failed"] == 2
    assert "leeg.txt" in err and "kapot.jsonl:2" in err


def test_stdin_is_read_with_a_dash(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    text = " date 2022-01-06\nTokajev vroeg Rusland om hulp bij het neerslaan van de onrust.\n"
    code, out, _ = invoke("ingest", "-", "--db", str(db), "--json", stdin=text)
    assert code == 0, out
    (doc,) = json.loads(invoke("docs", "--db", str(db), "--json")[1])
    assert (doc["published"], doc["date_precision"]) == ("2022-01-06", "day")


def test_reading_commands_on_a_missing_database_fail_clearly(tmp_path: Path) -> None:
    code, _, err = invoke("docs", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "E202" in err


def test_the_run_summary_names_the_new_documents(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    code, out, _ = invoke("ingest", str(ROOT / "examples"), "--db", str(db))
    text = " ".join(out.split())
    assert code == 0 and "new: " in text and "and 4 more ('kroniek docs' lists them)" in text
    assert "see one with 'kroniek show " in text
