"""Record real Frog answers for the unit tests: ``python tests/record_frog.py``.

Each paragraph of each ``tests/data/frog/*.txt`` file is sent to a real Frog
server exactly as the analyser sends it, and the answers are saved beside the
text as ``NAME.frog.json`` (request line → answer).  Re-record after upgrading
Frog; the unit tests then replay these answers without Frog installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kroniek.config import FrogConfig
from kroniek.nlp.frog import request_line
from kroniek.nlp.frog_server import FrogServer, frog_version

DATA = Path(__file__).parent / "data" / "frog"


def main() -> None:
    """Record every text file in the data folder."""
    config = FrogConfig()
    with FrogServer(config) as server:
        for source in sorted(DATA.glob("*.txt")):
            text = source.read_text(encoding="utf-8")
            answers = {}
            for paragraph in re.findall(r"[^\n]+(?:\n[^\n]+)*", text):
                line = request_line(paragraph)
                answers[line] = server.request(line)
            recording = {
                "frog": frog_version(config.binary),
                "skip": config.skip,
                "answers": answers,
            }
            target = source.with_suffix(".frog.json")
            target.write_text(json.dumps(recording, ensure_ascii=False, indent=1) + "\n")
            print(f"recorded {len(answers)} answers into {target.name}")


if __name__ == "__main__":
    main()
