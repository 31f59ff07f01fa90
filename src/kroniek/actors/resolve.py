"""Resolve the actors of one analysed document against the knowledge base.

Four rules, applied per sentence in this order; a span claimed by an earlier
rule is not claimed again:

1. ``name`` - known names, aliases, acronyms and surnames found by a phrase
   scan over the tokens (longest match first), which also catches names that
   Frog's NER missed or mislabelled;
2. ``role-description`` / ``sector-noun`` / ``predecessor`` - noun phrases:
   a sector noun with a demonym (``Russische troepen`` → RUS MIL), an office
   title with a country (``de Kazachse president`` → whoever held it on the
   document date), ``zijn voorganger``;
3. ``fuzzy`` - remaining PER/ORG mentions matched approximately (rapidfuzz,
   threshold measured in ``bench/measure_name_matching.py``);
4. ``unmatched`` - remaining PER/ORG mentions stay unresolved with their text.

A person's sector and role follow the document date: in office → GOV with
the office; out of office → ELI (former official).  No rule guesses a
country: a sector noun without a country keeps country None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz, process

from kroniek.actors.knowledge import ROLES, Actor, KnowledgeBase, SectorNoun, Tenure
from kroniek.actors.names import name_key
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    EntityMention,
    Pos,
    ResolvedActors,
    Sentence,
    SourceDocument,
    Token,
)

FUZZY_THRESHOLD = 95.0
"""rapidfuzz ratio on name keys: the lowest threshold with no false match among the
knowledge base's own names (``bench/measure_name_matching.py``; at 90 there were 14)."""

RESOLVER_VERSION = 4
"""Bump when a rule changes: documents resolved by an older resolver are resolved again."""
_KIND_PREFERENCE = {"person": 0, "organisation": 1, "state": 2, "seat": 3, "historical_state": 4}
_ACTOR_LABELS = ("PER", "ORG")


@dataclass
class _Document:
    """The document being resolved and what has been seen in it so far."""

    text: str
    kb: KnowledgeBase
    day: date | None
    people: set[str] = field(default_factory=set)
    last_office: Tenure | None = None
    country_for_role: dict[str, str] = field(default_factory=dict)


def resolution_day(doc: SourceDocument) -> date | None:
    """The date roles are resolved for: the publication day, mid-month, or None."""
    if doc.published is None:
        return None
    parts = [int(p) for p in doc.published.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) == 3 else 15)


def resolve_actors(
    doc: SourceDocument, analysed: AnalysedDocument, kb: KnowledgeBase
) -> ResolvedActors:
    """Every actor mention of the document, resolved as far as the evidence allows."""
    state = _Document(doc.text, kb, resolution_day(doc))
    found: list[ActorMention] = []
    for sentence in analysed.sentences:
        entities = [m for m in analysed.mentions if m.sentence_index == sentence.index]
        claimed = _names(state, sentence, entities)
        leftovers = [
            m
            for m in entities
            if m.label in _ACTOR_LABELS and not _overlaps(m.start, m.end, claimed)
        ]
        unresolved: list[ActorMention] = []
        for mention in leftovers:
            for result in _fallback(state, mention.text, mention.start, mention.end):
                (claimed if result.actor_id else unresolved).append(result)
        # Noun phrases see every person found so far ("premier" + "Charles Michel").
        claimed += _noun_phrases(state, sentence, claimed)
        claimed += [m for m in unresolved if not _overlaps(m.start, m.end, claimed)]
        found += sorted(
            (replace(m, sentence_index=sentence.index) for m in claimed), key=lambda m: m.start
        )
    return ResolvedActors(doc.doc_id, tuple(found), resolution_version(kb))


def resolution_version(kb: KnowledgeBase) -> str:
    """What a stored resolution was made with: knowledge-base and resolver versions."""
    return f"{kb.version} resolver-{RESOLVER_VERSION}"


def _overlaps(start: int, end: int, claimed: list[ActorMention]) -> bool:
    """True when the span overlaps a mention already claimed."""
    return any(start < m.end and m.start < end for m in claimed)


