"""Cut a document text into blocks and tell headings and captions from body text.

The Dutch markers and thresholds live in ``layout_nl.toml`` next to this
module, each with example lines, so they can be reviewed and tuned without
touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from kroniek.ingest.resources import load_toml
from kroniek.records import Block, BlockKind

LAYOUT_FILE = "layout_nl.toml"

SplitMode = Literal["paragraphs", "lines"]
"""``paragraphs``: runs of non-blank lines form a block; ``lines``: every non-blank line does."""


@dataclass(frozen=True, slots=True)
class CaptionRules:
    """When a one-line block is a photo caption."""

    max_chars: int
    max_credit_words: int
    final_punctuation: tuple[str, ...]
    preceded_by: frozenset[str]
    marker_pattern: re.Pattern[str]
    anywhere: frozenset[str]


@dataclass(frozen=True, slots=True)
class HeadingRules:
    """When a one-line block is a heading."""

    max_words: int
    max_chars: int
    final_punctuation: tuple[str, ...]
    closing: str


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """All layout rules for one language."""

    caption: CaptionRules
    heading: HeadingRules


def _marker_regex(markers: list[str]) -> re.Pattern[str]:
    """Match any marker as a whole word; longest first so ``Foto's`` beats ``Foto``."""
    parts = []
    for marker in sorted(markers, key=len, reverse=True):
        # A word marker must be followed by a colon or a space ("Foto: X", "Beeld X"),
        # so "Fotograaf" or "Beeldbank" never count; a sign like © needs nothing.
        follow = r"(?=[:\s])" if marker[-1].isalnum() or marker[-1] in "'’" else ""
        parts.append(rf"(?<!\w){re.escape(marker)}{follow}")
    return re.compile("|".join(parts))


def _caption_rules(data: dict[str, Any]) -> CaptionRules:
    """Build caption rules from the ``[caption]`` table."""
    markers = [str(entry["marker"]) for entry in data["markers"]]
    anywhere = [str(entry["marker"]) for entry in data["markers"] if entry.get("anywhere")]
    return CaptionRules(
        max_chars=int(data["max_chars"]["value"]),
        max_credit_words=int(data["max_credit_words"]["value"]),
        final_punctuation=tuple(data["final_punctuation"]["marks"]),
        preceded_by=frozenset(data["preceded_by"]["marks"]),
        marker_pattern=_marker_regex(markers),
        anywhere=frozenset(anywhere),
    )


def _heading_rules(data: dict[str, Any]) -> HeadingRules:
    """Build heading rules from the ``[heading]`` table."""
    punctuation = data["final_punctuation"]
    return HeadingRules(
        max_words=int(data["max_words"]["value"]),
        max_chars=int(data["max_chars"]["value"]),
        final_punctuation=tuple(punctuation["marks"]),
        closing="".join(punctuation["closing"]),
    )


@cache
def layout_rules() -> LayoutRules:
    """Load the Dutch layout rules once."""
    data = load_toml(LAYOUT_FILE)
    return LayoutRules(
        caption=_caption_rules(data["caption"]), heading=_heading_rules(data["heading"])
    )


def _is_credit(tail: str, rules: CaptionRules) -> bool:
    """Whether the text after a marker reads as a credit (``: Reuters``, ``ANP)``)."""
    credit = tail.lstrip(":").strip().rstrip(")]").strip()
    words = credit.split()
    return 0 < len(words) <= rules.max_credit_words and not credit.endswith(rules.final_punctuation)


def _marker_placed(line: str, match: re.Match[str], rules: CaptionRules) -> bool:
    """Whether a marker starts the line or follows the end of the description."""
    before = line[: match.start()].rstrip()
    return not before or before[-1] in rules.preceded_by or match[0] in rules.anywhere


def is_caption(line: str, rules: CaptionRules) -> bool:
    """Whether a one-line block ends in a photo credit such as ``Beeld AFP``."""
    if len(line) > rules.max_chars:
        return False
    return any(
        _marker_placed(line, match, rules) and _is_credit(line[match.end() :], rules)
        for match in rules.marker_pattern.finditer(line)
    )


def is_heading(line: str, rules: HeadingRules) -> bool:
    """Whether a one-line block is a short title-like line rather than a sentence."""
    words = line.split()
    first = next((char for char in line if char.isalnum()), "")
    return (
        0 < len(words) <= rules.max_words
        and len(line) <= rules.max_chars
        and any(char.isalpha() for char in line)
        and (first.isupper() or first.isdigit())
        and not line.rstrip(rules.closing).endswith(rules.final_punctuation)
    )


def classify_block(block_text: str, rules: LayoutRules | None = None) -> BlockKind:
    """Return ``caption``, ``heading`` or ``body`` for the stripped text of one block."""
    rules = rules or layout_rules()
    if "\n" in block_text:
        return "body"
    if is_caption(block_text, rules.caption):
        return "caption"
    if is_heading(block_text, rules.heading):
        return "heading"
    return "body"


def _line_spans(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Yield the stripped span of every non-blank line of ``text[start:]``."""
    position = start
    for line in text[start:].split("\n"):
        stripped = line.strip()
        if stripped:
            left = position + len(line) - len(line.lstrip())
            yield left, left + len(stripped)
        position += len(line) + 1


def _paragraph_spans(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Yield the stripped span of every run of non-blank lines in ``text[start:]``."""
    current: tuple[int, int] | None = None
    previous_end = -1
    for left, right in _line_spans(text, start):
        # Two non-blank lines are in one paragraph when only a newline (plus
        # the lines' own indentation) separates them, i.e. no blank line.
        if current is not None and text.count("\n", previous_end, left) == 1:
            current = (current[0], right)
        else:
            if current is not None:
                yield current
            current = (left, right)
        previous_end = right
    if current is not None:
        yield current


def build_blocks(text: str, title_end: int | None, mode: SplitMode) -> tuple[Block, ...]:
    """Cut ``text`` into classified blocks; a title occupies ``text[0:title_end]``.

    The body starts two characters (``\\n\\n``) after the title.
    """
    blocks: list[Block] = []
    body_start = 0
    if title_end is not None:
        blocks.append(Block(index=0, kind="title", start=0, end=title_end))
        body_start = title_end + 2
    spans = _line_spans if mode == "lines" else _paragraph_spans
    for left, right in spans(text, body_start):
        kind = classify_block(text[left:right])
        blocks.append(Block(index=len(blocks), kind=kind, start=left, end=right))
    return tuple(blocks)
