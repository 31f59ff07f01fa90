"""The Dutch PLOVER coder: triggers from the lexicon, arguments from the parse.

For every sentence: find triggers (verb lemmas, separable verbs joined with
their particle, noun lemmas, support-verb phrases), then the actor and
recipient in the places the lexicon entry names (subject, object, a
prepositional phrase, a possessor), falling back on the nearest resolved
actors before and after the trigger because Frog's parse is often off.
Arguments are the actor mentions of stage 3 inside the chosen span; a
coordinated list of them ("Wit-Rusland, Armenië en Kirgizië") is one
compound argument.  Then auxiliary modes from cue words, tense and years.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.events.lexicon import Lexicon, LexiconEntry
from kroniek.events.scoring import with_scales
from kroniek.nlp.syntax import Tree
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    CodedEvents,
    Event,
    EventArgument,
    Pos,
    Relation,
    ResolvedActors,
    Sentence,
    SourceDocument,
    Tense,
    Usage,
    VerbForm,
)

CODER_VERSION = "kroniek-coder-6"
_LIST_GLUE = frozenset({",", "en", "of", "-", "–", "de", "het"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MAX_GAP = 3
_WINDOW = 8
_OBJECT_ROLES = {"object": Relation.OBJECT, "indirect_object": Relation.INDIRECT_OBJECT}
_NOUN_PP_REACH = 6
"""A noun's prepositional phrase, when not attached to it, must follow within a few words."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: token span in the sentence and the entry it matched."""

    first: int
    last: int
    entry: LexiconEntry
    nominal: bool


@dataclass
class _Context:
    """What coding one sentence needs."""

    doc: SourceDocument
    tree: Tree
    mentions: list[ActorMention]
    lexicon: Lexicon
    kb: KnowledgeBase
    earlier_states: list[ActorMention]


def coder_version(lexicon: Lexicon) -> str:
    """Coder and lexicon versions, stored with every document's events."""
    return f"{CODER_VERSION} {lexicon.version}"


def code_events(
    doc: SourceDocument,
    analysed: AnalysedDocument,
    resolved: ResolvedActors,
    lexicon: Lexicon,
    kb: KnowledgeBase,
) -> CodedEvents:
    """Every event in the document, with its evidence."""
    events: list[Event] = []
    states: list[ActorMention] = []
    previous_historical: dict[int, bool] = {}
    for sentence in analysed.sentences:
        mentions = [m for m in resolved.mentions if m.sentence_index == sentence.index]
        context = _Context(doc, Tree.of(sentence), mentions, lexicon, kb, list(states))
        triggers = _merge_requested_aid(context, list(find_triggers(sentence, lexicon)))
        triggers = [t for t in triggers if not _between_animals(context, t)]
        coded = [e for trigger in triggers for e in _codings(_event(context, trigger), trigger)]
        if previous_historical.get(sentence.block_index) and _continues_past(context):
            # A past-tense sentence with no time of its own goes on in the time of the one before.
            coded = [_mark(e, "historical") for e in coded]
        if coded:
            previous_historical[sentence.block_index] = any("historical" in e.aux for e in coded)
        events += coded
        states += [m for m in mentions if m.kind == "state"]
    return CodedEvents(doc.doc_id, tuple(with_scales(events, lexicon)), coder_version(lexicon))


def _between_animals(context: _Context, trigger: Trigger) -> bool:
    """Wolves killing sheep, a dog biting: an animal as agent or patient is no political event."""
    tree, animals = context.tree, context.lexicon.cues.get("animals", frozenset())
    index = trigger.first
    heads = [tree.subject(index), tree.pp_object(index, "door", _NOUN_PP_REACH)]
    heads += tree.objects(index, Relation.OBJECT)
    return any(h is not None and tree.token(h).lemma.casefold() in animals for h in heads)


