"""Places, dates, quantities and quotations of coded events (stages 4-7), from recorded
Frog analyses."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pytest

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.records import (
    Block,
    CodedEvents,
    EventDate,
    EventPlace,
    EventQuantity,
    PlaceMention,
    Quote,
    SourceDocument,
)
from kroniek.stages import DocumentRecords

from .actor_helpers import document
from .recordings import recorded_analyser


def _data(package: str, name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(package).joinpath(name).read_text("utf-8"))


LOCATING = _data("kroniek.place.data", "locating_nl.toml")["examples"]
RELATIVE = _data("kroniek.time.data", "dating_nl.toml")["examples"]
ATTACHING = _data("kroniek.events.data", "quantity_events.toml")["examples"]

# Dating rules, one Dutch example each: (text, publication date, trigger, expected
# (value, precision, basis) rows as {applies_to: row}).
DATING = [
    # The expression in the event's own clause governs it.
    (
        "Maar die positie raakte hij woensdag kwijt, toen de president hem aan de kant zette.",
        "2022-01-07",
        "zette",
        {None: ("2022-01-05", "day", "expression")},
    ),
    # A weekday with a publication date known only to the month keeps the month.
    (
        "De politie arresteerde woensdag tientallen betogers.",
        "2022-01",
        "arresteerde",
        {None: ("2022-01", "month", "expression")},
    ),
    # The nearest expression of the sentence when none hangs in the clause.
    (
        "Hij werd geconfronteerd met massale demonstraties na de verkiezingen van augustus 2020.",
        "2022-01",
        "demonstraties",
        {None: ("2020-08", "month", "expression")},
    ),
    # Counted back from publication, never finer than the words.
    (
        "Loekasjenko sloeg anderhalf jaar geleden de protesten neer.",
        "2022-01",
        "protesten",
        {None: ("2020-07", "month", "expression")},
    ),
    # A time inside a comma-set relative clause dates only that clause's events.
    (
        "De president belde Loekasjenko, die anderhalf jaar geleden de protesten neersloeg, "
        "om hulp.",
        "2022-01",
        "belde",
        {None: ("2022-01", "month", "publication")},
    ),
    # A duration is not a date: the event inherits the publication date.
    (
        "De president arresteerde dertig jaar lang zijn tegenstanders.",
        "2022-01-10",
        "arresteerde",
        {None: ("2022-01-10", "day", "publication")},
    ),
    # A year in brackets after a name dates that name's part of a compound event; the
    # other part is historical with no invented date.
    (
        "Na eerdere opstanden in Georgië en in Oekraïne (2014) greep Poetin in. "
        "Beide landen raakten grondgebied kwijt na een Russische invasie.",
        "2022-01",
        "invasie",
        {"UKR": ("2014", "year", "expression"), "GEO": (None, None, "unresolved")},
    ),
]


def _paragraphs(text: str, published: str, kinds: tuple[str, ...] = ()) -> SourceDocument:
    """A document whose paragraphs are separated by blank lines (kinds default to body)."""
    doc = document(text, published)
    blocks, start = [], 0
    for index, part in enumerate(text.split("\n\n")):
        kind = kinds[index] if index < len(kinds) else "body"
        blocks.append(Block(index, kind, start, start + len(part)))  # type: ignore[arg-type]
        start += len(part) + 2
    return SourceDocument(**{**_fields(doc), "blocks": tuple(blocks)})


def _fields(doc: SourceDocument) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in SourceDocument.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Setting:
    """What stages 4-7 found for a document, flattened for the assertions."""

    place_mentions: tuple[PlaceMention, ...]
    places: tuple[EventPlace, ...]
    dates: tuple[EventDate, ...]
    quantities: tuple[EventQuantity, ...]
    quotes: tuple[Quote, ...]


@pytest.fixture(scope="module")
def setting() -> Iterator[Callable[[SourceDocument], tuple[CodedEvents, Setting]]]:
    """One document analysed as Frog analysed it when recorded, run through the stages."""
    chain = pipeline.document_stages(KroniekConfig())
    with recorded_analyser("setting") as analyser:

        def run(doc: SourceDocument) -> tuple[CodedEvents, Setting]:
            done = pipeline.process(DocumentRecords(doc, analyser.analyse(doc)), chain)
            assert done.events and done.places and done.dates
            coded = done.events
            return coded, Setting(
                done.places.place_mentions,
                done.places.places,
                done.dates.dates,
                coded.quantities,
                coded.quotes,
            )

        yield run


def _event_at(coded: Any, trigger: str) -> Any:
    found = [e for e in coded.events if trigger in e.trigger_text.split()]
    assert found, [(e.trigger_text, e.event_type) for e in coded.events]
    return found[0]


@pytest.mark.parametrize("example", LOCATING, ids=[x["basis"] for x in LOCATING])
def test_each_locating_example_places_its_event(setting: Any, example: dict[str, str]) -> None:
    coded, settings = setting(_paragraphs(example["text"], "2022-01-06"))
    event = _event_at(coded, example["trigger"])
    placed = [p for p in settings.places if p.event_id == event.event_id]
    assert placed, settings.places
    assert (placed[0].place.name, placed[0].basis) == (example["place"], example["basis"])
    assert example["text"][placed[0].start : placed[0].end] == placed[0].text


def test_a_caption_locates_the_event_it_illustrates(setting: Any) -> None:
    text = (
        "Duizenden Kazachen protesteerden tegen de regering.\n\n"
        "Protest in Almaty.\n\n"
        "De president vroeg Rusland om hulp."
    )
    coded, settings = setting(_paragraphs(text, "2022-01-06", ("body", "caption", "body")))
    protest = _event_at(coded, "protesteerden")
    placed = {p.event_id: p for p in settings.places}
    # The caption reports the same protest: one event, placed by the caption's words.
    assert placed[protest.event_id].place.name == "Almaty"
    caption_start = text.index("Protest in Almaty.")
    assert placed[protest.event_id].start >= caption_start
    assert [m.trigger_text for m in protest.mentions] == ["protesteerden", "Protest"]


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), DATING)
def test_each_dating_rule(
    setting: Any, text: str, published: str, trigger: str, expected: dict[str | None, Any]
) -> None:
    coded, settings = setting(_paragraphs(text, published))
    event = _event_at(coded, trigger)
    rows = {d.applies_to: d for d in settings.dates if d.event_id == event.event_id}
    assert {k: (d.value, d.precision, d.basis) for k, d in rows.items()} == expected
    for row in rows.values():
        if row.start is not None:
            assert text[row.start : row.end] == row.text


@pytest.mark.parametrize("example", RELATIVE, ids=[x["trigger"] for x in RELATIVE])
def test_each_dating_data_example(setting: Any, example: dict[str, str]) -> None:
    coded, settings = setting(_paragraphs(example["text"], example["published"]))
    event = _event_at(coded, example["trigger"])
    values = [d.value for d in settings.dates if d.event_id == event.event_id]
    assert values == [example["value"]]


@pytest.mark.parametrize("example", ATTACHING, ids=[x["kind"] for x in ATTACHING])
def test_each_quantity_goes_to_its_event(setting: Any, example: dict[str, str]) -> None:
    coded, settings = setting(_paragraphs(example["text"], "2022-01-06"))
    owners = {e.event_id: e.event_type for e in coded.events}
    kinds = [(q.kind, owners[q.event_id]) for q in settings.quantities]
    assert (example["kind"], example["event"]) in kinds, kinds


def test_a_count_without_a_fitting_event_stays_unattached(setting: Any) -> None:
    _, settings = setting(_paragraphs("De minister ontmoette 300 betogers.", "2022-01-06"))
    assert [q for q in settings.quantities if q.kind == "crowd"] == []


def test_quotes_and_their_speakers(setting: Any) -> None:
    text = (
        "Volgens de Armeense premier Pasjinjan beschermen de troepen alleen cruciale "
        "instellingen. De Russische president Poetin zei dat de operatie snel voorbij zal zijn. "
        "'Wij zullen nooit buigen voor terroristen', zei Tokajev."
    )
    _, settings = setting(_paragraphs(text, "2022-01-06"))
    by_text = {q.text: q for q in settings.quotes}
    reported = by_text["beschermen de troepen alleen cruciale instellingen"]
    assert reported.speaker is not None and reported.speaker.code == "ARM"
    said = next(q for q in settings.quotes if q.text.startswith("dat de operatie"))
    assert said.speaker is not None and said.speaker.code == "RUS" and not said.direct
    direct = by_text["Wij zullen nooit buigen voor terroristen"]
    assert direct.direct and direct.speaker is not None and direct.speaker.code == "KAZ"
    for quote in settings.quotes:
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Libanon blijft onrustig. In Tripoli protesteerden honderden mensen.", "LBN"),
        ("Libië blijft onrustig. In Tripoli protesteerden honderden mensen.", "LBY"),
    ],
)
def test_the_countries_a_document_is_about_choose_between_places(
    setting: Any, text: str, country: str
) -> None:
    _, settings = setting(_paragraphs(text, "2022-01-06"))
    tripoli = [m.place for m in settings.place_mentions if m.text == "Tripoli"]
    assert tripoli and tripoli[0].country == country, settings.place_mentions
