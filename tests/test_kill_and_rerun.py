"""A run killed with SIGKILL leaves whole documents only; the next run completes the rest."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from .conftest import ROOT, need_frog

pytestmark = pytest.mark.frog


def wait_for_line(process: subprocess.Popen[str], marker: str, seconds: float) -> str:
    """Read the process's stderr until a line contains ``marker``."""
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if selector.select(timeout=1):
            line = process.stderr.readline()
            if marker in line:
                return line
            if not line and process.poll() is not None:
                break
    raise AssertionError(f"no line with {marker!r} within {seconds} s")


def test_killed_run_is_completed_by_the_next(tmp_path: Path) -> None:
    need_frog()
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "kroniek", "run", str(ROOT / "examples"), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--verbose"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_line(process, "done 2 analyse", 600)  # one document analysed and stored
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    with duckdb.connect(str(db), read_only=True) as con:
        statuses = dict(con.execute("SELECT doc_id, status FROM documents").fetchall())
        sentence_rows = dict(
            con.execute("SELECT doc_id, count(*) FROM sentences GROUP BY doc_id").fetchall()
        )
        orphans = con.execute(
            "SELECT count(*) FROM tokens t ANTI JOIN sentences s USING (doc_id, sentence_index)"
        ).fetchone()
    assert orphans == (0,)
    for doc_id, status in statuses.items():
        # Every document is either fully analysed or not analysed at all.
        assert (status == "analysed") == (sentence_rows.get(doc_id, 0) > 0), doc_id
    waiting = [d for d, s in statuses.items() if s == "stored"]
    assert waiting, "the kill came too late to leave work for the rerun"

    rerun = subprocess.run(
        [*command, "--json"], capture_output=True, text=True, timeout=900, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["analysed"] == len(waiting)
    assert summary["stored_new"] == 9 - len(statuses)
    with duckdb.connect(str(db), read_only=True) as con:
        final = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    assert final == {"analysed": 8, "unsupported-language": 1}