def _codings(event: Event, trigger: Trigger) -> list[Event]:
    """The event, and the further codings its entry's ``also`` asks for on the same words."""
    extra = [
        replace(
            event,
            event_id=f"{event.event_id}:{event_type.lower()}",
            event_type=event_type,
            mode=mode,
            rule_id=f"{event.rule_id}+{event_type.lower()}.{mode}",
        )
        for event_type, mode in trigger.entry.also
    ]
    return [event, *extra]


def _mark(event: Event, aux: str) -> Event:
    """The event with one more auxiliary mode."""
    return replace(event, aux=tuple(dict.fromkeys((*event.aux, aux))))


def _continues_past(context: _Context) -> bool:
    """Past tense and no time expression of its own: the sentence before sets the time."""
    tokens = context.tree.sentence.tokens
    finite_past = any(t.finite and t.morph.tense is Tense.PAST for t in tokens)
    words = {t.text.casefold() for t in tokens}
    own_time = bool(words & context.lexicon.cues.get("time_words", frozenset())) or any(
        _YEAR.match(w) for w in words
    )
    return finite_past and not own_time


def _merge_requested_aid(context: _Context, triggers: list[Trigger]) -> list[Trigger]:
    """ "verzoek om militaire assistentie", "belde X om hulp": one REQUEST for assistance.

    The aid noun after "om" is what is asked for, not aid given; a call or a
    request with it becomes a REQUEST with the aid's context.
    """
    tokens = context.tree.sentence.tokens
    asked = context.lexicon.cues.get("request_verbs", frozenset())
    result: list[Trigger] = []
    absorbed: set[int] = set()
    for trigger in triggers:
        if trigger.entry.event_type != "AID" or not trigger.nominal:
            continue
        before = tokens[trigger.first - 2 : trigger.first] if trigger.first >= 1 else ()
        if any(t.lemma.casefold() == "om" for t in before):
            absorbed.add(trigger.first)
            for other in triggers:
                lemma = tokens[other.first].lemma.casefold()
                if other.first < trigger.first and (
                    other.entry.event_type == "REQUEST" or lemma in asked
                ):
                    entry = replace(
                        other.entry,
                        event_type="REQUEST",
                        mode="assist",
                        context=other.entry.context + trigger.entry.context,
                    )
                    if other.entry.event_type != "REQUEST":
                        entry = replace(entry, rule_id=f"{other.entry.rule_id}+request.om-hulp")
                    triggers[triggers.index(other)] = replace(other, entry=entry)
    for trigger in triggers:
        if trigger.first not in absorbed:
            result.append(trigger)
    return result


def find_triggers(sentence: Sentence, lexicon: Lexicon) -> Iterator[Trigger]:
    """Triggers in the sentence, phrases first, each token used once."""
    used: set[int] = set()
    # Frog's multi-word units ("te_hulp") are split back into words for phrase matching.
    words: list[tuple[str, int]] = [
        (part, t.index) for t in sentence.tokens for part in t.lemma.casefold().split("_") if part
    ]
    lemmas = [word for word, _ in words]
    for phrase, entry in lexicon.phrases:
        span = _phrase_at(lemmas, phrase)
        if span is None:
            continue
        first, last = words[span[0]][1], words[span[1]][1]
        if not used & set(range(first, last + 1)):
            used.update(range(first, last + 1))
            yield Trigger(first, last, entry, nominal=False)
    for token in sentence.tokens:
        if token.index in used:
            continue
        single, nominal = _single_word_entry(sentence, token.index, lexicon)
        if single is not None and not _other_sense(sentence, token.index, single):
            used.add(token.index)
            yield Trigger(token.index, token.index, single, nominal=nominal)


def _phrase_at(lemmas: list[str], phrase: tuple[str, ...]) -> tuple[int, int] | None:
    """First and last word of ``phrase`` in order, with at most a few words between."""
    for start, lemma in enumerate(lemmas):
        if lemma != phrase[0]:
            continue
        position, last = start, start
        for word in phrase[1:]:
            following = [
                i
                for i in range(position + 1, min(len(lemmas), position + 2 + _MAX_GAP))
                if lemmas[i] == word
            ]
            if not following:
                break
            position = last = following[0]
        else:
            return start, last
    return None


