"""Every example in the actor data files, through recorded Frog analyses and the resolver.

Each organisation, seat of power, sector noun and historical state carries
example sentences; the mention in each must resolve as its entry says.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from kroniek.actors.knowledge import KnowledgeBase, knowledge_base
from kroniek.actors.resolve import resolve_actors
from kroniek.records import ActorMention

from .actor_helpers import document
from .recordings import recorded_analyser

DAY = "2022-01-15"


def data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("kroniek.actors.data").joinpath(name).read_text("utf-8"))


def cases() -> Iterator[tuple[str, str, dict[str, Any], dict[str, str]]]:
    """(file, entry id, entry, example) for every example of every entry."""
    for entry in data("organisations.toml")["organisation"]:
        for example in entry["examples"]:
            yield "organisation", entry["id"], entry, example
    for entry in data("seats_nl.toml")["seat"]:
        for example in entry["examples"]:
            yield "seat", entry["name"], entry, example
    for entry in data("sectors_nl.toml")["noun"]:
        for example in entry["examples"]:
            yield "noun", entry["lemma"], entry, example
    for entry in data("sectors_nl.toml").get("modifier", []):
        for example in entry["examples"]:
            yield "modifier", entry["form"], entry, example
    for entry in data("historical_states.toml")["state"]:
        for example in entry["examples"]:
            yield "historical", entry["code"], entry, example


CASES = list(cases())


@pytest.fixture(scope="module")
def resolved() -> Iterator[dict[str, list[ActorMention]]]:
    """Every example sentence, analysed as Frog analysed it when recorded, resolved."""
    kb = knowledge_base()
    results: dict[str, list[ActorMention]] = {}
    with recorded_analyser("actor_data") as analyser:
        for _, _, entry, example in CASES:
            text = example["text"]
            if text not in results:
                # A seat of power is tested inside its dates (Bonn before 1999).
                day = entry.get("valid_to") or max(entry.get("valid_from") or DAY, DAY)
                doc = document(text, day)
                results[text] = list(resolve_actors(doc, analyser.analyse(doc), kb).mentions)
    yield results


def covering(found: list[ActorMention], text: str, mention: str) -> list[ActorMention]:
    start = text.index(mention)
    end = start + len(mention)
    return [m for m in found if m.start < end and start < m.end]


def expectation(kind: str, entry: dict[str, Any], kb: KnowledgeBase) -> tuple[str, str]:
    """(field, value) the example's mention must show."""
    if kind == "organisation":
        return "actor_id", f"org:{entry['id']}"
    if kind == "seat":
        target = kb.actors.get(f"org:{entry['actor']}")
        return "country", target.country if target and target.country else entry["actor"]
    if kind == "historical":
        return "country", entry["code"]
    return "sector", entry["sector"]


@pytest.mark.parametrize(
    ("kind", "name", "entry", "example"),
    CASES,
    ids=[f"{c[0]}:{c[1]}:{i}" for i, c in enumerate(CASES)],
)
def test_example_resolves_as_its_entry_says(
    resolved: dict[str, list[ActorMention]],
    kind: str,
    name: str,
    entry: dict[str, Any],
    example: dict[str, str],
) -> None:
    field, value = expectation(kind, entry, knowledge_base())
    found = covering(resolved[example["text"]], example["text"], example["mention"])
    values = [getattr(m, field) for m in found]
    assert value in values, (name, example["text"], [(m.text, m.actor_id, m.sector) for m in found])
