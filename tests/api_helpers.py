"""A small, fully known database for the API and dashboard tests, written by the one Writer.

Three documents: an article on Kazakhstan (an AID event with a place-less setting and a
PROTEST with place, date and crowd size), an article whose text starts with raw HTML and a
script (an ACCUSE event and a negated THREATEN), and an undated article (a CONSULT).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    Block,
    CodedEvents,
    EntityMention,
    Event,
    EventArgument,
    EventDate,
    EventDates,
    EventMention,
    EventPlace,
    EventPlaces,
    EventQuantity,
    Place,
    PlaceMention,
    Quote,
    ResolvedActors,
    Sentence,
    SourceDocument,
)
from kroniek.stages import StoredStage
from kroniek.store import StageResult, Writer

from .analysis_helpers import HAND, hand_token

HOSTILE = "<script>alert(1)</script><b>bold</b>"

KZ_TEXT = (
    "Rusland stuurde troepen naar Kazachstan.\n\n"
    "Duizenden demonstranten protesteerden woensdag in Almaty tegen de regering."
)
XSS_TEXT = (
    f"{HOSTILE}\n\nOekraïne beschuldigde Rusland van agressie. Rusland dreigde Oekraïne niet."
)
UNDATED_TEXT = "Frankrijk overlegde met Duitsland."

STATES = {
    "Rusland": ("RUS", "Russia"),
    "Kazachstan": ("KAZ", "Kazakhstan"),
    "Oekraïne": ("UKR", "Ukraine"),
    "Frankrijk": ("FRA", "France"),
    "Duitsland": ("DEU", "Germany"),
}
ALMATY = Place(1526384, "Almaty", 43.25, 76.91, "KAZ", "P", "PPL", 2000000)


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    """Start and end of ``words`` in ``text`` at or after ``after``."""
    start = text.index(words, after)
    return start, start + len(words)


def document(doc_id: str, text: str, published: str | None) -> SourceDocument:
    """A source document with one body block per paragraph."""
    blocks, start = [], 0
    for index, paragraph in enumerate(text.split("\n\n")):
        begin = text.index(paragraph, start)
        start = begin + len(paragraph)
        blocks.append(Block(index, "body", begin, start))
    precision = "unknown" if published is None else ("day" if len(published) == 10 else "month")
    digest = hashlib.sha256(text.encode()).hexdigest()
    return SourceDocument(
        doc_id,
        text,
        tuple(blocks),
        None,
        published,
        precision,  # type: ignore[arg-type]
        "nl",
        None,
        "test",
        f"{doc_id}.txt",
        digest,
    )


def analysis(doc: SourceDocument, sentences: list[str]) -> AnalysedDocument:
    """Sentences located in the text, split into whitespace tokens; states as LOC mentions."""
    found, mentions, after = [], [], 0
    for index, sentence in enumerate(sentences):
        start, end = span(doc.text, sentence, after)
        after = end
        tokens, pos = [], start
        for number, word in enumerate(sentence.rstrip(".").split()):
            w_start, w_end = span(doc.text, word, pos)
            pos = w_end
            tokens.append(hand_token(number, (w_start, w_end), word))
            if word in STATES:
                mentions.append(EntityMention(index, "LOC", w_start, w_end, word))
        block = next(b.index for b in doc.blocks if b.start <= start < b.end)
        found.append(Sentence(index, block, "body", start, end, tuple(tokens), parsed=False))
    return AnalysedDocument(doc.doc_id, tuple(found), tuple(mentions), HAND)


def state_argument(text: str, word: str, after: int = 0) -> EventArgument:
    """An event argument resolved to a state."""
    start, end = span(text, word, after)
    code, name = STATES[word]
    return EventArgument(start, end, word, f"state:{code}", name, code, code, "GOV")


def actors_of(analysed: AnalysedDocument, text: str) -> ResolvedActors:
    """Every state mention resolved to its state."""
    mentions = tuple(
        ActorMention(
            m.sentence_index,
            m.start,
            m.end,
            m.text,
            f"state:{STATES[m.text][0]}",
            "state",
            STATES[m.text][1],
            STATES[m.text][0],
            STATES[m.text][0],
            "GOV",
            None,
            1.0,
            "name",
        )
        for m in analysed.mentions
        if text[m.start : m.end] in STATES
    )
    return ResolvedActors(analysed.doc_id, mentions, "test-kb")


def event(
    doc_id: str,
    text: str,
    sentence: int,
    kind: str,
    trigger: str,
    actors: tuple[EventArgument, ...],
    recipients: tuple[EventArgument, ...],
    aux: tuple[str, ...] = (),
    mode: str = "",
) -> Event:
    """An event whose id is doc:sentence:trigger start, as the coder makes them."""
    start, end = span(text, trigger)
    return Event(
        f"{doc_id}:{sentence}:{start}",
        doc_id,
        sentence,
        kind,
        mode,
        (),
        start,
        end,
        trigger,
        actors,
        recipients,
        aux,
        None,
        f"{kind.lower()}.{trigger}",
        0.75,
    )


def mention(event: Event, text: str, trigger: str) -> EventMention:
    """A report of an event by the given words of its sentence."""
    return EventMention(event.sentence_index, *span(text, trigger), trigger, event.rule_id)


def build_database(path: Path, *, settings: bool = True) -> dict[str, Event]:
    """Write the three documents with analyses, actors, events and (optionally) settings."""
    kz = document("kz-1", KZ_TEXT, "2022-01-06")
    xss = document("xss", XSS_TEXT, "2022-02-20")
    undated = document("undated", UNDATED_TEXT, None)
    aid = event(
        "kz-1",
        KZ_TEXT,
        0,
        "AID",
        "stuurde",
        (state_argument(KZ_TEXT, "Rusland"),),
        (state_argument(KZ_TEXT, "Kazachstan"),),
        mode="troops",
    )
    # Reported twice: by its verb and, as test data, by the noun of the same sentence.
    aid = replace(
        aid, mentions=(mention(aid, KZ_TEXT, "stuurde"), mention(aid, KZ_TEXT, "troepen"))
    )
    protester = EventArgument(
        *span(KZ_TEXT, "demonstranten"),
        "demonstranten",
        "group:KAZ-CVL",
        "Kazakh civilians",
        "KAZ",
        "KAZ",
        "CVL",
    )
    protest = event("kz-1", KZ_TEXT, 1, "PROTEST", "protesteerden", (protester,), ())
    accuse = event(
        "xss",
        XSS_TEXT,
        0,
        "ACCUSE",
        "beschuldigde",
        (state_argument(XSS_TEXT, "Oekraïne"),),
        (state_argument(XSS_TEXT, "Rusland"),),
    )
    threat_at = XSS_TEXT.index("Rusland dreigde")
    threaten = event(
        "xss",
        XSS_TEXT,
        1,
        "THREATEN",
        "dreigde",
        (state_argument(XSS_TEXT, "Rusland", threat_at),),
        (state_argument(XSS_TEXT, "Oekraïne", threat_at),),
        aux=("negated",),
    )
    consult = event(
        "undated",
        UNDATED_TEXT,
        0,
        "CONSULT",
        "overlegde",
        (state_argument(UNDATED_TEXT, "Frankrijk"),),
        (state_argument(UNDATED_TEXT, "Duitsland"),),
    )
    scales = {
        aid.event_id: (2, 7.0),
        protest.event_id: (3, -5.0),
        accuse.event_id: (3, -3.0),
        threaten.event_id: (4, -4.0),
        consult.event_id: (1, 4.0),
    }
    plan = [
        (kz, KZ_TEXT.split("\n\n"), (aid, protest)),
        (
            xss,
            ["Oekraïne beschuldigde Rusland van agressie.", "Rusland dreigde Oekraïne niet."],
            (accuse, threaten),
        ),
        (undated, [UNDATED_TEXT], (consult,)),
    ]
    with Writer(path) as writer:
        for doc, sentences, events in plan:
            writer.store_document(doc, "stored")
            analysed = analysis(doc, sentences)
            writer.store_analysis(analysed)
            store(writer, actors_of(analysed, doc.text))
            scored = tuple(
                replace(e, quad_code=scales[e.event_id][0], event_scale=scales[e.event_id][1])
                for e in events
            )
            extra = kz_counts_and_quotes(protest.event_id) if settings and doc is kz else ((), ())
            store(writer, CodedEvents(doc.doc_id, scored, "test-coder", *extra))
        if settings:
            for result in kz_places_and_dates(protest.event_id):
                store(writer, result)
    return {e.event_type: e for e in (aid, protest, accuse, threaten, consult)}


def store(writer: Writer, result: StageResult, stage: str = "test") -> None:
    """Store a stage result as the pipeline would, under a test version."""
    writer.store_stage(stage, result, StoredStage("test", "test", "test"))


def kz_counts_and_quotes(
    protest_id: str,
) -> tuple[tuple[EventQuantity, ...], tuple[Quote, ...]]:
    """A crowd of thousands for the protest, and one reported statement."""
    crowd = EventQuantity(protest_id, "crowd", 1000, 9999, *span(KZ_TEXT, "Duizenden"), "Duizenden")
    start, end = span(KZ_TEXT, "Rusland stuurde troepen naar Kazachstan.")
    quote = Quote("kz-1", 0, None, start, end, KZ_TEXT[start:end], direct=False)
    return (crowd,), (quote,)


def kz_places_and_dates(protest_id: str) -> tuple[EventPlaces, EventDates]:
    """Almaty and Wednesday 5 January 2022 for the protest."""
    place = EventPlace(protest_id, ALMATY, "clause", *span(KZ_TEXT, "Almaty"), "Almaty")
    when = EventDate(
        protest_id, "2022-01-05", "day", "expression", *span(KZ_TEXT, "woensdag"), "woensdag"
    )
    named = PlaceMention(1, *span(KZ_TEXT, "Almaty"), "Almaty", ALMATY)
    return EventPlaces("kz-1", (named,), (place,)), EventDates("kz-1", (when,))
