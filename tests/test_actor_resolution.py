"""The resolver's rules, on hand-made analyses (the lexicon and seed tests use real Frog)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from kroniek.actors.knowledge import KnowledgeBase, knowledge_base
from kroniek.actors.resolve import resolve_actors
from kroniek.records import ActorMention

from .actor_helpers import document, naive_analysis


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base()


def resolve(
    kb: KnowledgeBase, text: str, day: str | None, entities: tuple[tuple[str, str], ...] = ()
) -> list[ActorMention]:
    doc = document(text, day)
    return list(resolve_actors(doc, naive_analysis(doc, entities), kb).mentions)


def at(mentions: list[ActorMention], text: str) -> ActorMention:
    return next(m for m in mentions if text in m.text)


@pytest.mark.parametrize(
    ("day", "person"),
    [("2009-06-01", "person:dmitry-medvedev"), ("2022-01-06", "person:vladimir-putin")],
)
def test_a_role_description_names_the_holder_on_the_document_date(
    kb: KnowledgeBase, day: str, person: str
) -> None:
    found = resolve(kb, "Volgens de Russische president is er niets aan de hand.", day)
    mention = at(found, "Russische president")
    assert (mention.actor_id, mention.method) == (person, "role-description")


def test_a_month_precision_date_is_enough(kb: KnowledgeBase) -> None:
    mention = at(resolve(kb, "De Kazachse president greep in.", "2022-01"), "president")
    assert mention.actor_id == "person:kassym-jomart-tokayev"


def test_without_a_date_the_role_is_not_guessed(kb: KnowledgeBase) -> None:
    found = resolve(kb, "De Kazachse president en Poetin spraken.", None)
    title = at(found, "president")
    assert (title.actor_id, title.kind) == ("group:KAZ-GOV", "group")
    putin = at(found, "Poetin")
    assert putin.actor_id == "person:vladimir-putin" and putin.role is None


def test_a_surname_joins_the_full_name_earlier_in_the_document(kb: KnowledgeBase) -> None:
    found = resolve(
        kb, "Aleksandr Loekasjenko reageerde. Later zei Loekasjenko niets.", "2022-01-06"
    )
    _, second = [m for m in found if m.actor_id == "person:alexander-lukashenko"]
    assert second.text == "Loekasjenko" and second.confidence >= 0.9


def test_an_unknown_person_stays_unresolved_with_its_text(kb: KnowledgeBase) -> None:
    found = resolve(
        kb, "Volgens Jantje Modaalsma is het rustig.", "2022-01-06", (("Jantje Modaalsma", "PER"),)
    )
    mention = at(found, "Jantje Modaalsma")
    assert (mention.actor_id, mention.country, mention.method) == (None, None, "unmatched")


def test_a_sector_noun_without_a_country_gets_no_country(kb: KnowledgeBase) -> None:
    mention = at(resolve(kb, "De betogers bleven op het plein.", "2022-01-06"), "betogers")
    assert (mention.sector, mention.country, mention.actor_id) == ("CVL", None, None)


@pytest.mark.parametrize(
    ("text", "span", "country", "sector"),
    [
        ("Russische troepen landden in Almaty.", "Russische troepen", "RUS", "MIL"),
        ("Kazachse betogers staken gebouwen in brand.", "Kazachse betogers", "KAZ", "CVL"),
        ("De Armeense regering zweeg.", "Armeense regering", "ARM", "GOV"),
    ],
)
def test_a_demonym_with_a_sector_noun_gives_country_and_sector(
    kb: KnowledgeBase, text: str, span: str, country: str, sector: str
) -> None:
    mention = at(resolve(kb, text, "2022-01-06"), span)
    assert (mention.country, mention.sector) == (country, sector)


def test_a_title_before_a_name_is_that_person(kb: KnowledgeBase) -> None:
    found = resolve(kb, "Het bewind van president Kasym-Zjomart Tokajev wankelt.", "2022-01-06")
    title = at(found, "president")
    assert (title.actor_id, title.method) == ("person:kassym-jomart-tokayev", "title-of-name")


def test_a_known_word_inside_an_unknown_name_is_not_resolved(kb: KnowledgeBase) -> None:
    text = "Hij was voorzitter van de Nationale Veiligheidsraad van het land."
    found = resolve(kb, text, "2022-01-06", (("Nationale Veiligheidsraad", "ORG"),))
    council = at(found, "Veiligheidsraad")
    assert council.actor_id is None and council.country is None


def test_two_names_in_one_mention_are_both_resolved(kb: KnowledgeBase) -> None:
    found = resolve(kb, "Toen belde Tokajev Poetin op.", "2022-01-06", (("Tokajev Poetin", "PER"),))
    ids = {m.actor_id for m in found}
    assert {"person:kassym-jomart-tokayev", "person:vladimir-putin"} <= ids


CUES = tomllib.loads(
    resources.files("kroniek.actors.data").joinpath("resolution_nl.toml").read_text("utf-8")
)
CUE_EXAMPLES = [(section, e) for section, entry in CUES.items() for e in entry["examples"]]


@pytest.mark.parametrize(("section", "example"), CUE_EXAMPLES)
def test_every_cue_word_example(kb: KnowledgeBase, section: str, example: dict[str, str]) -> None:
    found = resolve(kb, example["text"], example["date"])
    covering = [m for m in found if example["mention"].split()[0] in m.text]
    expected = example["expect"] or None
    assert [m.actor_id for m in covering][-1:] == ([expected] if expected else []) or (
        expected is None and all(m.actor_id is None for m in covering)
    ), (section, covering)
