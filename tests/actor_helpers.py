"""Building analysed documents for actor tests, with or without Frog."""

from __future__ import annotations

import hashlib
import re

from kroniek.records import (
    AnalysedDocument,
    Block,
    EntityMention,
    Pos,
    Sentence,
    SourceDocument,
)

from .analysis_helpers import HAND, hand_token

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def document(text: str, published: str | None = "2022-01-15", doc_id: str = "t") -> SourceDocument:
    precision = "unknown" if published is None else ("day" if len(published) == 10 else "month")
    digest = hashlib.sha256(text.encode()).hexdigest()
    return SourceDocument(
        doc_id,
        text,
        (Block(0, "body", 0, len(text)),),
        None,
        published,
        precision,
        "nl",
        None,
        None,
        "test",
        digest,
    )


def naive_analysis(
    doc: SourceDocument, entities: tuple[tuple[str, str], ...] = ()
) -> AnalysedDocument:
    """One sentence, words split on punctuation; capitalised words count as proper nouns.

    ``entities`` are (text, label) pairs standing in for Frog's named entities.

    Enough to test the resolver's rules without Frog; the lexicon tests use real Frog.
    """
    tokens = []
    for i, match in enumerate(_WORD.finditer(doc.text)):
        word = match.group()
        proper = word[:1].isupper()
        tokens.append(hand_token(i, match.span(), word, Pos.PROPN if proper else Pos.NOUN))
    sentence = Sentence(0, 0, "body", 0, len(doc.text), tuple(tokens), parsed=False)
    mentions = tuple(
        EntityMention(0, label, doc.text.index(text), doc.text.index(text) + len(text), text)
        for text, label in entities
    )
    return AnalysedDocument(doc.doc_id, (sentence,), mentions, HAND)
