"""The document-level argument step and one event per happening, on recorded Frog analyses.

Every example of ``events/data/arguments_nl.toml`` runs through the stages as a run runs
them: the event at its trigger must come out with the country codes it names.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import pytest

from kroniek import pipeline
from kroniek.config import KroniekConfig
from kroniek.events.discourse import argument_rules
from kroniek.events.happenings import join_happenings
from kroniek.records import Block, CodedEvents, Event, EventArgument, SourceDocument
from kroniek.stages import DocumentRecords

from .actor_helpers import document
from .recordings import recorded_analyser

DATA = tomllib.loads(
    resources.files("kroniek.events.data").joinpath("arguments_nl.toml").read_text("utf-8")
)
EXAMPLES = [
    (name, example)
    for name, table in DATA.items()
    if isinstance(table, dict)
    for example in table.get("examples", [])
]


def _paragraphs(text: str, published: str = "2022-01-15") -> SourceDocument:
    """A document whose paragraphs (blank-line separated) are blocks, the first a title
    when the text has several."""
    parts = text.split("\n\n")
    doc = document(text, published)
    blocks, start = [], 0
    for index, part in enumerate(parts):
        kind = "title" if index == 0 and len(parts) > 1 else "body"
        blocks.append(Block(index, kind, start, start + len(part)))  # type: ignore[arg-type]
        start += len(part) + 2
    fields = {name: getattr(doc, name) for name in SourceDocument.__slots__}  # type: ignore[attr-defined]
    return SourceDocument(**{**fields, "blocks": tuple(blocks)})


@pytest.fixture(scope="module")
def coded() -> Iterator[Callable[[str], CodedEvents]]:
    chain = pipeline.document_stages(KroniekConfig())
    with recorded_analyser("arguments_nl") as analyser:

        def run(text: str) -> CodedEvents:
            doc = _paragraphs(text)
            done = pipeline.process(DocumentRecords(doc, analyser.analyse(doc)), chain)
            assert done.events is not None
            return done.events

        yield run


def _codes(arguments: tuple[EventArgument, ...]) -> str:
    return ",".join(sorted({a.country or a.code or "" for a in arguments} - {""}))


@pytest.mark.parametrize(
    ("table", "example"), EXAMPLES, ids=[f"{t}:{i}" for i, (t, _) in enumerate(EXAMPLES)]
)
def test_each_argument_example(
    coded: Callable[[str], CodedEvents], table: str, example: dict[str, Any]
) -> None:
    events = coded(example["text"])
    words = set(example["trigger"].split())
    found = [
        e
        for e in events.events
        if any(
            words & set(t.split()) for t in [e.trigger_text, *(m.trigger_text for m in e.mentions)]
        )
    ]
    assert found, [(e.trigger_text, e.event_type) for e in events.events]
    seen = [(_codes(e.actors), _codes(e.recipients)) for e in found]
    assert (example["actor"], example["recipient"]) in seen, (seen, [e.actors for e in found])


def test_every_table_has_examples() -> None:
    assert {t for t, _ in EXAMPLES} == {n for n, v in DATA.items() if isinstance(v, dict)}
    assert argument_rules().version.startswith(DATA["version"])


def _event(
    event_id: str, sentence: int, actors: tuple[str, ...], aux: tuple[str, ...] = ()
) -> Event:
    parties = tuple(EventArgument(0, 1, c, f"state:{c}", c, c, c, "GOV") for c in actors)
    return Event(
        event_id, "d", sentence, "COERCE", "arrest", (), sentence * 10, sentence * 10 + 5,
        "opgepakt", parties, (), aux, None, "coerce.oppakken", 0.75,
    )  # fmt: skip


def test_reports_of_one_happening_join_and_different_ones_do_not() -> None:
    title = _event("d:0:0", 0, ())
    lead = _event("d:1:10", 1, ("BEL",))
    other_country = _event("d:2:20", 2, ("NLD",))
    same_sentence = _event("d:1:15", 1, ("BEL",))
    other_party_same_sentence = _event("d:1:18", 1, ("FRA",))
    negated = _event("d:3:30", 3, ("BEL",), ("negated",))
    reports = [title, lead, other_country, same_sentence, other_party_same_sentence, negated]
    joined, _ = join_happenings(reports, ())
    assert [e.event_id for e in joined] == ["d:0:0", "d:2:20", "d:1:18", "d:3:30"]
    first = joined[0]
    assert [m.sentence_index for m in first.mentions] == [0, 1, 1]
    assert _codes(first.actors) == "BEL"
