"""Who did it to whom, within the clause: the role grammar of the lexicon entries.

An entry names where its actor and recipient stand, in preference order:
``subject``, ``object``, ``indirect_object``, ``pp:<preposition>``, ``possessor``,
``demonym``. ``role_head`` finds the head word of the phrase in such a place (one
grammar for resolved mentions and for plain noun phrases alike); the arguments
are the actor mentions of stage 3 inside that phrase, a coordinated list of them
("Wit-Rusland, Armenië en Kirgizië") being one compound argument. The analyser's
parse is often off, so fallbacks look at the nearest resolved actors, the main
clause's subject, a demonym on a noun, or the place of a protest.
"""

from __future__ import annotations

import itertools

from kroniek.events.clause import Clause, Trigger
from kroniek.records import ActorMention, Pos, PronType, Relation, VerbForm

_OBJECT_ROLES = {"object": Relation.OBJECT, "indirect_object": Relation.INDIRECT_OBJECT}
ROLE_NAMES = frozenset({"subject", *_OBJECT_ROLES, "possessor", "demonym"})
"""The role names an entry may use, besides ``pp:<preposition>``."""
_WINDOW = 8
"""Words before or after a trigger in which the nearest actor may stand."""
_PP_REACH = 6
"""A prepositional phrase the parse did not attach to the trigger must follow within a few
words; a weak preposition ("van", "door") closer still, since further away it belongs
to another noun."""


def arguments(clause: Clause, trigger: Trigger) -> tuple[list[ActorMention], list[ActorMention]]:
    """The actors and recipients of one trigger, as far as the clause tells."""
    entry = trigger.entry
    # In a passive clause the subject is the one it happened to ("500 dorpelingen werden
    # vermoord"), never the doer.
    passive = _passive(clause, trigger)
    patient_roles = ("subject", *entry.recipient_roles) if passive else entry.recipient_roles
    agent_roles = tuple(r for r in entry.actor_roles if not (passive and r == "subject"))
    recipients = _argument(clause, trigger, entry.recipient_roles, exclude=[])
    actors = _argument(clause, trigger, agent_roles, exclude=recipients)
    actors, spilled = _first_run(clause, actors)
    if not actors and recipients:
        # "belde Tokajev Poetin": the analyser glued caller and callee into one object.
        actors, recipients = _first_run(clause, recipients)
        if not recipients:
            recipients, actors = actors, []
    # A pronoun in the role is kept for the document-level step to resolve ("Hij roept
    # op ..."); looking for another actor nearby would pick the wrong one.
    if not recipients:
        recipients = (
            spilled
            or _pronoun(clause, trigger, patient_roles, actors)
            or _fallback_recipients(clause, trigger, actors)
        )
    if not actors:
        actors = _pronoun(clause, trigger, agent_roles, recipients) or _fallback_actors(
            clause, trigger, recipients
        )
    # Nobody known in the role: keep the words that fill it ("een 48-jarige moeder").
    recipients = recipients or _phrase(clause, trigger, patient_roles, [])
    actors = actors or _phrase(clause, trigger, agent_roles, recipients)
    return _distinct(actors), _distinct(recipients)


def role_head(clause: Clause, trigger: Trigger, role: str) -> int | None:
    """The head word of the phrase in a role's place, if the parse has one."""
    tree = clause.tree
    if role == "subject":
        return None if trigger.nominal else tree.subject(trigger.anchor)
    if role in _OBJECT_ROLES:
        objects = tree.objects(trigger.anchor, _OBJECT_ROLES[role])
        return objects[0] if objects else None
    if role.startswith("pp:"):
        preposition = role[3:]
        weak = preposition in clause.cue("weak_prepositions")
        reach = (1 if trigger.nominal else 3) if weak else _PP_REACH
        # Attached to the trigger or a verb above it ("werd door de politie opgepakt" may
        # hang on "werd"), else the nearest after the trigger's first word: a phrase may
        # hold it ("troepen naar Kazachstan te sturen").
        for node in tree.climb(trigger.anchor):
            attached = tree.attached_pp_object(node, preposition)
            if attached is not None:
                return attached
        return tree.pp_object(trigger.first, preposition, reach + trigger.last - trigger.first)
    return None


def inside_a_name(clause: Clause, trigger: Trigger) -> bool:
    """A trigger noun that is part of an organisation's name ("de Algemene Vergadering van
    de VN", "het Vredespaleis") names the body, not an event."""
    if not trigger.nominal:
        return False
    start = clause.tree.token(trigger.first).start
    end = clause.tree.token(trigger.last).end
    return any(
        m.actor_id and m.kind in ("organisation", "seat") and m.start <= start and end <= m.end
        for m in clause.mentions
    )