def _single_word_entry(
    sentence: Sentence, index: int, lexicon: Lexicon
) -> tuple[LexiconEntry | None, bool]:
    """The entry a verb (with its separable particle) or a noun triggers, if any."""
    token = sentence.tokens[index]
    lemma = token.lemma.casefold()
    if token.pos is Pos.VERB:
        if _describes(sentence, index):
            return None, False
        particles = [
            t.lemma.casefold()
            for t in sentence.tokens
            if t.head == index and t.relation is Relation.PARTICLE
        ]
        # A particle verb is its own word: "aanvechten" (contest) is not "vechten" (fight).
        for candidate in [p + lemma for p in particles] or [lemma]:
            if candidate in lexicon.verbs:
                return lexicon.verbs[candidate][0], False
    if token.pos is Pos.NOUN and lemma in lexicon.nouns:
        return lexicon.nouns[lemma][0], True
    if "_" in lemma:
        # A multi-word unit ("in_opstand") ending in a trigger noun.
        tail = lemma.rsplit("_", 1)[1]
        if tail in lexicon.nouns:
            return lexicon.nouns[tail][0], True
    return None, False


def _other_sense(sentence: Sentence, index: int, entry: LexiconEntry) -> bool:
    """The word right after the trigger marks a sense the entry does not code."""
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    return following is not None and following.lemma.casefold() in entry.not_before


def _describes(sentence: Sentence, index: int) -> bool:
    """A verb form used as an adjective or a noun for people or things reports no event.

    Participles as adjectives or nouns: "aanhoudende regen", "de verdachte", "de
    gedetineerden". An infinitive after "de" or a number is a plural noun Frog tagged as a
    verb: "de doden", "vijftig doden" (the act itself takes "het": "het doden van burgers").
    """
    morph = sentence.tokens[index].morph
    form, usage = morph.verb_form, morph.usage
    present = form is VerbForm.PRESENT_PARTICIPLE and usage in (Usage.ATTRIBUTIVE, Usage.NOMINAL)
    if present or (form is VerbForm.PAST_PARTICIPLE and usage is Usage.NOMINAL):
        return True
    before = sentence.tokens[index - 1] if index > 0 else None
    plural_noun = before is not None and (before.lemma.casefold() == "de" or before.pos is Pos.NUM)
    return form is VerbForm.INFINITIVE and plural_noun


def _sense(context: _Context, trigger: Trigger) -> LexiconEntry:
    """The entry, or its verbal sense when words of speech and none of force surround it."""
    entry = trigger.entry
    if entry.verbal is None:
        return entry
    cues = context.lexicon.cues
    tokens = context.tree.sentence.tokens
    # The clause, plus the trigger's own phrases: "aanval op onze democratie".
    below = {t.index for t in tokens if t.head == trigger.first}
    clause_words = _clause_words(context.tree, trigger) | {
        t.text.casefold() for t in tokens if t.head in below
    }
    clause = {t.lemma.casefold() for t in tokens if t.text.casefold() in clause_words}
    sentence = {t.lemma.casefold() for t in tokens} | {t.text.casefold() for t in tokens}
    verbal_cues = cues.get("verbal_attack", frozenset())
    # Dutch compounds end in their head: "pensioenbeleid" is a kind of "beleid".
    verbal = {w for w in clause | clause_words for cue in verbal_cues if w.endswith(cue)}
    if verbal and not sentence & cues.get("physical_force", frozenset()):
        event_type, mode = entry.verbal
        return replace(entry, event_type=event_type, mode=mode, rule_id=f"{entry.rule_id}+verbal")
    return entry


