"""Locate a tokenizer's words in the original text, so every span is an exact offset.

Tokenizers normalise: they may print ``...`` for ``…`` or straight quotes for curly
ones, and drop zero-width characters.  Downstream stages (highlighting, evidence
spans) need offsets into the text we store, so each word is matched back to the
text character by character, treating such variants as equal.
"""

from __future__ import annotations

from collections.abc import Sequence

from kroniek.errors import AlignmentError, Msg

# Characters a tokenizer may legitimately print differently from the source.
_EQUIVALENT = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "‐": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
# Characters that may be in the text but never in a printed token.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# How far ahead to look for a word the tokenizer printed after skipping something.
_RESYNC_WINDOW = 200


def _same(a: str, b: str) -> bool:
    """True when two characters are equal up to the tokenizer's normalisations."""
    return a == b or a.translate(_EQUIVALENT) == b.translate(_EQUIVALENT)


def _match_at(text: str, pos: int, word: str) -> int | None:
    """End offset when ``word`` matches ``text`` from ``pos`` on, else None."""
    i, j = 0, pos
    while i < len(word):
        if j < len(text) and text[j] in _INVISIBLE:
            j += 1
        elif j < len(text) and _same(word[i], text[j]):
            i, j = i + 1, j + 1
        elif j < len(text) and text[j] == "…" and word.startswith("...", i):
            i, j = i + 3, j + 1
        else:
            return None
    return j


def _skip_space(text: str, pos: int) -> int:
    """First offset at or after ``pos`` that is neither white space nor invisible."""
    while pos < len(text) and (text[pos].isspace() or text[pos] in _INVISIBLE):
        pos += 1
    return pos


def align_words(text: str, words: Sequence[str], start: int = 0) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` in ``text`` of each word, in order.

    Words must occur in order; text between them that is not white space is
    tolerated (a tokenizer may drop a stray symbol) within a short window.
    Raises AlignmentError when a word cannot be found.
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    for word in words:
        pos = _skip_space(text, cursor)
        end = _match_at(text, pos, word)
        if end is None:
            pos, end = _resync(text, pos, word)
        spans.append((pos, end))
        cursor = end
    return spans


def _resync(text: str, pos: int, word: str) -> tuple[int, int]:
    """Find ``word`` a little further on, after text the tokenizer skipped."""
    for candidate in range(pos + 1, min(len(text), pos + _RESYNC_WINDOW)):
        end = _match_at(text, candidate, word)
        if end is not None:
            return candidate, end
    raise AlignmentError(Msg.E105.format(token=word, offset=pos))