def between_animals(clause: Clause, trigger: Trigger) -> bool:
    """Wolves killing sheep, a dog biting: an animal as agent or patient is no political event."""
    tree, animals, index = clause.tree, clause.cue("animals"), trigger.anchor
    # Any subject, object or passive agent near the trigger: nouns too ("een aanval door
    # een beer"), and phrases the parse left unattached.
    heads = [tree.subject(index), *tree.objects(index, Relation.OBJECT)]
    heads += [tree.pp_object(index, p, _PP_REACH) for p in clause.cue("passive_agent")]
    return any(h is not None and tree.token(h).lemma.casefold() in animals for h in heads)


def _argument(
    clause: Clause, trigger: Trigger, roles: tuple[str, ...], exclude: list[ActorMention]
) -> list[ActorMention]:
    """The mentions filling the first role that finds any, as a coordinated list."""
    for role in roles:
        found = [m for m in _role(clause, trigger, role) if m not in exclude]
        if found:
            return _with_coordinated(clause, found, exclude)
    return []


def _role(clause: Clause, trigger: Trigger, role: str) -> list[ActorMention]:
    """The actor mentions in a role's place."""
    special = {"possessor": _possessor, "demonym": _demonym_of}
    if role in special:
        return special[role](clause, trigger)
    head = role_head(clause, trigger, role)
    if role == "subject" and not trigger.nominal:
        # The subject of a verb; never of a noun: the clause's subject is not its agent.
        if head is None:
            return _nearest(clause, trigger, before=True)
        if clause.tree.token(head).lemma.casefold() in clause.cue("relative"):
            return _antecedent(clause, head)
    if head is not None:
        return _filled_by(clause, head)
    if role == "object" and not trigger.nominal:
        # A verb's object the parse did not find: the nearest actor after it.
        return _nearest(clause, trigger, before=False)
    return []


def _phrase(
    clause: Clause, trigger: Trigger, roles: tuple[str, ...], taken: list[ActorMention]
) -> list[ActorMention]:
    """An unresolved argument: the noun phrase in the first role that has a common noun.

    Its head noun with the words before it that hang from it (article, number, adjective);
    pronouns and names are left to actor resolution.
    """
    tree = clause.tree
    for role in roles:
        head = role_head(clause, trigger, role)
        if head is None or tree.token(head).pos is not Pos.NOUN:
            continue
        if _own_word(clause, trigger, head):
            continue
        members = [head] + [
            c
            for c in tree.children[head]
            if c < head
            and (
                tree.token(c).pos in (Pos.DET, Pos.NUM, Pos.ADJ)
                or tree.token(c).relation is Relation.DETERMINER
            )
        ]
        first, last = tree.token(min(members)), tree.token(head)
        if any(m.start <= first.start < m.end or first.start <= m.start < last.end for m in taken):
            continue
        text = clause.doc.text[first.start : last.end]
        index = tree.sentence.index
        return [
            ActorMention(
                index, first.start, last.end, text, None, "unresolved", None, None, None, None,
                None, 0.0, "phrase",
            )
        ]  # fmt: skip
    return []


def _pronoun(
    clause: Clause, trigger: Trigger, roles: tuple[str, ...], taken: list[ActorMention]
) -> list[ActorMention]:
    """A personal or demonstrative pronoun heading the phrase of the first role that has
    one, as an unresolved argument (method ``pronoun``)."""
    tree = clause.tree
    for role in roles:
        head = role_head(clause, trigger, role)
        if head is None:
            continue
        token = tree.token(head)
        kind = token.morph.pron_type
        if token.pos is not Pos.PRON or kind not in (PronType.PERSONAL, PronType.DEMONSTRATIVE):
            continue
        if any(m.start <= token.start < m.end for m in taken):
            continue
        index = tree.sentence.index
        return [
            ActorMention(
                index, token.start, token.end, token.text, None, "unresolved", None, None, None,
                None, None, 0.0, "pronoun",
            )
        ]  # fmt: skip
    return []


def _own_word(clause: Clause, trigger: Trigger, index: int) -> bool:
    """A word of the trigger's own phrase ("kant" in "aan de kant zetten") is no argument;
    a word a phrase merely spans ("liet drie gijzelaars vrij") may be."""
    if not trigger.first <= index <= trigger.last:
        return False
    lemma = clause.tree.token(index).lemma.casefold()
    rule = trigger.entry.rule_id
    return any(lemma in words for words, entry in clause.lexicon.phrases if entry.rule_id == rule)


