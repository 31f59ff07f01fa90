"""Who did it to whom, from the whole document: the first half of stage 5.

The clause coder (stage 4) fills an event's actor and recipient from its own
clause. Often the clause names them only as a pronoun ("Hij veroordeelde ..."), a
role without a country ("de politie", "een 34-jarige man"), an act without a doer
("drie mannen kregen twintig jaar cel") or an earlier event ("deze actie"). This
module completes them from the rest of the document, each completion with its own
rule (the argument's ``method``) and a confidence below a named actor's:

1. ``pronoun``: the most salient earlier party the pronoun can stand for;
2. ``earlier-event``: "deze actie" → the actor of the event the article reported before;
3. ``accused``: a crime without a doer that the same sentence punishes, charges or
   arrests someone for ("tien jaar cel voor de moord op ...") was, as told, theirs;
   ``same-subject``: a clause without a subject continues the previous sentence's;
4. ``implicit-actor``: an act of authority without a doer was done by the police or
   judiciary of the country where it happened, a protest without one by its people;
5. ``place-country`` / ``paragraph-country`` / ``focus-country``: a party without a
   country belongs where the event happens (for kinds of events done where their doer
   is), else to the country its paragraph, else its article is about;
6. ``unknown``: a party none of these places is UNK, keeping its words.

A thing in a role's place ("een aanval op een flatgebouw in Dnipro") is placed the
same way: at country level the target of an attack on a building is the state it
stands in. Only spans of time and amounts the parse put there are dropped.

The tables these rules read are ``data/arguments_nl.toml``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.data_files import digest, read_toml
from kroniek.errors import KroniekError, Msg
from kroniek.nlp.syntax import Tree
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    Event,
    EventArgument,
    EventPlace,
    Number,
    PlaceMention,
    Pos,
    PronType,
    ResolvedActors,
    Sentence,
    SourceDocument,
)

_DATA = "kroniek.events.data"
_FILE = "arguments_nl.toml"
UNKNOWN = "UNK"
_PARTY_KINDS = frozenset({"state", "person", "organisation", "group", "seat", "historical_state"})
# How sure each document-level completion is, below a named actor's.
_CONFIDENCE = {
    "pronoun": 0.6,
    "earlier-event": 0.55,
    "same-subject": 0.55,
    "accused": 0.5,
    "implicit-actor": 0.5,
    "place-country": 0.5,
    "paragraph-country": 0.45,
    "focus-country": 0.4,
    "unknown": 0.0,
}


@dataclass(frozen=True, slots=True)
class ArgumentRules:
    """The tables of ``data/arguments_nl.toml``."""

    version: str
    implicit_actors: dict[tuple[str, str], str]
    place_actor_types: frozenset[str]
    title_weight: int
    lead_weight: int
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    discourse_nouns: frozenset[str]
    demonstratives: frozenset[str]
    not_parties: frozenset[str]
    party_nouns: frozenset[str]
    party_endings: tuple[str, ...]
    accused_crimes: frozenset[str] = frozenset()
    """Types of crimes whose doer, when not named, is the one punished for them."""
    accused_by: frozenset[str] = frozenset()
    accused_words: frozenset[str] = frozenset()
    accused_gap: int = 0


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of a table, lower-cased."""
    return frozenset(str(w).casefold() for w in table[key])