def _names(
    state: _Document, sentence: Sentence, entities: list[EntityMention]
) -> list[ActorMention]:
    """Rule 1: known names in the sentence, longest match first, left to right."""
    tokens = sentence.tokens
    found: list[ActorMention] = []
    i = 0
    while i < len(tokens):
        hit = _name_at(state, tokens, i)
        if (
            hit is None
            or _inside_unknown_name(state, hit[0], entities)
            or _seat_as_place(state, tokens, i, hit)
        ):
            i += 1
            continue
        mention, width = hit
        found.append(mention)
        i += width
    return found


def _seat_as_place(
    state: _Document, tokens: tuple[Token, ...], i: int, hit: tuple[ActorMention, int]
) -> bool:
    """A seat of power used as a place ("in Brussel", a dateline "BRUSSEL") is not an actor.

    Where the government sits is not who acts: "Audi bouwt een fabriek in Brussel"
    says nothing about the EU.  Places are the place stage's business.
    """
    mention, width = hit
    if mention.kind != "seat":
        return False
    after_preposition = i > 0 and tokens[i - 1].text.casefold() in state.kb.locative_words
    dateline = width == len(tokens)
    return after_preposition or dateline


def _inside_unknown_name(
    state: _Document, mention: ActorMention, entities: list[EntityMention]
) -> bool:
    """True when a match is part of a longer name we do not know.

    "Veiligheidsraad" inside "Nationale Veiligheidsraad" (Kazakhstan's) is not
    the UN Security Council; "Poetin" inside Frog's span "Tokajev Poetin" is
    Poetin, because the rest ("Tokajev") is a known name itself.
    """
    for entity in entities:
        if (
            entity.start <= mention.start
            and mention.end <= entity.end
            and (entity.start, entity.end) != (mention.start, mention.end)
        ):
            rest = (
                state.text[entity.start : mention.start]
                + " "
                + state.text[mention.end : entity.end]
            )
            unknown = [
                w for w in rest.split() if w[:1].isupper() and name_key(w) not in state.kb.by_key
            ]
            if unknown:
                return True
    return False


def _name_at(
    state: _Document, tokens: tuple[Token, ...], i: int
) -> tuple[ActorMention, int] | None:
    """The longest known name starting at token ``i``, and how many tokens it covers."""
    kb, first = state.kb, tokens[i]
    # Names start with a capital ("het Kremlin" is found through its alias "Kremlin").
    if not first.text[:1].isupper():
        return None
    acronym = kb.acronyms.get(first.text)
    if acronym:
        actor = kb.actors[sorted(acronym)[0]]
        span = (first.start, first.end)
        return _mention(state, span, actor, confidence=0.95, method="acronym"), 1
    # Frog sometimes glues a sentence-opening article to a name ("De ECB"): skip it.
    head, _, rest = first.text.partition(" ")
    offset = len(head) + 1 if rest and head.casefold() in kb.name_articles else 0
    for width in range(min(kb.longest_name, len(tokens) - i), 0, -1):
        last = tokens[i + width - 1]
        if not any(c.isalnum() for c in last.text):
            continue  # a name never ends in punctuation, though its key ignores it
        candidates = kb.by_key.get(name_key(state.text[first.start + offset : last.end]))
        if not candidates:
            continue
        words = len(state.text[first.start : last.end].split())
        choice = _choose(state, candidates, first, words)
        if choice is not None:
            actor, confidence = choice
            span = (first.start + offset, last.end)
            return _mention(state, span, actor, confidence=confidence, method="name"), width
    return None


def _choose(
    state: _Document, candidates: set[str], first: Token, words: int
) -> tuple[Actor, float] | None:
    """Pick one actor for a name of ``words`` words; None for a one-word non-proper-noun match."""
    actors = [state.kb.actors[c] for c in sorted(candidates)]
    actors = [a for a in actors if _valid_on(a, state.day)]
    if not actors:
        return None
    if words == 1 and all(a.kind == "person" for a in actors) and not _proper_noun(first):
        return None
    ranked = sorted(actors, key=lambda a: _rank(state, a, first.entity == "PER"))
    best = ranked[0]
    if words == 1 and best.kind == "person":
        return best, _surname_confidence(state, best)
    return best, 0.95 if len(actors) == 1 else 0.7


def _surname_confidence(state: _Document, person: Actor) -> float:
    """A surname alone is sure when the full name came earlier, fair when in office, else weak."""
    if person.actor_id in state.people:
        return 0.9
    day = state.day
    if day and any(t.covers(day) for t in state.kb.tenures.get(person.actor_id, [])):
        return 0.8
    return 0.6


