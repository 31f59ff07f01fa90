"""Shared fixtures: recorded Frog answers, paths to optional shared data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_6025a2aa08f2cf15.txt"
RECORDING = DATA / "frog" / "awkward_nl.frog.json"


class ReplayedFrog:
    """Answers requests from a recording of real Frog, as FrogServer would."""

    def __init__(self, recording: Path) -> None:
        self.answers: dict[str, str] = json.loads(recording.read_text(encoding="utf-8"))["answers"]
        self.requests: list[str] = []
        self.pid: int | None = None

    def start(self) -> None:
        self.pid = 1

    def stop(self) -> None:
        self.pid = None

    def close(self) -> None:
        self.stop()

    def request(self, text: str) -> str:
        self.requests.append(text)
        return self.answers[text]


@pytest.fixture
def replayed_frog() -> ReplayedFrog:
    return ReplayedFrog(RECORDING)


@pytest.fixture
def awkward_text() -> str:
    return (DATA / "frog" / "awkward_nl.txt").read_text(encoding="utf-8")


def need_frog() -> None:
    """Skip with a reason when Frog is not installed."""
    if shutil.which("frog") is None or not Path("/usr/share/frog/nld/frog.cfg").exists():
        pytest.skip(
            "Frog is not installed (Debian packages frog, frogdata; 'make test' installs them)"
        )


def need_seed() -> Path:
    """The seed article, or skip when ../shared is absent."""
    if not SEED.exists():
        pytest.skip(f"shared seed article not available at ../shared (looked for {SEED.name})")
    return SEED
