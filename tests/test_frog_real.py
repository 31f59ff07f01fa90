"""The Frog server for real: start, answer, die, hang, and be replaced (needs Frog)."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.config import FrogConfig
from kroniek.errors import FrogError
from kroniek.nlp.frog import FrogAnalyser
from kroniek.nlp.frog_output import parse_answer
from kroniek.nlp.frog_server import FrogServer
from kroniek.records import Block, Relation, SourceDocument

from .conftest import RECORDING, ReplayedFrog, need_frog

pytestmark = pytest.mark.frog

TEXT = "De Kazachse president Kasym-Zjomart Tokajev vroeg Rusland om hulp."


def document(text: str) -> SourceDocument:
    return SourceDocument(
        "d",
        text,
        (Block(0, "body", 0, len(text)),),
        None,
        None,
        "unknown",
        "nl",
        None,
        None,
        "test",
        "0" * 64,
    )


@pytest.fixture(scope="module")
def analyser() -> Iterator[FrogAnalyser]:
    need_frog()
    with FrogAnalyser(FrogConfig(request_timeout=8)) as running:
        yield running


def test_real_frog_answers_with_parsed_sentences(analyser: FrogAnalyser) -> None:
    result = analyser.analyse(document(TEXT))
    (sentence,) = result.sentences
    assert [t.text for t in sentence.tokens][:3] == ["De", "Kazachse", "president"]
    assert any(m.text == "Kasym-Zjomart Tokajev" and m.label == "PER" for m in result.mentions)
    assert sum(1 for t in sentence.tokens if t.relation is Relation.ROOT) == 1


def test_real_frog_still_answers_as_recorded(analyser: FrogAnalyser) -> None:
    """The recording the unit tests replay must match what this Frog says."""
    recorded = ReplayedFrog(RECORDING)
    line, answer = next(iter(recorded.answers.items()))
    server = analyser._server
    assert parse_answer(server.request(line)) == parse_answer(answer)


def test_a_killed_server_is_replaced_and_the_document_still_analysed(
    analyser: FrogAnalyser,
) -> None:
    old_pid = analyser.server_pid
    assert old_pid is not None
    os.killpg(old_pid, signal.SIGKILL)
    result = analyser.analyse(document(TEXT))
    assert result.sentences
    assert analyser.server_pid not in (None, old_pid)


def test_a_hung_server_times_out_and_is_replaced(analyser: FrogAnalyser) -> None:
    old_pid = analyser.server_pid
    assert old_pid is not None
    os.killpg(old_pid, signal.SIGSTOP)  # stopped processes never answer
    try:
        result = analyser.analyse(document(TEXT))
    finally:
        with contextlib.suppress(ProcessLookupError):  # the analyser normally killed it already
            os.killpg(old_pid, signal.SIGKILL)
    assert result.sentences
    assert analyser.server_pid != old_pid


def test_one_connection_serves_every_request(analyser: FrogAnalyser) -> None:
    """Frog forks per connection and a closed connection's child spins: keep one."""
    pgid = analyser.server_pid
    assert pgid is not None
    for _ in range(3):
        analyser.analyse(document(TEXT))
    assert len(group_members(pgid)) <= 3  # guard, server, one connection child


def group_members(pgid: int) -> list[int]:
    """Pids in a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == pgid:
                    members.append(int(entry.name))
    return members


def test_missing_frog_binary_is_a_clear_error() -> None:
    with pytest.raises(FrogError, match="E101"):
        FrogServer(FrogConfig(binary="frog-does-not-exist")).start()


def test_server_that_cannot_start_reports_its_log(tmp_path: Path) -> None:
    fake = tmp_path / "frog"
    fake.write_text("#!/bin/sh\necho 'cannot load models' >&2\nexit 3\n")
    fake.chmod(0o755)
    server = FrogServer(FrogConfig(binary=str(fake), start_timeout=10))
    with pytest.raises(FrogError, match="cannot load models"):
        server.start()
    assert server.pid is None
