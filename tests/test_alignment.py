"""Aligning tokenizer output back onto the original text."""

from __future__ import annotations

import pytest

from kroniek.errors import AlignmentError
from kroniek.nlp.alignment import align_words


def cut(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_plain_words_get_exact_offsets() -> None:
    text = "  De president  vroeg hulp."
    spans = align_words(text, ["De", "president", "vroeg", "hulp", "."])
    assert spans == [(2, 4), (5, 14), (16, 21), (22, 26), (26, 27)]


def test_normalised_quotes_and_dashes_match_the_originals() -> None:
    text = "‘vredesmacht’ – “nu”"
    spans = align_words(text, ["'", "vredesmacht", "'", "-", '"', "nu", '"'])
    assert cut(text, spans) == ["‘", "vredesmacht", "’", "–", "“", "nu", "”"]


def test_three_dots_match_an_ellipsis_character() -> None:
    text = "Moskou zweeg… lang"
    spans = align_words(text, ["Moskou", "zweeg", "...", "lang"])
    assert cut(text, spans) == ["Moskou", "zweeg", "…", "lang"]


def test_soft_hyphen_inside_a_word_is_skipped_but_kept_in_the_span() -> None:
    text = "Noer\u00adSoeltan ligt"
    spans = align_words(text, ["NoerSoeltan", "ligt"])
    assert spans[0] == (0, 12)
    assert spans[1] == (13, 17)


def test_a_dropped_symbol_is_stepped_over() -> None:
    text = "Tokajev \u2022 Poetin"
    assert cut(text, align_words(text, ["Tokajev", "Poetin"])) == ["Tokajev", "Poetin"]


def test_start_offset_is_respected() -> None:
    text = "hulp hulp"
    assert align_words(text, ["hulp"], start=4) == [(5, 9)]


def test_a_word_that_is_not_there_raises() -> None:
    with pytest.raises(AlignmentError, match="E105"):
        align_words("De president vroeg hulp.", ["De", "premier"])