def _event(context: _Context, trigger: Trigger) -> Event:
    """One event: arguments, modes and evidence for a trigger."""
    trigger = replace(trigger, entry=_sense(context, trigger))
    tree, entry = context.tree, trigger.entry
    sentence = tree.sentence
    first, last = tree.token(trigger.first), tree.token(trigger.last)
    recipients = _argument(context, trigger, entry.recipient_roles, exclude=[])
    actors = _argument(context, trigger, entry.actor_roles, exclude=recipients)
    actors, spilled = _first_run(context, actors)
    if not actors and recipients:
        # "belde Tokajev Poetin": Frog glued caller and callee into one object.
        actors, recipients = _first_run(context, recipients)
        if not recipients:
            recipients, actors = actors, []
    if not recipients:
        recipients = spilled or _fallback_recipients(context, trigger, actors)
    if not actors:
        actors = _fallback_actors(context, trigger, recipients)
    # Nobody known in the role: keep the words that fill it ("een 48-jarige moeder").
    # In a passive clause the subject is the one it happened to ("500 dorpelingen werden
    # vermoord"), never the doer.
    passive = _passive(context, trigger)
    patient_roles = ("subject", *entry.recipient_roles) if passive else entry.recipient_roles
    agent_roles = tuple(r for r in entry.actor_roles if not (passive and r == "subject"))
    recipients = recipients or _phrase(context, trigger, patient_roles, [])
    actors = actors or _phrase(context, trigger, agent_roles, recipients)
    actors, recipients = _distinct(actors), _distinct(recipients)
    aux = _aux_modes(context, trigger)
    source = _source(context, trigger)
    if source is not None:
        aux.append("reported")
    # Sure of who did it to whom only when they are known actors, not just words.
    known = [any(m.actor_id for m in side) for side in (actors, recipients)]
    confidence = 0.5 + 0.25 * known[0] + 0.25 * known[1]
    return Event(
        event_id=f"{context.doc.doc_id}:{sentence.index}:{first.start}",
        doc_id=context.doc.doc_id,
        sentence_index=sentence.index,
        event_type=entry.event_type,
        mode=entry.mode,
        context=entry.context,
        trigger_start=first.start,
        trigger_end=last.end,
        trigger_text=context.doc.text[first.start : last.end],
        actors=tuple(EventArgument.of(m) for m in actors),
        recipients=tuple(EventArgument.of(m) for m in recipients),
        aux=tuple(dict.fromkeys(aux)),
        source=EventArgument.of(source) if source else None,
        rule_id=entry.rule_id,
        confidence=confidence,
    )


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


