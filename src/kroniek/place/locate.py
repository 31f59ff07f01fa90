"""Placing events: the places a document names, and where each event happened.

Place names are Frog's LOC mentions, resolved in the gazetteer with the states
the document is about as context (so Tripoli in a text about Lebanon is the
Lebanese city).  An event is located by, in this order:

1. a place in its own clause, in a phrase of a locative preposition
   (``data/locating_nl.toml``) attached to the trigger, to a verb it hangs from, or
   to one of their arguments: "protesten *in Almaty*", "troepen *naar Kazachstan* sturen";
2. else the place nearest to the trigger in its sentence — not a name that is
   the event's actor or recipient ("een verzoek aan Rusland"), and, when the
   participants have countries, only a place in one of them;
3. else a photo caption with an event of the same type ("Protest in Almaty")
   — a caption illustrates the current news, so only for events that are not
   historical and whose arguments (if they have a country) lie in the caption
   place's country;
4. else the last place named in its paragraph before it (with the same checks as 2);
5. else the country of its recipient, else of its actor.

Each location keeps the words (or the argument) it was taken from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from kroniek.data_files import digest, read_toml
from kroniek.nlp.syntax import Tree
from kroniek.place.gazetteer import Gazetteer
from kroniek.records import (
    AnalysedDocument,
    CodedEvents,
    Event,
    EventPlace,
    PlaceMention,
    Relation,
    ResolvedActors,
    Sentence,
)

LOCATOR_VERSION = "kroniek-locator-2"
_PLACE_LABELS = ("LOC",)
_STATE_KINDS = ("state",)


def locator_version() -> str:
    """The locator's version with a digest of its data files."""
    data = digest("kroniek.place.data", ["places_nl.tsv", "locating_nl.toml"])
    return f"{LOCATOR_VERSION}+data.{data}"


@lru_cache(maxsize=1)
def non_state_codes() -> frozenset[str]:
    """PLOVER's country codes of actors that belong to no state."""
    return frozenset(read_toml("kroniek.place.data", "locating_nl.toml")["non_state_codes"])


@lru_cache(maxsize=1)
def locative_prepositions() -> frozenset[str]:
    """Prepositions whose phrase names where something happened."""
    return frozenset(read_toml("kroniek.place.data", "locating_nl.toml")["prepositions"])


def place_mentions(
    analysed: AnalysedDocument, resolved: ResolvedActors, gazetteer: Gazetteer
) -> tuple[PlaceMention, ...]:
    """The document's place names that the gazetteer resolves, in the document's context.

    LOC mentions are looked up as they are.  Frog also tags foreign place names as
    persons or organisations ("Bajkonoer" as PER); a mention of another label that no
    actor claims is read as a place only under a chosen name in a country the
    document is about.
    """
    context = {m.code for m in resolved.mentions if m.kind in _STATE_KINDS and m.code}
    claimed = {(m.start, m.end) for m in resolved.mentions if m.actor_id}
    found = []
    for mention in analysed.mentions:
        if mention.label in _PLACE_LABELS:
            place = gazetteer.resolve(mention.text, context)
        elif (mention.start, mention.end) not in claimed:
            place = gazetteer.resolve_in(mention.text, context)
        else:
            continue
        if place is not None:
            found.append(
                PlaceMention(
                    mention.sentence_index, mention.start, mention.end, mention.text, place
                )
            )
    return tuple(found)


def locate_events(
    analysed: AnalysedDocument,
    coded: CodedEvents,
    named: tuple[PlaceMention, ...],
    gazetteer: Gazetteer,
) -> tuple[EventPlace, ...]:
    """A location for every event that has one, with the evidence it came from."""
    sentences = {s.index: s for s in analysed.sentences}
    captions = _caption_places(analysed, coded, named)
    located = []
    for event in coded.events:
        sentence = sentences[event.sentence_index]
        reports = _reports(event)
        place = (
            next(
                (p for r in reports if (p := _in_clause(sentences[r.sentence_index], r, named))),
                None,
            )
            or next(
                (p for r in reports if (p := _in_sentence(r, sentences[r.sentence_index], named))),
                None,
            )
            or _from_caption(event, captions)
            or _in_paragraph(event, sentence, analysed, named)
            or _argument_country(event, gazetteer)
        )
        if place is not None:
            located.append(replace(place, event_id=event.event_id))
    return tuple(located)


def _first(found: Iterable[EventPlace | None]) -> EventPlace | None:
    """The first place found."""
    return next((p for p in found if p is not None), None)


def _reports(event: Event) -> list[Event]:
    """The event as each of its reports: its own trigger first, then the other mentions."""
    others = [
        replace(
            event,
            sentence_index=m.sentence_index,
            trigger_start=m.trigger_start,
            trigger_end=m.trigger_end,
            trigger_text=m.trigger_text,
        )
        for m in event.mentions[1:]
    ]
    return [event, *others]


