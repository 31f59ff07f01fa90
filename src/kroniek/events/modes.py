"""How the text reports an event: negated, hypothetical, future, historical, attributed.

PLOVER's auxiliary modes, read from cue words in the trigger's clause, tense and
years; "volgens X" or a verb of saying above the trigger makes X the event's
source (mode ``reported``).
"""

from __future__ import annotations

from dataclasses import replace

from kroniek.events.clause import YEAR, Clause, Trigger
from kroniek.records import ActorMention, Event, Pos, Tense


def aux_modes(clause: Clause, trigger: Trigger) -> list[str]:
    """historical, future, hypothetical, negated: from cue words, tense and years."""
    words = [t.text.casefold() for t in clause.tree.sentence.tokens]
    own = clause.words_of(trigger)
    aux = []
    if own & clause.cue("negation"):
        aux.append("negated")
    if set(words) & clause.cue("hypothetical") or _unrealised(clause, trigger):
        aux.append("hypothetical")
    if own & clause.cue("future"):
        aux.append("future")
    if _historical(clause, words, own):
        aux.append("historical")
    return aux


def source(clause: Clause, trigger: Trigger) -> ActorMention | None:
    """ "volgens X" anywhere in the sentence, or the subject of a verb of saying above it."""
    tree = clause.tree
    according = clause.cue("according_to")
    for token in tree.sentence.tokens:
        if token.text.casefold() in according:
            after = [m for m in clause.mentions if m.start >= token.end and m.actor_id]
            if after:
                return min(after, key=lambda m: m.start)
    saying = clause.cue("reported")
    for node in tree.climb(trigger.anchor)[1:]:
        if tree.token(node).lemma.casefold() in saying:
            subject = tree.subject(node)
            if subject is not None:
                found = clause.inside(*tree.span(subject))
                if found:
                    return found[0]
    return None


def continues_past(clause: Clause) -> bool:
    """Past tense and no time expression of its own: the sentence before sets the time."""
    tokens = clause.tree.sentence.tokens
    finite_past = any(t.finite and t.morph.tense is Tense.PAST for t in tokens)
    words = {t.text.casefold() for t in tokens}
    own_time = bool(words & clause.cue("time_words")) or any(YEAR.match(w) for w in words)
    return finite_past and not own_time


def mark(event: Event, aux: str) -> Event:
    """The event with one more auxiliary mode."""
    return replace(event, aux=tuple(dict.fromkeys((*event.aux, aux))))


def _unrealised(clause: Clause, trigger: Trigger) -> bool:
    """A noun trigger that is what someone risks, demands or fears ("riskeert dertig jaar
    cel", "het OM vorderde tien jaar cel"): asked for or possible, not done."""
    tree = clause.tree
    span = range(trigger.first, trigger.last + 1)
    if tree.token(trigger.first).pos not in (Pos.NOUN, Pos.NUM):
        return False
    verbs = clause.cue("unrealised")
    heads = {tree.token(i).head for i in span} - set(span)
    return any(h >= 0 and tree.token(h).lemma.casefold() in verbs for h in heads)


def _historical(clause: Clause, words: list[str], own: set[str]) -> bool:
    """Before the article's time frame: a cue word, an earlier year, or the past perfect."""
    if own & (clause.cue("historical") | clause.cue("perfect_auxiliary")):
        return True
    published = clause.doc.published
    if published is None:
        return False
    years = [int(w) for w in words if YEAR.match(w)]
    return bool(years) and max(years) < int(published[:4])
