"""Block splitting and heading/caption classification, checked against layout_nl.toml."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

import pytest

from kroniek.ingest.layout import build_blocks, classify_block, layout_rules


def _layout_data() -> dict[str, Any]:
    raw = resources.files("kroniek.ingest").joinpath("layout_nl.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def _rule_tables(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every rule table and marker in the file, named for the test report."""
    tables: list[tuple[str, dict[str, Any]]] = []
    for section, rules in data.items():
        for name, rule in rules.items():
            if name == "markers":
                tables += [(f"{section}.marker {m['marker']!r}", m) for m in rule]
            else:
                tables.append((f"{section}.{name}", rule))
    return tables


RULES = _rule_tables(_layout_data())
EXAMPLES = [
    pytest.param(example["line"], example["kind"], id=f"{name}: {example['line'][:40]}")
    for name, rule in RULES
    for example in rule["examples"]
]


def test_data_file_has_rules_and_markers():
    names = [name for name, _ in RULES]
    assert any(name.startswith("caption.marker") for name in names)
    assert "heading.max_words" in names
    assert "caption.max_chars" in names
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize(("name", "rule"), RULES, ids=[name for name, _ in RULES])
def test_every_rule_and_marker_has_an_example(name, rule):
    assert rule.get("examples"), f"{name} has no example"
    for example in rule["examples"]:
        assert example["kind"] in {"body", "heading", "caption"}


@pytest.mark.parametrize(("line", "kind"), EXAMPLES)
def test_example_is_classified_as_stated(line, kind):
    assert classify_block(line) == kind


def test_thresholds_come_from_the_data_file():
    data = _layout_data()
    rules = layout_rules()
    assert rules.heading.max_words == data["heading"]["max_words"]["value"]
    assert rules.caption.max_chars == data["caption"]["max_chars"]["value"]


def test_heading_word_limit_is_exact():
    limit = layout_rules().heading.max_words
    assert classify_block(" ".join(["Kop"] * limit)) == "heading"
    assert classify_block(" ".join(["Kop"] * (limit + 1))) == "body"


def _stripped_paragraphs(text: str) -> list[str]:
    """Independent of the implementation: split on blank lines with a regex."""
    return [p.strip() for p in re.split(r"\n[^\S\n]*\n", text) if p.strip()]


def test_paragraph_offsets_are_exact_with_odd_whitespace():
    text = "  Eerste alinea met   spaties.  \nen een tweede regel\t\n \n\t\n\nKop\n\n   Slot.   "
    blocks = build_blocks(text, None, "paragraphs")
    assert [text[b.start : b.end] for b in blocks] == _stripped_paragraphs(text)
    assert [b.kind for b in blocks] == ["body", "heading", "body"]
    assert [b.index for b in blocks] == [0, 1, 2]
    for block in blocks:
        assert not text[block.start].isspace()
        assert not text[block.end - 1].isspace()


def test_title_block_and_body_offsets():
    text = "Kabinet valt\n\nHet kabinet is gevallen.\n\nCrisisberaad"
    blocks = build_blocks(text, len("Kabinet valt"), "paragraphs")
    assert [(b.kind, text[b.start : b.end]) for b in blocks] == [
        ("title", "Kabinet valt"),
        ("body", "Het kabinet is gevallen."),
        ("heading", "Crisisberaad"),
    ]


def test_line_mode_makes_every_line_a_block():
    text = "Titel\n\nEerste regel van de tekst.\nTussenkop\nTweede regel van de tekst."
    blocks = build_blocks(text, 5, "lines")
    assert [text[b.start : b.end] for b in blocks] == [
        "Titel",
        "Eerste regel van de tekst.",
        "Tussenkop",
        "Tweede regel van de tekst.",
    ]
    assert [b.kind for b in blocks] == ["title", "body", "heading", "body"]


def test_multi_line_paragraph_is_body_even_if_short():
    blocks = build_blocks("Kop\nNog een kop", None, "paragraphs")
    assert len(blocks) == 1
    assert blocks[0].kind == "body"
