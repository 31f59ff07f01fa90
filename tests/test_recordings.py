"""The recorded analyses still are what real Frog answers (needs Frog; 'make record' renews)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.config import FrogConfig
from kroniek.nlp.frog_output import parse_answer
from kroniek.nlp.frog_server import FrogServer, frog_version

from .conftest import need_frog
from .recordings import recordings

pytestmark = pytest.mark.frog


@pytest.mark.parametrize("recording", recordings(), ids=lambda p: p.stem)
def test_frog_still_answers_as_recorded(recording: Path) -> None:
    need_frog()
    data = json.loads(recording.read_text(encoding="utf-8"))
    config = FrogConfig(skip=data["skip"])
    assert data["frog"] == frog_version(config.binary), "Frog was upgraded: run 'make record'"
    changed = []
    with FrogServer(config) as server:
        for line, answer in data["answers"].items():
            # Compared as parsed words: where a blank line ends the answer does not matter.
            if parse_answer(server.request(line)) != parse_answer(answer):
                changed.append(line)
    assert changed == [], f"{len(changed)} answers differ from {recording.name}: run 'make record'"


def test_every_recording_is_used_by_a_test() -> None:
    names = {path.stem for path in recordings()}
    used = {
        name
        for test in Path(__file__).parent.glob("test_*.py")
        for name in names
        if f'recorded_analyser("{name}")' in test.read_text(encoding="utf-8")
    }
    assert names == used
