"""The one analysis layer: an analyser's own tags in, language-neutral tokens out.

Every analyser stores what it said about a token verbatim (``AnalyserTags``); the
reader registered for the analyser's name turns those strings into the typed
facts later stages use (``Pos``, ``Morph``, ``Relation``, an entity label). The
analyser builds its tokens through the same reader that rebuilds them from the
database, so a stored analysis reads back exactly as it was produced.

Readers: ``frog`` (CGN and Alpino tags, ``frog_tags``) and ``kroniek``, whose tags
are the typed facts themselves, written out — for analyses built by hand in tests
and for any analyser that maps its tags before storing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from enum import Enum
from typing import get_args, get_type_hints

from kroniek.errors import KroniekError, Msg
from kroniek.nlp import frog_tags
from kroniek.records import AnalyserTags, Morph, Pos, Relation, Token

TagReader = Callable[[AnalyserTags], tuple[Pos, Morph, Relation, str | None]]
NEUTRAL = "kroniek"
"""Name of the analyser family whose tags are kroniek's own (see ``neutral_tags``)."""


def _reader_of(annotation: object) -> Callable[[str], object]:
    """How to read a Morph field's written value back: its enum, int or bool."""
    for kind in get_args(annotation) or (annotation,):
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind
        if kind is int:
            return int
    return lambda value: value == "True"


_MORPH_TYPES = {name: _reader_of(kind) for name, kind in get_type_hints(Morph).items()}


_NO_MORPH = Morph()


def neutral_tags(
    pos: Pos,
    morph: Morph = _NO_MORPH,
    relation: Relation = Relation.NONE,
    entity: str | None = None,
) -> AnalyserTags:
    """Typed facts written as tags: ``VERB|verb_form=FINITE|tense=PAST``, ``SUBJECT``, ``B-PER``."""
    parts = [pos.value]
    for field in fields(Morph):
        value = getattr(morph, field.name)
        if value not in (None, False):
            parts.append(f"{field.name}={value}")
    return AnalyserTags("|".join(parts), relation.value, f"B-{entity}" if entity else "O")


def _read_neutral(tags: AnalyserTags) -> tuple[Pos, Morph, Relation, str | None]:
    """The inverse of ``neutral_tags``."""
    pos, *pairs = tags.tag.split("|")
    values = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        values[name] = _MORPH_TYPES[name](value)
    return (
        Pos(pos),
        Morph(**values),  # type: ignore[arg-type]
        Relation(tags.relation),
        frog_tags.entity_label(tags.entity),
    )


_READERS: dict[str, TagReader] = {"frog": frog_tags.typed_facts, NEUTRAL: _read_neutral}


def tag_reader(analyser: str) -> TagReader:
    """The reader for an analyser named ``frog 0.20 skip=c``, ``kroniek``, …"""
    family = analyser.split(" ", 1)[0]
    try:
        return _READERS[family]
    except KeyError:
        raise KroniekError(Msg.E107.format(analyser=analyser, known=", ".join(_READERS))) from None


def make_token(
    reader: TagReader,
    tags: AnalyserTags,
    *,
    index: int,
    span: tuple[int, int],
    text: str,
    lemma: str,
    head: int,
) -> Token:
    """A token with the typed facts its analyser's tags stand for."""
    pos, morph, relation, entity = reader(tags)
    return Token(index, span[0], span[1], text, lemma, pos, morph, relation, head, entity, tags)