def _at(event: Event, mention: PlaceMention, basis: str) -> EventPlace:
    """An event location taken from a place mention."""
    return EventPlace(
        event.event_id, mention.place, basis, mention.start, mention.end, mention.text
    )


def _in_clause(
    sentence: Sentence, event: Event, named: Iterable[PlaceMention]
) -> EventPlace | None:
    """A place in a locative phrase on the trigger, a verb above it, or their arguments."""
    tree = Tree.of(sentence)
    trigger = next(
        (t.index for t in sentence.tokens if t.start <= event.trigger_start < t.end), None
    )
    if trigger is None:
        return None
    path = set(tree.climb(trigger))
    # The trigger's own phrases and those of its arguments: "troepen naar Kazachstan sturen".
    reach = path | {c for node in path for c in tree.children[node]}
    locative = locative_prepositions()
    phrases = {
        c
        for node in reach
        for c in tree.children[node]
        if tree.token(c).lemma.casefold() in locative
    }
    for mention in named:
        if mention.sentence_index != sentence.index:
            continue
        heads = {
            t.head for t in sentence.tokens if mention.start <= t.start and t.end <= mention.end
        }
        # "in Almaty": the name hangs from a locative preposition on the trigger's path.
        if heads & phrases:
            return _at(event, mention, "clause")
    return None


def _fits(event: Event, mention: PlaceMention) -> bool:
    """Not one of the event's parties, and in a participant's country when they have one."""
    arguments = (*event.actors, *event.recipients)
    if any(a.start <= mention.start and mention.end <= a.end for a in arguments):
        return False
    # Organisations carry PLOVER's non-state codes (IGO, EUR, …): no place is in them.
    countries = {a.country for a in arguments if a.country} - non_state_codes()
    return not countries or mention.place.country in countries


def _is_subject(sentence: Sentence, mention: PlaceMention) -> bool:
    """Whether the name is the subject of a clause: a country that acts ("heeft Rusland
    zijn greep versterkt") names who does something, not where another event happens."""
    inside = [t for t in sentence.tokens if mention.start <= t.start and t.end <= mention.end]
    return any(t.relation is Relation.SUBJECT for t in inside)


def _in_sentence(
    event: Event, sentence: Sentence, named: Iterable[PlaceMention]
) -> EventPlace | None:
    """The fitting place nearest to the trigger in the event's sentence."""
    here = [
        m
        for m in named
        if m.sentence_index == event.sentence_index
        and _fits(event, m)
        and not _is_subject(sentence, m)
    ]
    if not here:
        return None
    nearest = min(here, key=lambda m: abs(m.start - event.trigger_start))
    return _at(event, nearest, "sentence")


def _caption_places(
    analysed: AnalysedDocument, coded: CodedEvents, named: Iterable[PlaceMention]
) -> dict[str, list[PlaceMention]]:
    """Event type → places named in captions that show an event of that type."""
    captions = {s.index for s in analysed.sentences if s.block_kind == "caption"}
    by_type: dict[str, list[PlaceMention]] = {}
    for event in coded.events:
        for report in _reports(event):
            if report.sentence_index in captions:
                places = [m for m in named if m.sentence_index == report.sentence_index]
                by_type.setdefault(event.event_type, []).extend(places)
    return by_type


def _from_caption(event: Event, captions: dict[str, list[PlaceMention]]) -> EventPlace | None:
    """The place of a caption showing this kind of event, if it fits the event."""
    if "historical" in event.aux:
        return None
    countries = {a.country for a in (*event.actors, *event.recipients) if a.country}
    for mention in captions.get(event.event_type, []):
        if not countries or mention.place.country in countries:
            return _at(event, mention, "caption")
    return None


def _in_paragraph(
    event: Event, sentence: Sentence, analysed: AnalysedDocument, named: Iterable[PlaceMention]
) -> EventPlace | None:
    """The last place named in the event's paragraph before its trigger."""
    block = {s.index: s for s in analysed.sentences if s.block_index == sentence.block_index}
    before = [
        m
        for m in named
        if m.sentence_index in block
        and m.start < event.trigger_start
        and _fits(event, m)
        and not _is_subject(block[m.sentence_index], m)
    ]
    if not before:
        return None
    return _at(event, max(before, key=lambda m: m.start), "paragraph")


def _argument_country(event: Event, gazetteer: Gazetteer) -> EventPlace | None:
    """The country of the first recipient with one, else of the first actor."""
    for basis, arguments in (("recipient", event.recipients), ("actor", event.actors)):
        for argument in arguments:
            place = gazetteer.country(argument.country) if argument.country else None
            if place is not None:
                return EventPlace(
                    event.event_id, place, basis, argument.start, argument.end, argument.text
                )
    return None
