"""Event quantities: every example of the data file, the traps, and the span rules."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kroniek.errors import KroniekError
from kroniek.events.quantities import QuantityMention, build_rules, data, find_quantities

KINDS = {"troops", "killed", "injured", "arrested", "crowd"}
DATA = data()

Expected = tuple[str, str, int, int]  # kind, phrase, low, high


def expected(kind: str, example: dict[str, Any]) -> list[Expected]:
    """The mentions an example asks for: its own and those listed in `also`."""
    own = (kind, example["phrase"], example["low"], example.get("high", example["low"]))
    others = [
        (a["kind"], a["phrase"], a["low"], a.get("high", a["low"])) for a in example.get("also", [])
    ]
    return sorted([own, *others])


def found(text: str) -> list[Expected]:
    return sorted((m.kind, m.text, m.low, m.high) for m in find_quantities(text))


EXAMPLES = [
    pytest.param(kind["name"], example, id=f"{kind['name']}:{example['text']}")
    for kind in DATA["kind"]
    for example in kind["examples"]
]
ALL_TEXTS = [e["text"] for kind in DATA["kind"] for e in kind["examples"]] + [
    e["text"] for e in DATA["none"]["examples"]
]


@pytest.mark.parametrize(("kind", "example"), EXAMPLES)
def test_data_example(kind: str, example: dict[str, Any]) -> None:
    assert found(example["text"]) == expected(kind, example)


@pytest.mark.parametrize("example", DATA["none"]["examples"], ids=lambda e: e["text"])
def test_data_sentence_without_quantities(example: dict[str, Any]) -> None:
    assert find_quantities(example["text"]) == []


def test_every_kind_has_examples() -> None:
    kinds = [k["name"] for k in DATA["kind"]]
    assert set(kinds) == KINDS and len(kinds) == len(KINDS)
    for kind in DATA["kind"]:
        assert len(kind["examples"]) >= 5, kind["name"]


@pytest.mark.parametrize(
    "text",
    [
        "in 2014",
        "Hij kreeg 22 jaar cel.",
        "Sinds 1991 is Oekraïne onafhankelijk.",
        "70 procent van de militairen steunt de regering.",
        "Een man stond op wacht bij de kazerne.",
        "Het land telt sinds 2014 demonstranten in elke stad.",  # a year, not 2014 people
        "Om 12 uur kwamen 200 mensen bijeen om te protesteren.",  # "om te" is not omkomen
        "De 22-jarige militair werd opgeroepen.",
        "Er kwamen om 12 uur twee ministers.",
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_one_soldier_is_no_troop_count_but_one_arrest_is_an_arrest() -> None:
    assert found("Eén militair stond bij de poort.") == []
    assert found("Een militair werd opgepakt.") == [
        ("arrested", "Een militair werd opgepakt", 1, 1)
    ]


def test_a_number_counts_for_the_first_kind_only() -> None:
    # The crowd was larger than the 200 arrested; the soldiers were killed, not sent.
    assert found("200 betogers werden opgepakt.") == [
        ("arrested", "200 betogers werden opgepakt", 200, 200)
    ]
    assert found("Twaalf soldaten werden gedood.") == [
        ("killed", "Twaalf soldaten werden gedood", 12, 12)
    ]
    # Priority beats length: the troop phrase is the longer one here.
    assert found("Een contingent van 150 militairen werd gedood.") == [
        ("killed", "150 militairen werd gedood", 150, 150)
    ]


def test_a_year_after_other_words_is_a_count() -> None:
    assert found("Ze stuurden 2014 militairen.") == [("troops", "2014 militairen", 2014, 2014)]


def test_accents_and_curly_apostrophes() -> None:
    assert found("ZO’N 300 BETOGERS") == [("crowd", "ZO’N 300 BETOGERS", 300, 300)]
    assert found("Eén dode.") == [("killed", "Eén dode", 1, 1)]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_spans_cut_their_own_text(text: str) -> None:
    for mention in find_quantities(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind in KINDS
        assert 0 < mention.low <= mention.high
        assert mention.text == mention.text.strip()


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_offsets_shift_by_offset(text: str) -> None:
    offset = 1234
    plain = find_quantities(text)
    shifted = find_quantities(text, offset=offset)
    assert shifted == [
        QuantityMention(m.kind, m.low, m.high, m.start + offset, m.end + offset, m.text)
        for m in plain
    ]
    document = "x" * offset + text
    for mention in shifted:
        assert document[mention.start : mention.end] == mention.text


def test_mentions_come_in_text_order() -> None:
    mentions = find_quantities("Er vielen 12 doden en 40 gewonden; 150 mensen werden opgepakt.")
    assert [m.kind for m in mentions] == ["killed", "injured", "arrested"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def broken(change: str) -> dict[str, Any]:
    """A copy of the data file with one thing wrong."""
    raw = copy.deepcopy(DATA)
    if change == "unknown slot":
        raw["kind"][0]["patterns"].append("{number} {nonsense}")
    elif change == "two numbers":
        raw["kind"][0]["patterns"].append("{number} tot {number}")
    elif change == "no minimum":
        del raw["kind"][1]["minimum"]
    elif change == "no people":
        del raw["people"]
    return raw


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("unknown slot", "E523"),
        ("two numbers", "E523"),
        ("no minimum", "E522"),
        ("no people", "E521"),
    ],
)
def test_malformed_data_is_reported(change: str, code: str) -> None:
    with pytest.raises(KroniekError, match=rf"^{code} (data file )?quantities_nl\.toml"):
        build_rules(broken(change))