def _proper_noun(token: Token) -> bool:
    """A proper noun, a noun the analyser calls proper, or a word inside a named entity."""
    return token.pos is Pos.PROPN or token.morph.proper or token.entity is not None


def _valid_on(actor: Actor, day: date | None) -> bool:
    """A seat of power stands for its government only within its dates (Bonn until 1999).

    Historical states are always valid: articles recall the Soviet Union.
    """
    if day is None or actor.kind != "seat":
        return True
    after_start = actor.valid_from is None or actor.valid_from <= day
    return after_start and (actor.valid_to is None or day <= actor.valid_to)


def _rank(state: _Document, actor: Actor, person_entity: bool) -> tuple[int, int, int]:
    """Sort key among same-named actors: seen in the document, in office, kind."""
    seen = 0 if actor.actor_id in state.people else 1
    tenures = state.kb.tenures.get(actor.actor_id, [])
    day = state.day
    in_office = 0 if day and any(t.covers(day) for t in tenures) else 1
    kind = _KIND_PREFERENCE.get(actor.kind, 9)
    if actor.kind == "person" and person_entity:
        kind = -1
    return seen, in_office, kind


def person_status(
    kb: KnowledgeBase, actor: Actor, day: date | None
) -> tuple[str | None, str | None, str | None, Tenure | None]:
    """Country, sector, role and current tenure of a person on ``day``."""
    tenures = kb.tenures.get(actor.actor_id, [])
    if not tenures:
        return actor.country, actor.sector, None, None
    if day is None:
        return tenures[-1].country, None, None, None
    current = [t for t in tenures if t.covers(day)]
    if current:
        best = min(current, key=lambda t: ROLES.index(t.role) if t.role in ROLES else 9)
        return best.country, best.sector, best.role or None, best
    past = [t for t in tenures if t.end is not None and t.end < day]
    if past:
        last = max(past, key=lambda t: t.end or day)
        return last.country, "ELI", f"former {last.role}" if last.role else None, None
    return tenures[0].country, None, None, None


def _mention(
    state: _Document, span: tuple[int, int], actor: Actor, *, confidence: float, method: str
) -> ActorMention:
    """An ActorMention for a resolved actor over a character span."""
    country, sector, role = actor.country, actor.sector, None
    if actor.kind == "person":
        country, sector, role, tenure = person_status(state.kb, actor, state.day)
        state.people.add(actor.actor_id)
        if tenure is not None:
            state.last_office = tenure
            state.country_for_role[tenure.role] = tenure.country
    return ActorMention(
        sentence_index=-1,
        start=span[0],
        end=span[1],
        text=state.text[span[0] : span[1]],
        actor_id=actor.actor_id,
        kind=actor.kind,
        name=actor.name,
        code=actor.code,
        country=country,
        sector=sector,
        role=role,
        confidence=confidence,
        method=method,
    )


def _noun_phrases(
    state: _Document, sentence: Sentence, claimed: list[ActorMention]
) -> list[ActorMention]:
    """Rule 2: sector nouns and office titles with their country, and 'zijn voorganger'."""
    kb = state.kb
    found: list[ActorMention] = []
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if _overlaps(token.start, token.end, claimed + found):
            continue
        lowered = token.text.casefold()
        if lowered in kb.predecessor_words:
            found += _predecessor(state, token)
            continue
        noun, former, width = _sector_noun(kb, tokens, i)
        if noun is not None:
            span = (i, i + width - 1)
            found.append(_sector_mention(state, tokens, span, noun, former=former, names=claimed))
        elif lowered in kb.inhabitants and not _ethnic(tokens, i, kb):
            country = kb.inhabitants[lowered]
            span = (token.start, token.end)
            found.append(_group(state, span, country, sector="CVL", method="inhabitants"))
    return found


def _ethnic(tokens: tuple[Token, ...], i: int, kb: KnowledgeBase) -> bool:
    """``etnische Russen``: people of a descent, not a state."""
    return i > 0 and tokens[i - 1].text.casefold() in kb.ethnic_words


