"""Frog's tab-separated output format, and nothing else.

One line per word: index, word, lemma, morphemes, CGN tag, tag confidence, NER
IOB tag, (chunk), dependency head, dependency relation; a blank line ends a
sentence.  The number of middle columns depends on the modules skipped, so the
dependency columns are read from the end of the line.  A multi-word unit
(``New_York_Times``) is one line whose word, tag and NER columns hold one part
per word, joined by ``_``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.errors import FrogError, Msg

_MIN_COLUMNS = 7
END_OF_ANSWER = "READY"


@dataclass(frozen=True, slots=True)
class FrogWord:
    """One output line of Frog, with multi-word units split into their parts."""

    parts: tuple[str, ...]
    """The words of the unit as printed (one for an ordinary word)."""
    lemma: str
    tag: str
    """Full CGN tag of the first part, e.g. ``N(soort,ev,basis,zijd,stan)``."""
    ner_parts: tuple[str, ...]
    """IOB tag per part, e.g. ``("B-PER", "I-PER")``."""
    head: int
    """1-based head index as Frog prints it; 0 for the root; -1 when not parsed."""
    deprel: str


def _parse_line(line: str) -> FrogWord:
    """One word line → FrogWord; raises FrogError on a line that is not Frog output."""
    fields = line.split("\t")
    if len(fields) < _MIN_COLUMNS or not fields[0].isdigit():
        raise FrogError(Msg.E106.format(line=line))
    word, lemma, tag, ner = fields[1], fields[2], fields[4], fields[6]
    tags = tag.split("_")
    parts = tuple(word.split("_"))
    if len(parts) != len(tags):
        # A word that itself contains "_" (a URL, a handle) is one part.
        parts = (word,)
    ner_parts = tuple(ner.split("_"))
    if len(ner_parts) != len(parts):
        ner_parts = (ner_parts[0],) * len(parts)
    head_field, deprel = fields[-2], fields[-1]
    head = int(head_field) if head_field.isdigit() else -1
    return FrogWord(parts, lemma, tags[0], ner_parts, head, deprel if head >= 0 else "")


def parse_answer(answer: str) -> list[list[FrogWord]]:
    """Frog's answer to one request → its sentences, each a list of words."""
    sentences: list[list[FrogWord]] = []
    current: list[FrogWord] = []
    for raw in answer.splitlines():
        line = raw.rstrip("\r")
        if line.strip() == END_OF_ANSWER:
            break
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(_parse_line(line))
    if current:
        sentences.append(current)
    return sentences
