"""Transliteration folding: each rule's pairs fold to one key; different names stay apart."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from kroniek.actors.names import name_key, plain

RULES = tomllib.loads(
    resources.files("kroniek.actors.data").joinpath("transliteration.toml").read_text("utf-8")
)["rule"]
PAIRS = [(rule["from"], a, b) for rule in RULES for a, b in rule["pairs"]]


@pytest.mark.parametrize(("rule", "dutch", "english"), PAIRS)
def test_each_rule_pair_folds_to_one_key(rule: str, dutch: str, english: str) -> None:
    assert name_key(dutch) == name_key(english), rule


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("Vladimir Poetin", "Vladimir Putin"),
        ("Aleksandr Loekasjenko", "Aleksandr Lukashenko"),
        ("Kasym-Zjomart Tokajev", "Kasym-Zhomart Tokayev"),
        ("Noersoeltan Nazarbajev", "Nursultan Nazarbayev"),
        ("Dmitri Medvedev", "Dmitry Medvedev"),
        ("Sergej Sjojgoe", "Sergei Shoigu"),
        ("Volodymyr Zelenski", "Volodymyr Zelenskyy"),
    ],
)
def test_full_names_in_both_spellings_match(dutch: str, english: str) -> None:
    assert name_key(dutch) == name_key(english)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Poetin", "Medvedev"), ("Tokajev", "Nazarbajev"), ("Armenië", "Albanië"), ("Iran", "Irak")],
)
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_plain_removes_case_accents_and_punctuation() -> None:
    assert plain("Erdoğan,  Kasym-Zjomart!") == "erdogan kasym zjomart"