def _sector_noun(
    kb: KnowledgeBase, tokens: tuple[Token, ...], i: int
) -> tuple[SectorNoun | None, bool, int]:
    """The sector noun starting at token ``i`` (longest first), whether it is 'former', its width.

    ``oud-president`` is the noun ``president`` behind a 'former' prefix.
    """
    for width in range(min(kb.longest_sector_form, len(tokens) - i), 0, -1):
        phrase = " ".join(t.text for t in tokens[i : i + width])
        for form in (phrase, phrase[:1].lower() + phrase[1:]):
            if form in kb.sector_nouns:
                return kb.sector_nouns[form], False, width
            for prefix in kb.former_prefixes:
                rest = form[len(prefix) :]
                if form.startswith(prefix) and rest in kb.sector_nouns:
                    return kb.sector_nouns[rest], True, width
    return None, False, 1


def _person_right_after(
    tokens: tuple[Token, ...], last: int, names: list[ActorMention]
) -> ActorMention | None:
    """The person whose name starts at the token after ``last``, if any."""
    if last + 1 >= len(tokens):
        return None
    start = tokens[last + 1].start
    return next((m for m in names if m.start == start and m.kind == "person"), None)


def _after_article(tokens: tuple[Token, ...], first: int, kb: KnowledgeBase) -> bool:
    """True when the phrase follows a definite article: "de premier", not "even president"."""
    return first > 0 and tokens[first - 1].text.casefold() in kb.definite_articles


def _country_before(
    tokens: tuple[Token, ...], i: int, kb: KnowledgeBase
) -> tuple[str | None, int, bool]:
    """Demonym adjective among the words before token ``i``: country, first index, former."""
    country, first, former = None, i, False
    for j in range(i - 1, max(-1, i - 4), -1):
        word = tokens[j].text.casefold()
        if word in kb.adjectives and country is None:
            country, first = kb.adjectives[word], j
        elif word in kb.former_words:
            former, first = True, min(first, j)
        elif tokens[j].pos is not Pos.ADJ:
            break
    return country, first, former