@lru_cache(maxsize=1)
def argument_rules() -> ArgumentRules:
    """The argument tables, read once; a malformed file is E524."""
    raw = read_toml(_DATA, _FILE)
    try:
        pronouns = raw["pronouns"]
        return ArgumentRules(
            version=f"{raw['version']}+data.{digest(_DATA, [_FILE])}",
            implicit_actors={
                (str(a["type"]), str(a.get("mode", ""))): str(a["sector"])
                for a in raw["implicit_actor"]["acts"]
            },
            place_actor_types=frozenset(raw["place_actor"]["types"]),
            title_weight=int(raw["focus"]["title_weight"]),
            lead_weight=int(raw["focus"]["lead_weight"]),
            person_pronouns=_words(pronouns, "person"),
            plural_pronouns=_words(pronouns, "plural"),
            thing_pronouns=_words(pronouns, "thing"),
            discourse_nouns=_words(raw["discourse"], "nouns"),
            demonstratives=_words(raw["discourse"], "demonstratives"),
            not_parties=_words(raw["not_parties"], "nouns"),
            party_nouns=_words(raw["parties"], "nouns"),
            party_endings=tuple(str(e) for e in raw["parties"]["endings"]),
            accused_crimes=frozenset(str(t) for t in raw["accused"]["crimes"]),
            accused_by=frozenset(str(t) for t in raw["accused"]["by"]),
            accused_words=_words(raw["accused"], "words"),
            accused_gap=int(raw["accused"]["gap"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KroniekError(Msg.E524.format(name=_FILE, entry="tables", detail=exc)) from exc


@dataclass(frozen=True, slots=True)
class _Document:
    """What completing one document's arguments looks at."""

    doc: SourceDocument
    sentences: dict[int, Sentence]
    mentions: tuple[ActorMention, ...]
    kb: KnowledgeBase
    rules: ArgumentRules
    places: dict[str, EventPlace]
    """Event id → where the clause events happen (``place.locate``), by the place's words."""
    event_nouns: frozenset[str]
    """Nouns that name events (the lexicon's trigger nouns and the discourse nouns)."""
    force_words: frozenset[str]
    """Words of weapons and force (the cue list ``physical_force``)."""
    block_countries: dict[int, Counter[str]]
    """Block → how often its sentences name each country."""
    focus: Counter[str]
    """How often the document names each country, the title and lead counting more."""


def complete_arguments(
    doc: SourceDocument,
    analysed: AnalysedDocument,
    resolved: ResolvedActors,
    *,
    events: Iterable[Event],
    places: Iterable[EventPlace],
    place_names: Iterable[PlaceMention],
    kb: KnowledgeBase,
    rules: ArgumentRules,
    event_nouns: frozenset[str] = frozenset(),
    needs: Callable[[Event], str] = lambda event: "",
    force_words: frozenset[str] = frozenset(),
) -> list[Event]:
    """The events with the actors and recipients the document supplies; an event whose
    entry ``needs`` a side that names no party is a generic mention and left out."""
    sentences = {s.index: s for s in analysed.sentences}
    named = list(place_names)
    states = _states(kb)
    mentions = tuple(m for m in resolved.mentions if m.country in states or not m.country)
    context = _Document(
        doc,
        sentences,
        resolved.mentions,
        kb,
        rules,
        {p.event_id: p for p in places if p.basis not in ("actor", "recipient")},
        event_nouns | rules.discourse_nouns,
        force_words,
        _block_countries(sentences, mentions, named, kb),
        _focus(sentences, mentions, named, kb, rules),
    )
    completed: list[Event] = []
    for event in events:
        completed.append(_complete(context, event, completed))
    return [e for e in completed if _has_needed_party(context, e, needs(e))]


def _has_needed_party(context: _Document, event: Event, side: str) -> bool:
    """Whether an event whose entry needs a party on one side is more than a generic
    mention ("het rookverbod geldt vanaf januari", "de storm verwoestte huizen").

    Its arguments name a party (a known actor, a party, words with a demonym), or, since
    the parse often hangs the phrase elsewhere, the sentence names an actor or a
    demonym, or a weapon ("door explosies verwoest": destruction by force is an attack
    whoever did it). A doer this step supplied (the police, the people) does not count.
    """
    if not side:
        return True
    # Either side: the parse swaps subject and object often enough ("Klimaatactivisten"
    # parsed as the object of "bekladden").
    arguments = (*event.actors, *event.recipients)
    named = [a for a in arguments if not a.method.startswith("implicit-actor")]
    if any(a.actor_id or "own-words" in a.method or _is_party(context, event, a) for a in named):
        return True
    sentence = context.sentences.get(event.sentence_index)
    if sentence is None:
        return False
    known = any(
        m.sentence_index == sentence.index and (m.actor_id or m.sector) for m in context.mentions
    )
    words = {t.text.casefold() for t in sentence.tokens}
    lemmas = {t.lemma.casefold() for t in sentence.tokens}
    return known or bool(words & context.kb.adjectives.keys()) or bool(lemmas & context.force_words)


def _complete(context: _Document, event: Event, earlier: list[Event]) -> Event:
    """One event with its pronouns, implicit parties and countries filled in."""
    actors = [_referent(context, event, a) for a in event.actors]
    recipients = [_earlier_event(context, event, a, earlier) for a in event.recipients]
    recipients = [_referent(context, event, a) for a in recipients]
    if not actors:
        actors = (
            _accused(context, event, earlier)
            or _same_subject(context, event)
            or _implicit_actor(context, event)
        )
    # Each side is placed knowing the other side's countries as far as they are known.
    known = replace(event, actors=tuple(actors), recipients=tuple(recipients))
    placed_actors = [_placed(context, known, a, acting=True) for a in actors]
    placed_recipients = [_placed(context, known, a, acting=False) for a in recipients]
    return replace(
        event,
        actors=tuple(_distinct([a for a in placed_actors if a is not None])),
        recipients=tuple(_distinct([a for a in placed_recipients if a is not None])),
    )


def _distinct(arguments: list[EventArgument]) -> list[EventArgument]:
    """One argument per actor (a pronoun may resolve to one already there)."""
    seen: set[str] = set()
    kept = []
    for argument in arguments:
        key = argument.actor_id or f"{argument.start}:{argument.text}"
        if key not in seen:
            seen.add(key)
            kept.append(argument)
    return kept


def _no_party(context: _Document, event: Event, argument: EventArgument) -> bool:
    """Words in an argument's place that name no party at all: a span of time or an
    amount ("een week", "twee procent"), or an event ("veroordeelde de aanval op het
    konvooi": the attack is no party; who carried it out is not said)."""
    sentence = context.sentences.get(event.sentence_index)
    last = _token_at(sentence, argument.end - 1) if sentence is not None else None
    if sentence is None or last is None:
        return False
    lemma = sentence.tokens[last].lemma.casefold()
    if lemma in context.force_words:
        return False
    return lemma in context.rules.not_parties or lemma in context.event_nouns


def _placed(
    context: _Document, event: Event, argument: EventArgument, *, acting: bool
) -> EventArgument | None:
    """An argument with a country: as the clause found it, else from its own words or its
    possessor, the place of the event, the paragraph or the article; else UNK. Words that
    name no party ("een week", "de aanval") are no argument at all."""
    if argument.country or argument.code:
        return argument
    if _no_party(context, event, argument):
        return None
    own = _demonym_in(context.kb, argument.text)
    if own is not None:
        return _with_country(argument, own, "own-words", 0.6)
    owner = _possessor_of(context, event, argument)
    if owner is not None:
        return _with_country(argument, owner, "possessor", _CONFIDENCE["pronoun"])
    # A party is first sought among countries the event's other side does not name (the
    # president who asks Russia for help is not Russian); a thing is where its event is.
    other_side = event.recipients if acting else event.actors
    avoid = _codes_of(other_side) if _is_party(context, event, argument) else frozenset()
    found = _event_country(context, event, acting=acting, avoid=avoid)
    if found is None:
        return _unknown(argument)
    country, method = found
    return _with_country(argument, country, method, _CONFIDENCE[method])


def _is_party(context: _Document, event: Event, argument: EventArgument) -> bool:
    """Whether an argument names people or a group: a sector noun, an unknown name, a
    pronoun, an act of authority, or a noun for people (by its lemma)."""
    if argument.sector or argument.method in ("unmatched", "pronoun", "implicit-actor"):
        return True
    sentence = context.sentences.get(event.sentence_index)
    last = _token_at(sentence, argument.end - 1) if sentence is not None else None
    if sentence is None or last is None:
        return False
    token = sentence.tokens[last]
    if token.entity in ("PER", "ORG"):
        return True
    lemma = token.lemma.casefold()
    if lemma in context.rules.party_nouns or lemma in context.kb.inhabitants:
        return True
    return len(lemma) > 5 and lemma.endswith(context.rules.party_endings)


def _possessor_of(context: _Document, event: Event, argument: EventArgument) -> str | None:
    """ "zijn bewind", "haar regering": the country of the party the possessive stands for."""
    sentence = context.sentences.get(event.sentence_index)
    first = _token_at(sentence, argument.start) if sentence is not None else None
    if sentence is None or first is None:
        return None
    # The possessive opens the phrase or stands right before the mention ("zijn bewind").
    candidates = [sentence.tokens[i] for i in (first, first - 1) if i >= 0]
    token = next((t for t in candidates if t.morph.pron_type is PronType.POSSESSIVE), None)
    if token is None:
        return None
    pronoun = EventArgument(
        token.start, token.end, token.text, None, None, None, None, None, "pronoun", 0.0
    )
    referent = _referent(context, event, pronoun, possessive=True)
    return referent.country


def _codes_of(arguments: Iterable[EventArgument]) -> frozenset[str]:
    """The countries the other side of an event names."""
    return frozenset(a.country for a in arguments if a.country)


def _event_country(
    context: _Document,
    event: Event,
    *,
    acting: bool,
    avoid: frozenset[str],
) -> tuple[str, str] | None:
    """Where a party of the event belongs: the event's place (a doer only for kinds of
    events done where the doer is), else its paragraph's country, else the article's.

    The paragraph and the article are read first without the countries the event's other
    side names: "De president vroeg Rusland om hulp" in a paragraph naming only Russia is
    not Russia asking itself; the article's own country decides.
    """
    place = context.places.get(event.event_id)
    if place is not None and (not acting or event.event_type in context.rules.place_actor_types):
        return place.place.country, "place-country"
    sentence = context.sentences.get(event.sentence_index)
    block = context.block_countries.get(sentence.block_index, Counter()) if sentence else Counter()
    for leave_out in (avoid, frozenset()):
        for counts, method in ((block, "paragraph-country"), (context.focus, "focus-country")):
            winner = _clear_winner(Counter({c: n for c, n in counts.items() if c not in leave_out}))
            if winner is not None:
                return winner, method
    return None


def _with_country(argument: EventArgument, country: str, method: str, sure: float) -> EventArgument:
    """The argument placed in a country: ``group:KAZ-COP`` for a sector, else the country."""
    actor_id = f"group:{country}-{argument.sector}" if argument.sector else None
    name = f"{country} {argument.sector}" if argument.sector else argument.text
    return replace(
        argument,
        actor_id=actor_id,
        name=name,
        code=country,
        country=country,
        method=f"{argument.method}+{method}",
        confidence=min(argument.confidence or sure, sure),
    )


def _unknown(argument: EventArgument) -> EventArgument:
    """A party nobody can place: PLOVER's UNK, with its words."""
    return replace(argument, code=UNKNOWN, method=f"{argument.method}+unknown", confidence=0.0)


def _demonym_in(kb: KnowledgeBase, text: str) -> str | None:
    """A demonym adjective or inhabitant noun among a phrase's words ("Indonesische
    dierenactivisten")."""
    for word in text.casefold().split():
        found = kb.adjectives.get(word) or kb.inhabitants.get(word)
        if found:
            return found
    return None


def _implicit_actor(context: _Document, event: Event) -> list[EventArgument]:
    """An event without a doer whose doer is a sector: the police or judiciary for acts of
    authority, the people for a protest; its country is found later."""
    sector = context.rules.implicit_actors.get(
        (event.event_type, event.mode)
    ) or context.rules.implicit_actors.get((event.event_type, ""))
    if sector is None:
        return []
    start = event.trigger_start
    return [EventArgument(start, start, "", None, None, None, None, sector, "implicit-actor", 0.5)]


def _accused(context: _Document, event: Event, earlier: list[Event]) -> list[EventArgument]:
    """The doer of a crime the same sentence punishes someone for ("tien jaar cel voor de
    moord op ..."): the punished, charged or arrested, as the text tells it."""
    rules = context.rules
    sentence = context.sentences.get(event.sentence_index)
    crime = _token_at(sentence, event.trigger_start) if sentence is not None else None
    if sentence is None or crime is None or event.event_type not in rules.accused_crimes:
        return []
    for punished in reversed(earlier):
        if punished.sentence_index != event.sentence_index:
            break
        if punished.event_type not in rules.accused_by or not punished.recipients:
            continue
        end = _token_at(sentence, punished.trigger_end - 1)
        between = sentence.tokens[end + 1 : crime] if end is not None else []
        if len(between) <= rules.accused_gap and any(
            t.lemma.casefold() in rules.accused_words for t in between
        ):
            return [
                replace(
                    a,
                    method=f"{a.method}+accused",
                    confidence=min(a.confidence or 1.0, _CONFIDENCE["accused"]),
                )
                for a in punished.recipients
            ]
    return []


def _same_subject(context: _Document, event: Event) -> list[EventArgument]:
    """A verb clause with no subject of its own goes on with the previous sentence's
    subject in the same paragraph ("De premier landde in Kiev. Sprak daar met ...")."""
    sentence = context.sentences.get(event.sentence_index)
    if sentence is None or event.sentence_index == 0:
        return []
    tree = Tree.of(sentence)
    trigger = _token_at(sentence, event.trigger_start)
    if trigger is None or sentence.tokens[trigger].pos is not Pos.VERB:
        return []
    if tree.subject(trigger) is not None:
        return []
    previous = context.sentences.get(event.sentence_index - 1)
    if previous is None or previous.block_index != sentence.block_index:
        return []
    subject = _subject_mentions(context, previous)
    return [
        replace(EventArgument.of(m), method=f"{m.method}+same-subject", confidence=0.55)
        for m in subject
    ]


def _subject_mentions(context: _Document, sentence: Sentence) -> list[ActorMention]:
    """Resolved parties in the subject of a sentence's finite verb."""
    tree = Tree.of(sentence)
    for token in sentence.tokens:
        if not token.finite:
            continue
        subject = tree.subject(token.index)
        if subject is None:
            continue
        start, end = tree.span(subject)
        found = [
            m
            for m in context.mentions
            if m.sentence_index == sentence.index
            and start <= m.start
            and m.end <= end
            and m.actor_id
        ]
        if found:
            return found
    return []


def _token_at(sentence: Sentence, position: int) -> int | None:
    """The index of the token that starts at or contains a character position."""
    for token in sentence.tokens:
        if token.start <= position < token.end:
            return token.index
    return None


def _referent(
    context: _Document, event: Event, argument: EventArgument, *, possessive: bool = False
) -> EventArgument:
    """A pronoun argument as the party it stands for; any other argument as it is. A
    possessive ("zijn", "haar", "hun") stands for a person, a group or a state alike."""
    if argument.method != "pronoun":
        return argument
    sentence = context.sentences.get(event.sentence_index)
    if sentence is None:
        return argument
    word = argument.text.casefold()
    if possessive:
        word = "hij" if word == "zijn" else "zij"
    plural = None if possessive else _plural_clause(sentence, argument.start)
    candidates = [
        m
        for m in context.mentions
        if m.actor_id
        and m.kind in _PARTY_KINDS
        and m.end <= argument.start
        and _fits_pronoun(context.rules, word, m, plural)
    ]
    if not candidates:
        return argument
    best = max(candidates, key=lambda m: _salience(context, m, sentence))
    if _salience(context, best, sentence) < -3:
        return argument
    return replace(
        EventArgument.of(best),
        start=argument.start,
        end=argument.end,
        text=argument.text,
        method="pronoun",
        confidence=_CONFIDENCE["pronoun"],
    )


def _plural_clause(sentence: Sentence, position: int) -> bool | None:
    """Whether the finite verb of the pronoun's clause is plural (None if not told)."""
    index = _token_at(sentence, position)
    if index is None:
        return None
    head = sentence.tokens[index].head
    verb = sentence.tokens[head] if 0 <= head < len(sentence.tokens) else None
    if verb is None or not verb.finite or verb.morph.number is None:
        return None
    return verb.morph.number is Number.PLURAL


def _fits_pronoun(
    rules: ArgumentRules, word: str, mention: ActorMention, plural: bool | None
) -> bool:
    """Whether a pronoun can stand for a mention: a person, several, or a state/organisation."""
    person = mention.kind == "person"
    if plural is True:
        return word in rules.plural_pronouns and not person
    if person:
        return word in rules.person_pronouns
    return word in rules.thing_pronouns or (plural is None and word in rules.plural_pronouns)


def _salience(context: _Document, mention: ActorMention, sentence: Sentence) -> float:
    """Nearer, in the same paragraph, the subject of its sentence: more salient."""
    distance = sentence.index - mention.sentence_index
    own = context.sentences.get(mention.sentence_index)
    score = -float(distance)
    if own is not None and own.block_index == sentence.block_index:
        score += 1.0
    if own is not None and mention in _subject_mentions(context, own):
        score += 1.5
    return score


def _earlier_event(
    context: _Document, event: Event, argument: EventArgument, earlier: list[Event]
) -> EventArgument:
    """ "deze actie", "die beslissing": the actor of the event the article reported before."""
    words = argument.text.casefold().split()
    if len(words) < 2 or words[-1] not in context.rules.discourse_nouns:
        return argument
    if not set(words[:-1]) & context.rules.demonstratives:
        return argument
    before = [e for e in earlier if e.actors and e.trigger_start < event.trigger_start]
    if not before:
        return argument
    actor = before[-1].actors[0]
    return replace(
        actor,
        start=argument.start,
        end=argument.end,
        text=argument.text,
        method="earlier-event",
        confidence=_CONFIDENCE["earlier-event"],
    )


_STATES: dict[str, frozenset[str]] = {}


def _states(kb: KnowledgeBase) -> frozenset[str]:
    """The ISO3 codes of the knowledge base's states: the countries a party can have
    (organisations carry IGO, EUR, UNO … instead); worked out once per version."""
    if kb.version not in _STATES:
        _STATES[kb.version] = frozenset(
            a.code for a in kb.actors.values() if a.kind == "state" and a.code
        )
    return _STATES[kb.version]


def _countries_named(
    sentence: Sentence,
    mentions: Iterable[ActorMention],
    places: Iterable[PlaceMention],
    kb: KnowledgeBase,
) -> list[str]:
    """The states a sentence names: its parties' and places' countries, and the demonyms
    that describe anything ("het Duitse spoor")."""
    found = [
        m.country
        for m in mentions
        if m.sentence_index == sentence.index and m.country and m.kind in _PARTY_KINDS
    ]
    found += [p.place.country for p in places if p.sentence_index == sentence.index]
    claimed = [(m.start, m.end) for m in mentions if m.sentence_index == sentence.index]
    for token in sentence.tokens:
        country = kb.adjectives.get(token.text.casefold())
        if country and not any(s <= token.start < e for s, e in claimed):
            found.append(country)
    return [c for c in found if c]


def _block_countries(
    sentences: dict[int, Sentence],
    mentions: tuple[ActorMention, ...],
    places: list[PlaceMention],
    kb: KnowledgeBase,
) -> dict[int, Counter[str]]:
    """Block → how often its sentences name each country."""
    counts: dict[int, Counter[str]] = {}
    for sentence in sentences.values():
        counts.setdefault(sentence.block_index, Counter()).update(
            _countries_named(sentence, mentions, places, kb)
        )
    return counts


def _focus(
    sentences: dict[int, Sentence],
    mentions: tuple[ActorMention, ...],
    places: list[PlaceMention],
    kb: KnowledgeBase,
    rules: ArgumentRules,
) -> Counter[str]:
    """How often the article names each country, the title and lead counting more."""
    counts: Counter[str] = Counter()
    first_body = min((s.index for s in sentences.values() if s.block_kind == "body"), default=None)
    for sentence in sentences.values():
        weight = 1
        if sentence.block_kind == "title":
            weight = rules.title_weight
        elif sentence.index == first_body:
            weight = rules.lead_weight
        for country in _countries_named(sentence, mentions, places, kb):
            counts[country] += weight
    return counts


def _clear_winner(counts: Counter[str]) -> str | None:
    """The most frequent country if no other is as frequent."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
