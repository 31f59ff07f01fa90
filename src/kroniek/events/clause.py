"""What coding one sentence works with: its parse, its actor mentions, the lexicon.

The clause coder is three parts over these records: ``triggers`` finds the words
that report an event, ``roles`` finds who did it to whom, ``modes`` reads how
the text reports it (negated, future, historical, attributed).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.events.lexicon import Lexicon, LexiconEntry
from kroniek.nlp.syntax import Tree
from kroniek.records import ActorMention, SourceDocument

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
"""A four-digit year as a word of its own."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: token span in the sentence and the entry it matched."""

    first: int
    last: int
    entry: LexiconEntry
    nominal: bool
    head: int = -1
    """The word the trigger's arguments hang on: a phrase's verb ("jaar cel gekregen" →
    "gekregen"), else its first word (-1: the first word)."""

    @property
    def anchor(self) -> int:
        """The token the roles are looked up from."""
        return self.first if self.head < 0 else self.head


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence being coded, with what coding it needs."""

    doc: SourceDocument
    tree: Tree
    mentions: list[ActorMention]
    lexicon: Lexicon
    kb: KnowledgeBase
    earlier_states: list[ActorMention]
    """States named in the document before this sentence, in order."""

    def cue(self, name: str) -> frozenset[str]:
        """A list of cue words from the cue data."""
        return self.lexicon.cues[name]

    def inside(self, start: int, end: int) -> list[ActorMention]:
        """Resolved mentions within a character span (unresolved ones only if nothing else)."""
        found = [m for m in self.mentions if start <= m.start and m.end <= end]
        resolved = [m for m in found if m.actor_id]
        return resolved or found

    def words_of(self, trigger: Trigger) -> set[str]:
        """Words attached to the trigger or the verbs above it (its clause, roughly)."""
        tree = self.tree
        nodes = set(tree.climb(trigger.first)) | set(tree.climb(trigger.last))
        return {
            t.text.casefold()
            for t in tree.sentence.tokens
            if t.index in nodes or t.head in nodes or abs(t.index - trigger.first) <= 1
        }

    def attached(self, trigger: Trigger, mention: ActorMention) -> bool:
        """Whether a mention hangs in the trigger's clause: its word depends on the trigger,
        on a verb above it, or on one of their direct dependents."""
        tree = self.tree
        nodes = set(tree.climb(trigger.first)) | set(tree.climb(trigger.last))
        reach = nodes | {c for node in nodes for c in tree.children[node]}
        words = [t.index for t in tree.sentence.tokens if mention.start <= t.start < mention.end]
        return any(i in reach or tree.token(i).head in reach for i in words)

    def infinitive_opening(self, trigger: Trigger) -> int | None:
        """The opener of an "om ... te <trigger>" clause, if the trigger closes one."""
        lemmas = [t.lemma.casefold() for t in self.tree.sentence.tokens]
        inside = range(trigger.first, trigger.last + 1)
        if not any(i > 0 and lemmas[i - 1] in self.cue("infinitive_marker") for i in inside):
            return None
        openers = self.cue("infinitive_opener")
        openings = [i for i in range(trigger.first) if lemmas[i] in openers]
        return openings[-1] if openings else None

    def both_countries(self, words: Sequence[str]) -> list[ActorMention]:
        """ "beide landen" in ``words`` (in text order): the last two states named before
        this sentence, in the order the text named them."""
        both, countries = self.cue("both"), self.cue("countries")
        if not any(a in both and b in countries for a, b in itertools.pairwise(words)):
            return []
        distinct: dict[str | None, ActorMention] = {}
        for mention in reversed(self.earlier_states):
            distinct.setdefault(mention.actor_id, mention)
            if len(distinct) == 2:
                return list(reversed(distinct.values()))
        return []