def _first_run(
    context: _Context, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Split a subject span holding two uncoordinated actors: "belde Tokajev Poetin" (Frog
    glued them into one token) is Tokajev calling Poetin; the rest may be the recipients."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, (left, right) in enumerate(itertools.pairwise(ordered), start=1):
        between = context.doc.text[left.end : right.start].strip()
        if not between and left.actor_id != right.actor_id:
            rest = _with_coordinated(context, ordered[index:], ordered[:index])
            return ordered[:index], rest
    return ordered, []


def _fallback_actors(
    context: _Context, trigger: Trigger, recipients: list[ActorMention]
) -> list[ActorMention]:
    """No actor where the entry looks: a demonym on a noun, protesters' country, the
    subject of the main clause for a verb."""
    opening = _infinitive_clause(context, trigger)
    if opening is not None:
        # "Poetin greep het aan om militairen te sturen": the doer is the subject of the
        # verb the om-clause hangs on (often unnamed: "de westerse landen").
        return [m for m in _controller(context, opening) if m not in recipients]
    found = _demonym_of(context, trigger) if trigger.nominal else _main_subject(context)
    if not found and not trigger.nominal:
        # Last resort for a verb: the first state, person or organisation the sentence names.
        found = [
            m
            for m in context.mentions
            if m.kind in ("state", "person", "organisation") and m not in recipients
        ][:1]
    if not found and trigger.entry.event_type == "PROTEST":
        found = _protesters_in_place(context, trigger)
    return [m for m in found if m not in recipients]


def _fallback_recipients(
    context: _Context, trigger: Trigger, actors: list[ActorMention]
) -> list[ActorMention]:
    """No recipient where the entry looks: "beide landen", or the nearest actor after a verb."""
    both = _both_in_sentence(context)
    if both:
        return both
    opening = _infinitive_clause(context, trigger)
    if opening is not None:
        # "om de Kazachse betogers hulp te bieden": who is helped stands inside the clause.
        start, end = context.tree.token(opening).end, context.tree.token(trigger.first).start
        return [m for m in _inside(context, start, end) if m.actor_id and m not in actors]
    if trigger.nominal or not trigger.entry.recipient_roles:
        return []
    return [m for m in _nearest(context, trigger, before=False) if m not in actors]


def _main_subject(context: _Context) -> list[ActorMention]:
    """Resolved mentions in a subject of a finite verb; named actors before sector groups."""
    tree = context.tree
    subjects = []
    for token in tree.sentence.tokens:
        head = tree.token(token.head) if token.head >= 0 else None
        if token.relation is Relation.SUBJECT and head is not None and head.finite:
            found = [m for m in _inside(context, *tree.span(token.index)) if m.actor_id]
            if found:
                subjects.append(found)
    named = [found for found in subjects if any(m.kind != "group" for m in found)]
    return (named or subjects or [[]])[0]


def _controller(context: _Context, opening: int) -> list[ActorMention]:
    """Resolved subject of the finite verb nearest before an "om ... te" clause."""
    tree = context.tree
    for index in range(opening - 1, -1, -1):
        token = tree.token(index)
        if token.finite:
            subject = tree.subject(index)
            if subject is None:
                return []
            return [m for m in _inside(context, *tree.span(subject)) if m.actor_id]
    return []


def _antecedent(context: _Context, pronoun: int) -> list[ActorMention]:
    """ "Loekasjenko, die ... neersloeg": the resolved mention right before a relative pronoun."""
    start = context.tree.token(pronoun).start
    before = [m for m in context.mentions if m.end <= start and m.actor_id]
    if not before:
        return []
    last = max(before, key=lambda m: m.end)
    gap = context.doc.text[last.end : start].strip()
    return [last] if gap in ("", ",") else []


def _infinitive_clause(context: _Context, trigger: Trigger) -> int | None:
    """The "om" opening an "om ... te <trigger>" clause, if the trigger closes one."""
    tokens = context.tree.sentence.tokens
    lemmas = [t.lemma.casefold() for t in tokens]
    inside = range(trigger.first, trigger.last + 1)
    if not any(lemmas[i - 1] == "te" for i in inside if i > 0):
        return None
    openings = [i for i in range(trigger.first) if lemmas[i] == "om"]
    return openings[-1] if openings else None


def _both_in_sentence(context: _Context) -> list[ActorMention]:
    """ "beide landen" anywhere in the sentence: the last two states named before it."""
    words = [t.text.casefold() for t in context.tree.sentence.tokens]
    cue = context.lexicon.cues.get("both", frozenset())
    for index, word in enumerate(words[:-1]):
        if word in cue and words[index + 1] == "landen":
            distinct: dict[str | None, ActorMention] = {}
            for mention in reversed(context.earlier_states):
                distinct.setdefault(mention.actor_id, mention)
                if len(distinct) == 2:
                    return list(reversed(distinct.values()))
    return []


def _argument(
    context: _Context, trigger: Trigger, roles: tuple[str, ...], exclude: list[ActorMention]
) -> list[ActorMention]:
    """The mentions filling the first role that finds any, as a coordinated list."""
    for role in roles:
        found = [m for m in _role(context, trigger, role) if m not in exclude]
        if found:
            return _with_coordinated(context, found, exclude)
    return []


def _role(context: _Context, trigger: Trigger, role: str) -> list[ActorMention]:
    """Mentions in the place a role names: subject, object, indirect_object, pp:<prep>,
    possessor, demonym."""
    by_name = {"possessor": _possessor, "demonym": _demonym_of, "subject": _subject_role}
    if role in by_name:
        return by_name[role](context, trigger)
    if role in _OBJECT_ROLES:
        objects = context.tree.objects(trigger.first, _OBJECT_ROLES[role])
        if objects:
            return _filled_by(context, objects[0])
        # A verb's object Frog did not find: the nearest actor after it.
        return (
            _nearest(context, trigger, before=False)
            if role == "object" and not trigger.nominal
            else []
        )
    if role.startswith("pp:"):
        preposition = role[3:]
        # An unattached phrase counts only close by; "van" right after a noun is its own,
        # further away it belongs to another noun.
        weak = preposition in ("van", "door")
        reach = (1 if trigger.nominal else 3) if weak else _NOUN_PP_REACH
        head = context.tree.pp_object(
            trigger.first, preposition, reach + trigger.last - trigger.first
        )
        return [] if head is None else _filled_by(context, head)
    return []


def _phrase(
    context: _Context, trigger: Trigger, roles: tuple[str, ...], taken: list[ActorMention]
) -> list[ActorMention]:
    """An unresolved argument: the noun phrase in the first role that has a common noun.

    Its head noun with the words before it that hang from it (article, number, adjective);
    pronouns and names are left to actor resolution.
    """
    tree = context.tree
    for role in roles:
        head = _role_head(context, trigger, role)
        if head is None or tree.token(head).pos is not Pos.NOUN:
            continue
        if _own_word(context, trigger, head):
            continue
        members = [head] + [
            c
            for c in tree.children[head]
            if c < head and tree.token(c).pos in (Pos.DET, Pos.NUM, Pos.ADJ)
        ]
        first, last = tree.token(min(members)), tree.token(head)
        if any(m.start <= first.start < m.end or first.start <= m.start < last.end for m in taken):
            continue
        text = context.doc.text[first.start : last.end]
        index = tree.sentence.index
        return [
            ActorMention(
                index, first.start, last.end, text, None, "unresolved", None, None, None, None,
                None, 0.0, "phrase",
            )
        ]  # fmt: skip
    return []


def _own_word(context: _Context, trigger: Trigger, index: int) -> bool:
    """A word of the trigger's own phrase ("kant" in "aan de kant zetten") is no argument;
    a word a phrase merely spans ("liet drie gijzelaars vrij") may be."""
    if not trigger.first <= index <= trigger.last:
        return False
    lemma = context.tree.token(index).lemma.casefold()
    rule = trigger.entry.rule_id
    return any(lemma in words for words, entry in context.lexicon.phrases if entry.rule_id == rule)


def _passive(context: _Context, trigger: Trigger) -> bool:
    """A past participle under "worden" or "zijn": a passive clause."""
    tree = context.tree
    if trigger.nominal or tree.token(trigger.first).morph.verb_form is not VerbForm.PAST_PARTICIPLE:
        return False
    above = tree.climb(trigger.first)[1:]
    return any(tree.token(i).lemma.casefold() in ("worden", "zijn") for i in above)


def _role_head(context: _Context, trigger: Trigger, role: str) -> int | None:
    """The head token of the phrase in a role's place, if the parse has one."""
    tree = context.tree
    if role == "subject":
        return None if trigger.nominal else tree.subject(trigger.first)
    if role in _OBJECT_ROLES:
        objects = tree.objects(trigger.first, _OBJECT_ROLES[role])
        return objects[0] if objects else None
    if role.startswith("pp:"):
        preposition = role[3:]
        reach = 1 if trigger.nominal and preposition in ("van", "door") else 3
        return tree.pp_object(trigger.first, preposition, reach + trigger.last - trigger.first)
    return None


def _subject_role(context: _Context, trigger: Trigger) -> list[ActorMention]:
    """The subject of a verb trigger (never of a noun: the clause's subject is not its agent)."""
    if trigger.nominal:
        return []
    head = context.tree.subject(trigger.first)
    if head is None:
        return _nearest(context, trigger, before=True)
    if context.tree.token(head).lemma.casefold() in context.lexicon.cues.get(
        "relative", frozenset()
    ):
        return _antecedent(context, head)
    return _filled_by(context, head)


def _filled_by(context: _Context, head: int) -> list[ActorMention]:
    """The mentions in a head token's phrase, or the states "beide landen" points to."""
    start, end = context.tree.span(head)
    return _inside(context, start, end) or _both_countries(context, head)


def _inside(context: _Context, start: int, end: int) -> list[ActorMention]:
    """Resolved mentions within a character span (unresolved ones only if nothing else)."""
    found = [m for m in context.mentions if start <= m.start and m.end <= end]
    resolved = [m for m in found if m.actor_id]
    return resolved or found


def _nearest(context: _Context, trigger: Trigger, *, before: bool) -> list[ActorMention]:
    """The closest resolved mention before (or after) the trigger, within a few words."""
    tokens = context.tree.sentence.tokens
    if before:
        opening = _infinitive_clause(context, trigger)
        if opening is not None:
            return []
        limit = tokens[max(0, trigger.first - _WINDOW)].start
        pool = [
            m for m in context.mentions if limit <= m.start and m.end <= tokens[trigger.first].start
        ]
        pool.sort(key=lambda m: -m.start)
    else:
        limit = tokens[min(len(tokens) - 1, trigger.last + _WINDOW)].end
        pool = [
            m for m in context.mentions if tokens[trigger.last].end <= m.start and m.end <= limit
        ]
        pool.sort(key=lambda m: m.start)
    resolved = [m for m in pool if m.actor_id]
    return resolved[:1]


def _with_coordinated(
    context: _Context, found: list[ActorMention], exclude: list[ActorMention]
) -> list[ActorMention]:
    """Extend mentions to the whole list they stand in: "X, Y en Z"."""
    ordered = sorted((m for m in context.mentions if m.actor_id), key=lambda m: m.start)
    chosen = {id(m) for m in found}
    changed = True
    while changed:
        changed = False
        for left, right in itertools.pairwise(ordered):
            between = context.doc.text[left.end : right.start].split()
            glued = all(w.casefold() in _LIST_GLUE for w in between) and len(between) <= 2
            if not glued or left in exclude or right in exclude:
                continue
            if (id(left) in chosen) != (id(right) in chosen):
                chosen |= {id(left), id(right)}
                changed = True
    return [m for m in ordered if id(m) in chosen]


def _possessor(context: _Context, trigger: Trigger) -> list[ActorMention]:
    """``zijn verzoek``: the person the possessive points to, nearest in the sentence."""
    tree = context.tree
    owner = tree.possessor(trigger.first)
    if owner is None:
        return []
    token = tree.token(owner)
    if token.pos is Pos.PROPN:
        return _inside(context, token.start, token.end)
    people = [m for m in context.mentions if m.kind == "person"]
    return sorted(people, key=lambda m: abs(m.start - token.start))[:1]


def _demonym_of(context: _Context, trigger: Trigger) -> list[ActorMention]:
    """``een Russische invasie``: a demonym adjective before a noun trigger is its actor."""
    tokens = context.tree.sentence.tokens
    for index in range(trigger.first - 1, max(-1, trigger.first - 3), -1):
        word = tokens[index].text.casefold()
        country = context.kb.adjectives.get(word)
        if country:
            token = tokens[index]
            return [
                ActorMention(
                    -1,
                    token.start,
                    token.end,
                    token.text,
                    f"state:{country}",
                    "state",
                    country,
                    country,
                    country,
                    "GOV",
                    None,
                    0.8,
                    "demonym",
                )
            ]
    return []


def _both_countries(context: _Context, head: int) -> list[ActorMention]:
    """``beide landen``: the last two states named before this sentence."""
    words = {context.tree.token(i).text.casefold() for i in context.tree.subtree(head)}
    if words & context.lexicon.cues.get("both", frozenset()) and "landen" in words:
        distinct: dict[str | None, ActorMention] = {}
        for mention in reversed(context.earlier_states):
            distinct.setdefault(mention.actor_id, mention)
            if len(distinct) == 2:
                return list(distinct.values())
    return []


def _protesters_in_place(context: _Context, trigger: Trigger) -> list[ActorMention]:
    """Protests "in Kazachstan" without named protesters: that country's civilians."""
    tokens = context.tree.sentence.tokens
    for index in range(trigger.last + 1, min(len(tokens) - 1, trigger.last + 4)):
        if tokens[index].lemma.casefold() == "in":
            place = [
                m for m in context.mentions if m.kind == "state" and m.start >= tokens[index].end
            ]
            if place:
                state = min(place, key=lambda m: m.start)
                return [
                    ActorMention(
                        -1,
                        state.start,
                        state.end,
                        state.text,
                        f"group:{state.country}-CVL",
                        "group",
                        f"{state.country} CVL",
                        state.country,
                        state.country,
                        "CVL",
                        None,
                        0.6,
                        "protest-place",
                    )
                ]
    return []


def _aux_modes(context: _Context, trigger: Trigger) -> list[str]:
    """historical, future, hypothetical, negated: from cue words, tense and years."""
    tree, cues = context.tree, context.lexicon.cues
    words = [t.text.casefold() for t in tree.sentence.tokens]
    clause = _clause_words(tree, trigger)
    aux = []
    if clause & cues.get("negation", frozenset()):
        aux.append("negated")
    if set(words) & cues.get("hypothetical", frozenset()) or _unrealised(context, trigger):
        aux.append("hypothetical")
    if clause & cues.get("future", frozenset()):
        aux.append("future")
    if _historical(context, words, clause):
        aux.append("historical")
    return aux


def _unrealised(context: _Context, trigger: Trigger) -> bool:
    """A noun trigger that is what someone risks, demands or fears ("riskeert dertig jaar
    cel", "het OM vorderde tien jaar cel"): asked for or possible, not done."""
    tree = context.tree
    span = range(trigger.first, trigger.last + 1)
    if tree.token(trigger.first).pos not in (Pos.NOUN, Pos.NUM):
        return False
    verbs = context.lexicon.cues.get("unrealised", frozenset())
    heads = {tree.token(i).head for i in span} - set(span)
    return any(h >= 0 and tree.token(h).lemma.casefold() in verbs for h in heads)


def _clause_words(tree: Tree, trigger: Trigger) -> set[str]:
    """Words attached to the trigger or the verbs above it (its clause, roughly)."""
    nodes = set(tree.climb(trigger.first)) | set(tree.climb(trigger.last))
    return {
        t.text.casefold()
        for t in tree.sentence.tokens
        if t.index in nodes or t.head in nodes or abs(t.index - trigger.first) <= 1
    }


def _historical(context: _Context, words: list[str], clause: set[str]) -> bool:
    """Before the article's time frame: a cue word, an earlier year, or the past perfect."""
    cues = context.lexicon.cues
    if clause & cues.get("historical", frozenset()):
        return True
    if clause & cues.get("perfect_auxiliary", frozenset()):
        return True
    published = context.doc.published
    if published is None:
        return False
    year = int(published[:4])
    years = [int(w) for w in words if _YEAR.match(w)]
    return bool(years) and max(years) < year


def _source(context: _Context, trigger: Trigger) -> ActorMention | None:
    """ "volgens X" anywhere in the sentence, or the subject of a verb of saying above it."""
    tree, cues = context.tree, context.lexicon.cues.get("reported", frozenset())
    tokens = tree.sentence.tokens
    for token in tokens:
        if token.text.casefold() == "volgens":
            after = [m for m in context.mentions if m.start >= token.end and m.actor_id]
            if after:
                return min(after, key=lambda m: m.start)
    for node in tree.climb(trigger.first)[1:]:
        if tree.token(node).lemma.casefold() in cues:
            subject = tree.subject(node)
            if subject is not None:
                found = _inside(context, *tree.span(subject))
                if found:
                    return found[0]
    return None
