"""EventDNA reading, the fixed split, and actor coverage on a tiny DNAF set of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.config import KroniekConfig
from kroniek.evaluation.actor_coverage import evaluate_actor_coverage
from kroniek.evaluation.eventdna import read_dnaf, read_dnaf_dir, split

from .conftest import SHARED, need_frog


def write_dnaf(
    folder: Path, doc_id: str, sentences: list[str], entities: list[tuple[str, str, str]]
) -> None:
    """A DNAF file in EventDNA's layout: token ids per sentence, entity spans as token ids."""
    tokens: list[str] = []
    sentence_ids = {}
    for number, sentence in enumerate(sentences, 1):
        words = sentence.split(" ")
        sentence_ids[f"sentence_{number}"] = {
            "token_ids": list(range(len(tokens), len(tokens) + len(words)))
        }
        tokens += words
    annotations = {}
    for number, (text, label, level) in enumerate(entities, 1):
        words = text.split(" ")
        first = next(i for i in range(len(tokens)) if tokens[i : i + len(words)] == words)
        span = list(range(first, first + len(words)))
        annotations[f"entity_{number}"] = {
            "features": {"span": span, "type": label, "mention_level_type": level},
            "string": text,
        }
    document = {
        "doc": {
            "token_string": " ".join(tokens),
            "token_ids": list(range(len(tokens))),
            "sentences": sentence_ids,
            "annotations": {"entities": annotations, "events": {}},
        },
        "meta": {"id": doc_id, "author": "test"},
    }
    (folder / f"{doc_id}.dnaf.json").write_text(json.dumps(document), encoding="utf-8")


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "dnaf"
    folder.mkdir()
    write_dnaf(
        folder,
        "d1",
        ["Poetin ontmoet Erdogan in Ankara", "De Russische president was tevreden ."],
        [
            ("Poetin", "PER", "NAM"),
            ("Erdogan", "PER", "NAM"),
            ("Ankara", "LOC", "NAM"),
            ("De Russische president", "PER", "NOM"),
        ],
    )
    write_dnaf(
        folder,
        "d2",
        ["Jantje Modaalsma opent een bakkerij ."],
        [("Jantje Modaalsma", "PER", "NAM")],
    )
    return tmp_path


def test_dnaf_text_blocks_and_entity_offsets(gold: Path) -> None:
    item = read_dnaf(gold / "dnaf" / "d1.dnaf.json")
    text = item.document.text
    assert [text[b.start : b.end] for b in item.document.blocks] == [
        "Poetin ontmoet Erdogan in Ankara",
        "De Russische president was tevreden .",
    ]
    assert [b.kind for b in item.document.blocks] == ["title", "body"]
    first = item.entities[0]
    assert (first.text, text[first.start : first.end]) == ("Poetin", "Poetin")


def test_the_split_is_fixed_and_halves() -> None:
    ids = [f"doc{i}" for i in range(100)]
    parts = split(ids, seed=2026)
    assert parts == split(list(reversed(ids)), seed=2026)
    assert sum(p == "measure" for p in parts.values()) == 50


def test_actor_coverage_end_to_end(gold: Path) -> None:
    need_frog()

    class Quiet:
        def stage(self, name: str, total: int | None) -> None: ...
        def advance(self, label: str) -> None: ...
        def problem(self, problem: object) -> None: ...
        def note(self, message: str) -> None: ...

    config = KroniekConfig(db_path=gold / "eval.duckdb", workers=1)
    report = evaluate_actor_coverage(gold, config, Quiet(), sample_size=10)  # type: ignore[arg-type]
    rows = {(r.part, r.label, r.level): (r.gold, r.resolved) for r in report.rows}
    # Poetin, Erdogan and "De Russische president" resolve; "in Ankara" is a place, and
    # the invented Jantje Modaalsma is nobody we know.
    assert rows[("all", "all", "all")] == (5, 3)
    assert rows[("all", "PER", "NAM")] == (3, 2)
    assert {s.actor_id for s in report.sample} >= {"person:vladimir-putin"}


def test_the_shared_dev_split_reads_completely() -> None:
    folder = SHARED / "data" / "eventdna-dev"
    if not folder.exists():
        pytest.skip("EventDNA dev split not available at ../shared/data/eventdna-dev")
    items = list(read_dnaf_dir(folder))
    assert len(items) == 1387
    for item in items[:200]:
        for entity in item.entities:
            assert item.document.text[entity.start : entity.end] == entity.text
