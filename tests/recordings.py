"""Recorded Frog analyses: the tests' sentences analysed once by real Frog, replayed.

Each recording (``tests/data/recorded/NAME.json``) maps the exact request line the
analyser sends to Frog's answer, with the Frog version and modules it was made
with. ``recorded_analyser(NAME)`` is a real ``FrogAnalyser`` whose server replays
them, so the coder, resolver, locating and dating run on genuine Frog output in
milliseconds, without Frog installed.

A sentence that is not recorded fails its test with a pointer to ``make record``,
which runs the recorded suites with ``KRONIEK_RECORD=1``: then missing answers are
asked of a real Frog server and every recording is rewritten with exactly the
lines its tests used. ``tests/test_recordings.py`` (real Frog) fails when Frog
no longer answers as recorded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kroniek.config import FrogConfig
from kroniek.nlp.frog import FrogAnalyser
from kroniek.nlp.frog_server import FrogServer, frog_version
from kroniek.records import AnalysedDocument, SourceDocument

RECORDED = Path(__file__).parent / "data" / "recorded"
RECORDING = os.environ.get("KRONIEK_RECORD") == "1"


class NotRecordedError(LookupError):
    """A request line with no recorded answer."""


class ReplayingServer:
    """A FrogConnection that answers from a recording, or (when recording) from Frog."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        self.frog: str = data.get("frog", "")
        self.skip: str = data.get("skip", FrogConfig().skip)
        self.answers: dict[str, str] = data.get("answers", {})
        self.used: set[str] = set()
        self._live: FrogServer | None = None
        self.pid: int | None = None

    def start(self) -> None:
        self.pid = 0

    def stop(self) -> None:
        self.pid = None

    def close(self) -> None:
        self.stop()
        if self._live is not None:
            self._live.stop()
            self._live = None

    def request(self, text: str) -> str:
        self.used.add(text)
        if text not in self.answers:
            if not RECORDING:
                raise NotRecordedError(
                    f"{self.path.name} has no Frog answer for {text!r}: run 'make record'"
                )
            if self._live is None:
                config = FrogConfig(skip=self.skip)
                self._live = FrogServer(config)
                self._live.start()
                self.frog = frog_version(config.binary)
            self.answers[text] = self._live.request(text)
        return self.answers[text]

    def save(self) -> None:
        """Write the answers the tests used (recording mode only)."""
        kept = {line: self.answers[line] for line in sorted(self.used)}
        recording = {"frog": self.frog, "skip": self.skip, "answers": kept}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(recording, ensure_ascii=False, indent=0) + "\n", "utf-8")


@contextmanager
def recorded_analyser(name: str) -> Iterator[FrogAnalyser]:
    """A Frog analyser replaying ``tests/data/recorded/NAME.json``."""
    server = ReplayingServer(RECORDED / f"{name}.json")
    version = server.frog or (frog_version("frog") if RECORDING else "unrecorded")
    config = FrogConfig(skip=server.skip)
    with FrogAnalyser(config, server=server, version=version) as analyser:
        yield analyser
    if RECORDING:
        server.save()


class Shared:
    """One recorded analyser handed to every worker of a run: a replay needs no server
    per worker, and its recording is saved once, when the test's analyser closes."""

    def __init__(self, analyser: FrogAnalyser) -> None:
        self.analyser = analyser
        self.name = analyser.name

    def analyse(self, doc: SourceDocument) -> AnalysedDocument:
        return self.analyser.analyse(doc)

    def __enter__(self) -> Shared:
        return self

    def __exit__(self, *exc: object) -> None: ...


def recordings() -> list[Path]:
    """Every recording file."""
    return sorted(RECORDED.glob("*.json"))