def _country_after(tokens: tuple[Token, ...], i: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """``de president van Kazachstan``: a state named in a van-phrase after the noun."""
    if i + 2 < len(tokens) and tokens[i + 1].text in kb.country_of_words:
        key = name_key(tokens[i + 2].text)
        states = [kb.actors[a] for a in kb.by_key.get(key, set()) if a.startswith("state:")]
        if len(states) == 1:
            return states[0].code, i + 2
    return None, i


def _sector_mention(
    state: _Document,
    tokens: tuple[Token, ...],
    noun_span: tuple[int, int],
    noun: SectorNoun,
    *,
    former: bool,
    names: list[ActorMention],
) -> ActorMention:
    """A sector noun phrase → an office holder, or a country's sector group."""
    kb = state.kb
    country, first, former_word = _country_before(tokens, noun_span[0], kb)
    last = noun_span[1]
    former = former or former_word
    named = _person_right_after(tokens, last, names)
    if noun.role and named is not None:
        # "president Kasym-Zjomart Tokajev": the title belongs to the name that follows;
        # "voormalig premier Boris Johnson": the text itself says he no longer holds it.
        span_text = state.text[tokens[first].start : tokens[last].end]
        title = replace(
            named,
            start=tokens[first].start,
            end=tokens[last].end,
            text=span_text,
            method="title-of-name",
        )
        if former:
            title = replace(title, sector="ELI", role=f"former {noun.role}")
        return title
    if country is None:
        country, last = _country_after(tokens, last, kb)
    if noun.role and not former:
        if country is None and _after_article(tokens, first, kb):
            # "de premier": the country last seen with this office in the document.
            country = state.country_for_role.get(noun.role)
        holder = kb.holder(country, noun.role, state.day) if country and state.day else None
        if holder is not None:
            actor = kb.actors[holder.person_id]
            span = (tokens[first].start, tokens[last].end)
            return _mention(state, span, actor, confidence=0.85, method="role-description")
    sector = "ELI" if former else noun.sector
    span = (tokens[first].start, tokens[last].end)
    return _group(state, span, country, sector=sector, method="sector-noun")


def _group(
    state: _Document, span: tuple[int, int], country: str | None, *, sector: str, method: str
) -> ActorMention:
    """A country's sector as an actor (``RUS MIL``), or a sector without a known country."""
    return ActorMention(
        sentence_index=-1,
        start=span[0],
        end=span[1],
        text=state.text[span[0] : span[1]],
        actor_id=f"group:{country}-{sector}" if country else None,
        kind="group",
        name=f"{country} {sector}" if country else None,
        code=country,
        country=country,
        sector=sector,
        role=None,
        confidence=(0.6 if method == "inhabitants" else 0.8) if country else 0.5,
        method=method,
    )


def _predecessor(state: _Document, token: Token) -> list[ActorMention]:
    """``zijn voorganger``: who held the office of the last office holder mentioned before."""
    if state.last_office is None:
        return []
    previous = state.kb.predecessor(state.last_office)
    if previous is None:
        return []
    actor = state.kb.actors[previous.person_id]
    span = (token.start, token.end)
    return [_mention(state, span, actor, confidence=0.7, method="predecessor")]


def _fallback(state: _Document, span_text: str, start: int, end: int) -> list[ActorMention]:
    """Rules 3 and 4 for a PER/ORG mention no name claimed: its words, fuzzy, or unresolved.

    Frog sometimes merges neighbours into one token or one mention ("Tokajev
    Poetin", "Poetin Ruslands"), so the mention's own words are looked up
    before fuzzy matching.
    """
    parts = _known_words(state, span_text, start)
    if parts:
        return parts
    fuzzy = _fuzzy(state, span_text, start, end)
    if fuzzy is not None:
        return [fuzzy]
    return [
        ActorMention(
            -1,
            start,
            end,
            span_text,
            None,
            "unresolved",
            None,
            None,
            None,
            None,
            None,
            0.0,
            "unmatched",
        )
    ]


def _known_words(state: _Document, span_text: str, start: int) -> list[ActorMention]:
    """Known names inside a mention, longest first: "Charles Michel" before "Charles".

    Only when every capitalised word is part of some known name: "Tokajev
    Poetin" is two people, "Nationale Veiligheidsraad" one unknown council.
    """
    words = list(re.finditer(r"[\w-]+", span_text))
    capitalised = [w.group() for w in words if w.group()[:1].isupper()]
    if any(name_key(word) not in state.kb.by_key for word in capitalised):
        return []
    found = []
    i = 0
    while i < len(words):
        hit = _known_span(state, span_text, start, words, i)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i += hit[1]
    return found


def _known_span(
    state: _Document, span_text: str, start: int, words: list[re.Match[str]], i: int
) -> tuple[ActorMention, int] | None:
    """The longest run of words from ``words[i]`` that is a known name, and its length."""
    if not words[i].group()[:1].isupper():
        return None
    for width in range(len(words) - i, 0, -1):
        begin, end = words[i].start(), words[i + width - 1].end()
        ids = state.kb.by_key.get(name_key(span_text[begin:end]), set())
        if not ids:
            continue
        # Sorted ids first: a set iterates in a different order in every process.
        actors = sorted(
            (state.kb.actors[a] for a in sorted(ids)), key=lambda a: _rank_plain(state, a)
        )
        confidence = 0.9 if len(actors) == 1 else 0.7
        if actors[0].kind == "person" and width == 1:
            confidence = _surname_confidence(state, actors[0])
        span = (start + begin, start + end)
        mention = _mention(state, span, actors[0], confidence=confidence, method="name-in-mention")
        return mention, width
    return None


def _rank_plain(state: _Document, actor: Actor) -> tuple[int, int, int]:
    """Rank same-named actors without a token to look at."""
    return _rank(state, actor, person_entity=False)


def _fuzzy(state: _Document, span_text: str, start: int, end: int) -> ActorMention | None:
    """A close (not exact) match on the full names of people and organisations."""
    kb = state.kb
    match = process.extractOne(
        name_key(span_text), kb.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
    )
    if match is None:
        return None
    actors = [
        kb.actors[a]
        for a in sorted(kb.by_key[match[0]])
        if kb.actors[a].kind in ("person", "organisation")
    ]
    if len(actors) != 1:
        return None
    actor = actors[0]
    country, sector, role = actor.country, actor.sector, None
    if actor.kind == "person":
        country, sector, role, _ = person_status(kb, actor, state.day)
    return ActorMention(
        -1,
        start,
        end,
        span_text,
        actor.actor_id,
        actor.kind,
        actor.name,
        actor.code,
        country,
        sector,
        role,
        round(match[1] / 100, 2),
        "fuzzy",
    )