def _passive(clause: Clause, trigger: Trigger) -> bool:
    """A past participle under a passive auxiliary ("worden", "zijn"): a passive clause."""
    tree = clause.tree
    participle = tree.token(trigger.anchor).morph.verb_form is VerbForm.PAST_PARTICIPLE
    if trigger.nominal or not participle:
        return False
    auxiliaries = clause.cue("passive_auxiliary")
    return any(
        tree.token(i).lemma.casefold() in auxiliaries for i in tree.climb(trigger.anchor)[1:]
    )


def _filled_by(clause: Clause, head: int) -> list[ActorMention]:
    """The mentions in a head word's phrase, or the states "beide landen" points to."""
    tree = clause.tree
    words = [tree.token(i).text.casefold() for i in tree.subtree(head)]
    return clause.inside(*tree.span(head)) or clause.both_countries(words)


def _nearest(clause: Clause, trigger: Trigger, *, before: bool) -> list[ActorMention]:
    """The closest resolved mention before (or after) the trigger, within a few words."""
    tokens = clause.tree.sentence.tokens
    if before:
        if clause.infinitive_opening(trigger) is not None:
            return []
        limit = tokens[max(0, trigger.first - _WINDOW)].start
        pool = [
            m for m in clause.mentions if limit <= m.start and m.end <= tokens[trigger.first].start
        ]
        pool.sort(key=lambda m: -m.start)
    else:
        limit = tokens[min(len(tokens) - 1, trigger.last + _WINDOW)].end
        pool = [
            m for m in clause.mentions if tokens[trigger.last].end <= m.start and m.end <= limit
        ]
        pool.sort(key=lambda m: m.start)
    return [m for m in pool if m.actor_id][:1]


def _with_coordinated(
    clause: Clause, found: list[ActorMention], exclude: list[ActorMention]
) -> list[ActorMention]:
    """Extend mentions to the whole list they stand in: "X, Y en Z"."""
    # Known actors extend a list; a mention the role found stays even when unresolved
    # ("de regering" without a country), for the document-level step to place.
    ordered = sorted(
        {id(m): m for m in [*found, *(m for m in clause.mentions if m.actor_id)]}.values(),
        key=lambda m: m.start,
    )
    glue = clause.cue("list_glue")
    chosen = {id(m) for m in found}
    changed = True
    while changed:
        changed = False
        for left, right in itertools.pairwise(ordered):
            between = clause.doc.text[left.end : right.start].split()
            glued = all(w.casefold() in glue for w in between) and len(between) <= 2
            if not glued or left in exclude or right in exclude:
                continue
            if (id(left) in chosen) != (id(right) in chosen):
                chosen |= {id(left), id(right)}
                changed = True
    return [m for m in ordered if id(m) in chosen]


