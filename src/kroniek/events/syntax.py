"""Reading Frog's dependency parse: children, clause heads, arguments by relation.

Frog (Alpino-style relations) attaches a subject (``su``) to the finite verb,
puts the participle or infinitive under it as ``vc``, and makes a preposition
the head of its phrase with the noun as ``obj1``.  These helpers find an
event's arguments from its trigger through those relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.records import Sentence, Token

# Relations that lead from a participle/infinitive up to the verb carrying the subject.
_UPWARD = ("vc", "body", "cnj")
_MAX_CLIMB = 4


@dataclass(frozen=True, slots=True)
class Tree:
    """A sentence's tokens with their children, for walking the parse."""

    sentence: Sentence
    children: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, sentence: Sentence) -> Tree:
        """Index the children of every token."""
        kids: list[list[int]] = [[] for _ in sentence.tokens]
        for token in sentence.tokens:
            if 0 <= token.head < len(kids):
                kids[token.head].append(token.index)
        return cls(sentence, tuple(tuple(k) for k in kids))

    def token(self, index: int) -> Token:
        """The token at ``index``."""
        return self.sentence.tokens[index]

    def with_relation(self, index: int, relations: tuple[str, ...]) -> list[int]:
        """Children of ``index`` whose relation is one of ``relations``."""
        return [c for c in self.children[index] if self.token(c).deprel in relations]

    def subtree(self, index: int) -> list[int]:
        """``index`` and all its descendants, in sentence order."""
        found, stack = [], [index]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children[current])
        return sorted(found)

    def span(self, index: int) -> tuple[int, int]:
        """Character span of the subtree of ``index``, without edge punctuation."""
        members = [i for i in self.subtree(index) if self.token(i).pos != "LET"] or [index]
        return self.token(members[0]).start, self.token(members[-1]).end

    def climb(self, index: int) -> list[int]:
        """``index`` and the verbs above it through vc/body/cnj: where a subject may hang."""
        chain = [index]
        while len(chain) <= _MAX_CLIMB:
            token = self.token(chain[-1])
            if token.deprel not in _UPWARD or token.head < 0:
                break
            chain.append(token.head)
        return chain

    def subject(self, index: int) -> int | None:
        """The subject of the clause ``index`` belongs to."""
        for node in self.climb(index):
            found = self.with_relation(node, ("su",))
            if found:
                return found[0]
        return None

    def objects(self, index: int, relation: str) -> list[int]:
        """Direct (obj1) or indirect (obj2) objects of ``index``."""
        return self.with_relation(index, (relation,))

    def pp_object(self, index: int, preposition: str, reach: int | None = None) -> int | None:
        """The noun of a ``preposition`` phrase attached to ``index``, or, since Frog
        attaches prepositional phrases poorly, the nearest such phrase after it
        (within ``reach`` words when given)."""
        attached = [
            c for c in self.children[index] if self.token(c).lemma.casefold() == preposition
        ]
        limit = len(self.sentence.tokens) if reach is None else index + reach + 1
        candidates = attached or [
            t.index
            for t in self.sentence.tokens
            if index < t.index <= limit and t.pos == "VZ" and t.lemma.casefold() == preposition
        ]
        for phrase in candidates:
            noun = self.with_relation(phrase, ("obj1",))
            if noun:
                return noun[0]
        return None

    def possessor(self, index: int) -> int | None:
        """A possessive determiner of a noun (``zijn verzoek``) or a genitive before it."""
        for child in self.children[index]:
            token = self.token(child)
            if token.deprel == "det" and token.pos == "VNW" and "bez" in token.features:
                return child
            if token.deprel == "det" and token.pos == "SPEC":
                return child
        return None
