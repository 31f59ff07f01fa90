"""Quotations and who said them: direct quotes and reported speech.

* A **direct quote** is text between quotation marks of at least a few words
  (one or two quoted words are scare quotes: "een ‘vredesmacht’").  Its speaker
  is the subject of a verb of saying in the sentence ("zei de minister"), else
  the person after "aldus".
* **Reported speech** is the clause under a verb of saying ("Pasjinjan zegt *dat
  de troepen slechts instellingen beschermen*") or the rest of a sentence that
  opens with "volgens X".  The speaker is the verb's subject, or X.

Verbs of saying are the ``reported`` cue words of ``data/cues_nl.toml``.  A
speaker that resolves to no actor is kept as the words of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kroniek.events.lexicon import Lexicon
from kroniek.nlp.syntax import Tree
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    EventArgument,
    Pos,
    Quote,
    Relation,
    ResolvedActors,
    SourceDocument,
)

QUOTES_VERSION = "kroniek-quotes-1"
_QUOTED = re.compile(r"[„“\"«‘'](?P<inner>[^„“”\"«»‘’']+)[”“\"»’']")
_MIN_QUOTED_WORDS = 4
"""Fewer quoted words are scare quotes or titles, not a quotation."""


@dataclass(frozen=True, slots=True)
class _Cues:
    """The cue words quotation finding reads (``data/cues_nl.toml``)."""

    saying: frozenset[str]
    according_to: frozenset[str]
    complementisers: frozenset[str]
    speaker_after_quote: frozenset[str]


def find_quotes(
    doc: SourceDocument, analysed: AnalysedDocument, resolved: ResolvedActors, lexicon: Lexicon
) -> tuple[Quote, ...]:
    """Every direct quote and reported statement of the document, with its speaker."""
    cues = _Cues(
        lexicon.cues["reported"],
        lexicon.cues["according_to"],
        lexicon.cues["complementisers"],
        lexicon.cues["speaker_after_quote"],
    )
    quotes: list[Quote] = []
    for sentence in analysed.sentences:
        mentions = [m for m in resolved.mentions if m.sentence_index == sentence.index]
        tree = Tree.of(sentence)
        found = [*_direct(doc.text, tree, mentions, cues)]
        found += _reported(doc.text, tree, mentions, cues)
        quotes += [replace(q, doc_id=doc.doc_id) for q in found]
    return tuple(quotes)


def _direct(text: str, tree: Tree, mentions: list[ActorMention], cues: _Cues) -> Iterator[Quote]:
    """Quoted stretches of the sentence, long enough to be a quotation."""
    sentence = tree.sentence
    for match in _QUOTED.finditer(text, sentence.start, sentence.end):
        inner = match.group("inner").strip()
        if len(inner.split()) < _MIN_QUOTED_WORDS:
            continue
        start = (
            match.start("inner") + len(match.group("inner")) - len(match.group("inner").lstrip())
        )
        end = start + len(inner)
        outside = [m for m in mentions if m.end <= match.start() or m.start >= match.end()]
        speaker = _speaker_of_saying(
            text, tree, outside, cues.saying, (start, end)
        ) or _speaker_after(tree, outside, cues.speaker_after_quote)
        yield Quote("", sentence.index, speaker, start, end, inner, True)


def _reported(text: str, tree: Tree, mentions: list[ActorMention], cues: _Cues) -> Iterator[Quote]:
    """The clause under a verb of saying, or what follows "volgens X"."""
    sentence = tree.sentence
    for token in sentence.tokens:
        lemma = token.lemma.casefold()
        if lemma in cues.according_to:
            yield from _according_to(text, tree, token.index, mentions)
        elif lemma in cues.saying and token.pos is Pos.VERB:
            clause = _that_clause(tree, token.index, cues.complementisers)
            if clause is not None:
                start, end = clause
                speaker = _subject_argument(text, tree, token.index, mentions)
                yield Quote("", sentence.index, speaker, start, end, text[start:end], False)


def _that_clause(tree: Tree, verb: int, openers: frozenset[str]) -> tuple[int, int] | None:
    """Span of the "dat"/"of" clause a verb of saying governs, if any."""
    for child in tree.children[verb]:
        head = tree.token(child)
        if head.lemma.casefold() in openers or head.relation is Relation.VERB_COMPLEMENT:
            members = tree.subtree(child)
            first = tree.token(members[0])
            if first.lemma.casefold() in openers and len(members) > 2:
                return tree.span(child)
    return None


def _according_to(
    text: str, tree: Tree, index: int, mentions: list[ActorMention]
) -> Iterator[Quote]:
    """ "Volgens X, ...": X says the clause that follows.

    Dutch puts the finite verb second, so after the fronted "volgens"-phrase (with
    whatever apposition it carries) the reported clause starts at the finite verb.
    """
    sentence = tree.sentence
    after = tree.token(index).end
    speaker = next((m for m in mentions if m.start >= after), None)
    finite = next(
        (t for t in sentence.tokens if t.start > after and t.finite),
        None,
    )
    if speaker is None or finite is None:
        return
    rest = [t for t in sentence.tokens if t.start >= finite.start and t.pos is not Pos.PUNCT]
    start, end = rest[0].start, rest[-1].end
    yield Quote("", sentence.index, EventArgument.of(speaker), start, end, text[start:end], False)


def _speaker_of_saying(
    text: str,
    tree: Tree,
    mentions: list[ActorMention],
    saying: frozenset[str],
    quoted: tuple[int, int],
) -> EventArgument | None:
    """The subject of a verb of saying outside the quote."""
    for token in tree.sentence.tokens:
        inside = quoted[0] <= token.start < quoted[1]
        if not inside and token.pos is Pos.VERB and token.lemma.casefold() in saying:
            found = _subject_argument(text, tree, token.index, mentions)
            if found is not None:
                return found
    return None


def _speaker_after(
    tree: Tree, mentions: list[ActorMention], words: frozenset[str]
) -> EventArgument | None:
    """ "..., aldus de minister": the mention after "aldus"."""
    for token in tree.sentence.tokens:
        if token.lemma.casefold() in words:
            after = [m for m in mentions if m.start >= token.end]
            if after:
                return EventArgument.of(min(after, key=lambda m: m.start))
    return None


def _subject_argument(
    text: str, tree: Tree, verb: int, mentions: list[ActorMention]
) -> EventArgument | None:
    """The verb's subject: a resolved actor inside it, else its words."""
    subject = tree.subject(verb)
    if subject is None:
        return None
    start, end = tree.span(subject)
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    resolved = [m for m in inside if m.actor_id]
    if resolved or inside:
        return EventArgument.of((resolved or inside)[0])
    return EventArgument(start, end, text[start:end], None, None, None, None, None)