def _first_run(
    clause: Clause, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Split a subject span holding two uncoordinated actors: "belde Tokajev Poetin" (the
    analyser glued them into one token) is Tokajev calling Poetin; the rest may be the
    recipients."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, (left, right) in enumerate(itertools.pairwise(ordered), start=1):
        between = clause.doc.text[left.end : right.start].strip()
        if not between and left.actor_id != right.actor_id:
            rest = _with_coordinated(clause, ordered[index:], ordered[:index])
            return ordered[:index], rest
    return ordered, []


def _distinct(mentions: list[ActorMention]) -> list[ActorMention]:
    """One argument per actor: "de Kazachse president Tokajev" is one KAZ, not two."""
    seen: set[str] = set()
    result = []
    for mention in mentions:
        key = mention.actor_id or mention.text
        if key not in seen:
            seen.add(key)
            result.append(mention)
    return result


def _fallback_actors(
    clause: Clause, trigger: Trigger, recipients: list[ActorMention]
) -> list[ActorMention]:
    """No actor where the entry looks: a demonym on a noun, protesters' country, the
    subject of the main clause for a verb."""
    opening = clause.infinitive_opening(trigger)
    if opening is not None:
        # "Poetin greep het aan om militairen te sturen": the doer is the subject of the
        # verb the om-clause hangs on (often unnamed: "de westerse landen").
        return [m for m in _controller(clause, opening) if m not in recipients]
    found = _demonym_of(clause, trigger) if trigger.nominal else _main_subject(clause)
    if not found and not trigger.nominal:
        # Last resort for a verb: the first state, person or organisation its clause names.
        # Never one elsewhere in the sentence: a minister's resignation is not Russia's
        # because "Poetin" stands in the next clause.
        found = [
            m
            for m in clause.mentions
            if m.kind in ("state", "person", "organisation")
            and m not in recipients
            and clause.attached(trigger, m)
        ][:1]
    if not found and trigger.entry.event_type == "PROTEST":
        found = _protesters_in_place(clause, trigger)
    return [m for m in found if m not in recipients]


def _fallback_recipients(
    clause: Clause, trigger: Trigger, actors: list[ActorMention]
) -> list[ActorMention]:
    """No recipient where the entry looks: "beide landen", or the nearest actor after a verb."""
    both = clause.both_countries([t.text.casefold() for t in clause.tree.sentence.tokens])
    if both:
        return both
    opening = clause.infinitive_opening(trigger)
    if opening is not None:
        # "om de Kazachse betogers hulp te bieden": who is helped stands inside the clause.
        start, end = clause.tree.token(opening).end, clause.tree.token(trigger.first).start
        return [m for m in clause.inside(start, end) if m.actor_id and m not in actors]
    if trigger.nominal or not trigger.entry.recipient_roles:
        return []
    return [m for m in _nearest(clause, trigger, before=False) if m not in actors]


def _main_subject(clause: Clause) -> list[ActorMention]:
    """Resolved mentions in a subject of a finite verb; named actors before sector groups."""
    tree = clause.tree
    subjects = []
    for token in tree.sentence.tokens:
        head = tree.token(token.head) if token.head >= 0 else None
        if token.relation is Relation.SUBJECT and head is not None and head.finite:
            found = [m for m in clause.inside(*tree.span(token.index)) if m.actor_id]
            if found:
                subjects.append(found)
    named = [found for found in subjects if any(m.kind != "group" for m in found)]
    return (named or subjects or [[]])[0]


def _controller(clause: Clause, opening: int) -> list[ActorMention]:
    """Resolved subject of the finite verb nearest before an "om ... te" clause."""
    tree = clause.tree
    for index in range(opening - 1, -1, -1):
        if tree.token(index).finite:
            subject = tree.subject(index)
            if subject is None:
                return []
            return [m for m in clause.inside(*tree.span(subject)) if m.actor_id]
    return []


def _antecedent(clause: Clause, pronoun: int) -> list[ActorMention]:
    """ "Loekasjenko, die ... neersloeg": the resolved mention right before a relative pronoun."""
    start = clause.tree.token(pronoun).start
    before = [m for m in clause.mentions if m.end <= start and m.actor_id]
    if not before:
        return []
    last = max(before, key=lambda m: m.end)
    gap = clause.doc.text[last.end : start].strip()
    return [last] if gap in ("", ",") else []


def _possessor(clause: Clause, trigger: Trigger) -> list[ActorMention]:
    """``zijn verzoek``: the person the possessive points to, nearest in the sentence."""
    tree = clause.tree
    owner = tree.possessor(trigger.first)
    if owner is None:
        return []
    token = tree.token(owner)
    if token.pos is Pos.PROPN:
        return clause.inside(token.start, token.end)
    people = [m for m in clause.mentions if m.kind == "person"]
    return sorted(people, key=lambda m: abs(m.start - token.start))[:1]


def _demonym_of(clause: Clause, trigger: Trigger) -> list[ActorMention]:
    """``een Russische invasie``: a demonym adjective before a noun trigger is its actor."""
    tokens = clause.tree.sentence.tokens
    for index in range(trigger.first - 1, max(-1, trigger.first - 3), -1):
        token = tokens[index]
        country = clause.kb.adjectives.get(token.text.casefold())
        if country:
            span = (token.start, token.end)
            return [_country_actor(span, token.text, country, sector="GOV", method="demonym")]
    return []


def _protesters_in_place(clause: Clause, trigger: Trigger) -> list[ActorMention]:
    """Protests "in Kazachstan" without named protesters: that country's civilians."""
    tokens = clause.tree.sentence.tokens
    locative = clause.cue("protest_place")
    for index in range(trigger.last + 1, min(len(tokens) - 1, trigger.last + 4)):
        if tokens[index].lemma.casefold() in locative:
            after = tokens[index].end
            place = [m for m in clause.mentions if m.kind == "state" and m.start >= after]
            if place:
                state = min(place, key=lambda m: m.start)
                span, country = (state.start, state.end), state.country or ""
                return [
                    _country_actor(span, state.text, country, sector="CVL", method="protest-place")
                ]
    return []


def _country_actor(
    span: tuple[int, int], text: str, country: str, *, sector: str, method: str
) -> ActorMention:
    """A state's government (GOV) or its people (CVL) named by other words than its name."""
    if sector == "GOV":
        actor_id, kind, name, confidence = f"state:{country}", "state", country, 0.8
    else:
        actor_id, kind, name = f"group:{country}-{sector}", "group", f"{country} {sector}"
        confidence = 0.6
    return ActorMention(
        -1, *span, text, actor_id, kind, name, country, country, sector, None, confidence, method
    )
