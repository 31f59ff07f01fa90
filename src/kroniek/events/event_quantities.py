"""Attaching counted phrases to the events they count.

``kroniek.events.quantities`` finds "70 man" or "duizenden demonstranten" in a
sentence; this module gives each to the nearest event of the sentence whose
type can carry that kind of number (``data/quantity_events.toml``).  A number
with no such event stays unattached: a count of dead in a sentence with no
attack is not evidence about another event.
"""

from __future__ import annotations

from functools import lru_cache

from kroniek.data_files import digest, read_toml
from kroniek.events.quantities import QuantityMention, find_quantities
from kroniek.records import AnalysedDocument, CodedEvents, Event, EventQuantity, SourceDocument

_DATA = "kroniek.events.data"
QUANTITIES_VERSION = "kroniek-quantities-1"


def quantities_version() -> str:
    """The attachment rules' version with a digest of the quantity and number data."""
    data = digest(_DATA, ["quantities_nl.toml", "quantity_events.toml"])
    return f"{QUANTITIES_VERSION}+data.{data}.{digest('kroniek.nlp.data', ['numbers_nl.toml'])}"


@lru_cache(maxsize=1)
def event_types_by_kind() -> dict[str, frozenset[str]]:
    """Kind of quantity → the PLOVER types it may be attached to."""
    raw = read_toml(_DATA, "quantity_events.toml")
    return {kind: frozenset(types) for kind, types in raw["kinds"].items()}


def quantities_of_events(
    doc: SourceDocument, analysed: AnalysedDocument, coded: CodedEvents
) -> tuple[EventQuantity, ...]:
    """Every attached quantity of the document's events."""
    by_sentence: dict[int, list[Event]] = {}
    for event in coded.events:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    found: list[EventQuantity] = []
    for sentence in analysed.sentences:
        events = by_sentence.get(sentence.index, [])
        if not events:
            continue
        text = doc.text[sentence.start : sentence.end]
        for mention in find_quantities(text, offset=sentence.start):
            owner = _owner(mention, events)
            if owner is not None:
                found.append(_attached(owner, mention))
    return tuple(found)


def _owner(mention: QuantityMention, events: list[Event]) -> Event | None:
    """The nearest event of a type that can carry this kind of number."""
    allowed = event_types_by_kind().get(mention.kind, frozenset())
    fitting = [e for e in events if e.event_type in allowed]
    if not fitting:
        return None
    return min(fitting, key=lambda e: abs(e.trigger_start - mention.start))


def _attached(event: Event, mention: QuantityMention) -> EventQuantity:
    """The quantity as a field of the event."""
    return EventQuantity(
        event.event_id,
        mention.kind,
        mention.low,
        mention.high,
        mention.start,
        mention.end,
        mention.text,
    )
