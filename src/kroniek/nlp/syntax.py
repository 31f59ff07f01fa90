"""Walking a sentence's dependency tree: children, clause heads, arguments by relation.

The tree has the shape the records promise whatever the analyser: the subject
hangs under the finite verb, a participle or infinitive under that verb as its
verb complement, and a preposition heads its phrase with the noun as object.
These helpers find an event's arguments from its trigger through those relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.records import Pos, PronType, Relation, Sentence, Token

# Relations that lead from a participle/infinitive up to the verb carrying the subject.
_UPWARD = (Relation.VERB_COMPLEMENT, Relation.CLAUSE_BODY, Relation.CONJUNCT)
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

    def with_relation(self, index: int, *relations: Relation) -> list[int]:
        """Children of ``index`` whose relation is one of ``relations``."""
        return [c for c in self.children[index] if self.token(c).relation in relations]

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
        members = [i for i in self.subtree(index) if self.token(i).pos is not Pos.PUNCT] or [index]
        return self.token(members[0]).start, self.token(members[-1]).end

    def climb(self, index: int) -> list[int]:
        """``index`` and the verbs above it through verb complements, clause bodies and
        conjuncts: where a subject may hang."""
        chain = [index]
        while len(chain) <= _MAX_CLIMB:
            token = self.token(chain[-1])
            if token.relation not in _UPWARD or token.head < 0:
                break
            chain.append(token.head)
        return chain

    def subject(self, index: int) -> int | None:
        """The subject of the clause ``index`` belongs to."""
        for node in self.climb(index):
            found = self.with_relation(node, Relation.SUBJECT)
            if found:
                return found[0]
        return None

    def objects(self, index: int, relation: Relation) -> list[int]:
        """Direct (OBJECT) or indirect (INDIRECT_OBJECT) objects of ``index``."""
        return self.with_relation(index, relation)

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
            if index < t.index <= limit and t.pos is Pos.ADP and t.lemma.casefold() == preposition
        ]
        for phrase in candidates:
            noun = self.with_relation(phrase, Relation.OBJECT)
            if noun:
                return noun[0]
        return None

    def attached_pp_object(self, index: int, preposition: str) -> int | None:
        """The noun of a ``preposition`` phrase that the parse attached to ``index``."""
        for child in self.children[index]:
            if self.token(child).lemma.casefold() == preposition:
                noun = self.with_relation(child, Relation.OBJECT)
                if noun:
                    return noun[0]
        return None

    def possessor(self, index: int) -> int | None:
        """A possessive determiner of a noun (``zijn verzoek``) or a genitive before it."""
        for child in self.children[index]:
            token = self.token(child)
            if token.relation is not Relation.DETERMINER:
                continue
            if token.morph.pron_type is PronType.POSSESSIVE or token.pos is Pos.PROPN:
                return child
        return None
