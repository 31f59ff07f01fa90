"""Dutch numbers in digits and words: every data example, and numbers written out in full."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from kroniek.errors import KroniekError
from kroniek.nlp.numbers import (
    NumberValue,
    build_words,
    data,
    fold,
    hedge_pattern,
    number_pattern,
    parse_amount,
    parse_number,
    split_hedge,
)

EXAMPLES = [
    pytest.param(example, id=f"{group}:{example['text']}")
    for group, table in data().items()
    for example in table.get("examples", [])
]

# Our own spelling of 1..19 and the tens, to write numbers out independently of the data file.
UNITS = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
]
TENS = ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def spell(n: int) -> str:
    """How a Dutch writer spells n (1 <= n < 1 000 000), diaeresis included."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        words = ("" if head == 1 else spell(head)) + "duizend"
        return words + (" " + spell(rest) if rest else "")
    if n >= 100:
        head, rest = divmod(n, 100)
        return ("" if head == 1 else spell(head)) + "honderd" + (spell(rest) if rest else "")
    if n < 20:
        return UNITS[n]
    unit, ten = n % 10, TENS[n // 10 - 2]
    if unit == 0:
        return ten
    joiner = "ën" if UNITS[unit].endswith("e") else "en"
    return UNITS[unit] + joiner + ten


@pytest.mark.parametrize("example", EXAMPLES)
def test_data_example(example: dict[str, Any]) -> None:
    text = example["text"]
    if "hedge" in example:
        assert parse_number(text) is None, "a hedged number is not a number"
        hedge, rest = split_hedge(text)
        assert hedge == example["hedge"]
        assert parse_number(rest) == NumberValue(
            example["low"], example.get("high", example["low"])
        )
        return
    if example.get("none"):
        assert parse_number(text) is None
    if "low" in example:
        assert parse_number(text) == NumberValue(
            example["low"], example.get("high", example["low"])
        )
    if "amount" in example:
        assert parse_amount(text) == pytest.approx(example["amount"])
    assert "low" in example or example.get("none"), "an example must expect something"


@pytest.mark.parametrize(
    "n", [*range(1, 200), 201, 345, 999, 1000, 1001, 1234, 2500, 9999, 10000, 45678, 100000, 999999]
)
def test_spelled_numbers(n: int) -> None:
    assert parse_number(spell(n)) == NumberValue(n, n)
    # Writers drop the diaeresis as often as not.
    assert parse_number(spell(n).replace("ë", "e")) == NumberValue(n, n)


@pytest.mark.parametrize("n", [7, 1000, 2500, 12500, 1000000, 1234567])
def test_digit_groupings_agree(n: int) -> None:
    plain = str(n)
    dotted = f"{n:,}".replace(",", ".")
    spaced = f"{n:,}".replace(",", " ")
    for text in (plain, dotted, spaced):
        assert parse_number(text) == NumberValue(n, n), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ruim 200",
        "tweede",
        "twintigste",
        "een man",
        "2.50",
        "12.00",
        "1,5",
        "honderden man",
        "jaar",
    ],
)
def test_not_a_whole_number(text: str) -> None:
    assert parse_number(text) is None


def test_exact_and_ranges() -> None:
    assert NumberValue(3, 3).exact
    duizenden = parse_number("duizenden")
    assert duizenden is not None and not duizenden.exact
    # A plural starts where the word for one unit less would stop.
    honderden = parse_number("honderden")
    assert honderden is not None and duizenden.low == honderden.high + 1001


def test_amounts() -> None:
    assert parse_amount("anderhalf") == 1.5
    assert parse_amount("tweeënhalf") == 2.5
    assert parse_amount("2,5") == 2.5
    assert parse_amount("een half") == 0.5
    assert parse_amount("drie") == 3.0
    assert parse_amount("duizenden") is None, "a range is not an amount"


def test_pattern_finds_what_parse_number_reads() -> None:
    text = (
        "Zo’n 5.000 betogers en tweeduizend vijfhonderd agenten; om 12.00 uur de tweede "
        "ronde met een twintigtal, tienduizenden en 1,2 miljoen mensen in 2014."
    )
    found = [text[m.start() : m.end()] for m in re.finditer(number_pattern(), fold(text))]
    assert found == [
        "5.000",
        "tweeduizend vijfhonderd",
        "een twintigtal",
        "tienduizenden",
        "1,2 miljoen",
        "2014",
    ]
    assert all(parse_number(f) is not None for f in found)


def test_every_spelled_number_is_found_whole() -> None:
    for n in (22, 150, 1999, 2500, 74000):
        text = f"Er kwamen {spell(n)} mensen."
        match = re.search(number_pattern(), fold(text))
        assert match is not None and text[match.start() : match.end()] == spell(n)


def test_fold_keeps_offsets() -> None:
    text = "Éen – ZO’N tweeëntwintig"
    assert len(fold(text)) == len(text)
    assert fold(text) == "een – zo'n tweeentwintig"


def test_hedges() -> None:
    assert split_hedge("  naar schatting 300 ") == ("naar schatting", "300")
    assert split_hedge("300") == ("", "300")
    assert split_hedge("enkele duizend") == ("", "enkele duizend"), "a number, not a hedge"
    assert re.match(hedge_pattern(), fold("enkele duizend")) is None
    assert re.match(hedge_pattern(), fold("enkele duizenden")) is not None


def test_malformed_data_names_the_file() -> None:
    broken = copy.deepcopy(data())
    del broken["tens"]
    with pytest.raises(KroniekError, match=r"E521 data file numbers_nl\.toml"):
        build_words(broken)
    backwards = copy.deepcopy(data())
    backwards["plurals"]["words"]["honderden"] = [999, 200]
    with pytest.raises(KroniekError, match="E521"):
        build_words(backwards)
