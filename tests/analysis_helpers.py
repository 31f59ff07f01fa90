"""Tokens built by hand, in kroniek's own tags, so tests need no analyser."""

from __future__ import annotations

from kroniek.nlp.analysis import NEUTRAL, make_token, neutral_tags, tag_reader
from kroniek.records import Morph, Pos, Relation, Token

HAND = f"{NEUTRAL} by-hand"
"""Analyser name of hand-built analyses: stored and read back with kroniek's own tags."""


def hand_token(
    index: int,
    span: tuple[int, int],
    text: str,
    pos: Pos = Pos.NOUN,
    *,
    lemma: str | None = None,
    morph: Morph | None = None,
    relation: Relation = Relation.NONE,
    head: int = -1,
    entity: str | None = None,
) -> Token:
    """A token as an analyser would have built it from kroniek's own tags."""
    tags = neutral_tags(pos, morph or Morph(), relation, entity)
    return make_token(
        tag_reader(NEUTRAL),
        tags,
        index=index,
        span=span,
        text=text,
        lemma=text.lower() if lemma is None else lemma,
        head=head,
    )
