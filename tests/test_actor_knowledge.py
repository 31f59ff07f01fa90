"""The assembled knowledge base: dated roles, names, acronyms, demonyms, members."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kroniek.actors.knowledge import KnowledgeBase, knowledge_base, read_tsv
from kroniek.actors.names import name_key
from kroniek.actors.resolve import person_status

from .conftest import ROOT

DATA = ROOT / "src" / "kroniek" / "actors" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base()


@pytest.mark.parametrize(
    ("person", "day", "country", "sector", "role"),
    [
        ("person:dmitry-medvedev", date(2009, 6, 1), "RUS", "GOV", "head_of_state"),
        ("person:dmitry-medvedev", date(2015, 6, 1), "RUS", "GOV", "head_of_government"),
        ("person:dmitry-medvedev", date(2022, 1, 15), "RUS", "ELI", "former head_of_government"),
        ("person:vladimir-putin", date(2010, 6, 1), "RUS", "GOV", "head_of_government"),
        ("person:vladimir-putin", date(2022, 1, 15), "RUS", "GOV", "head_of_state"),
        ("person:nursultan-nazarbayev", date(2010, 6, 1), "KAZ", "GOV", "head_of_state"),
        ("person:nursultan-nazarbayev", date(2022, 1, 15), "KAZ", "ELI", "former head_of_state"),
        ("person:kassym-jomart-tokayev", date(2022, 1, 15), "KAZ", "GOV", "head_of_state"),
        ("person:alexander-lukashenko", date(2022, 1, 15), "BLR", "GOV", "head_of_state"),
        ("person:nikol-pashinyan", date(2022, 1, 15), "ARM", "GOV", "head_of_government"),
        ("person:angela-merkel", date(2010, 6, 1), "DEU", "GOV", "head_of_government"),
        ("person:sergei-lavrov", date(2022, 1, 15), "RUS", "GOV", "foreign_minister"),
    ],
)
def test_roles_follow_dates(
    kb: KnowledgeBase, person: str, day: date, country: str, sector: str, role: str
) -> None:
    found_country, found_sector, found_role, _ = person_status(kb, kb.actors[person], day)
    assert (found_country, found_sector, found_role) == (country, sector, role)


@pytest.mark.parametrize(
    ("country", "role", "day", "person"),
    [
        ("RUS", "head_of_state", date(2009, 6, 1), "person:dmitry-medvedev"),
        ("KAZ", "head_of_state", date(2018, 6, 1), "person:nursultan-nazarbayev"),
        ("USA", "head_of_state", date(2022, 1, 15), "person:joe-biden"),
        ("NLD", "head_of_government", date(2015, 6, 1), "person:mark-rutte"),
        ("FRA", "head_of_state", date(2019, 6, 1), "person:emmanuel-macron"),
    ],
)
def test_office_holders_on_a_date(
    kb: KnowledgeBase, country: str, role: str, day: date, person: str
) -> None:
    holder = kb.holder(country, role, day)
    assert holder is not None and holder.person_id == person


def test_every_tenure_is_found_at_its_midpoint(kb: KnowledgeBase) -> None:
    """A typo in a date shows up as a tenure nobody holds at its own midpoint."""
    wrong = []
    for (country, role), tenures in kb.holders.items():
        for tenure in tenures:
            end = tenure.end or date(2026, 11, 1)
            midpoint = tenure.start + timedelta(days=(end - tenure.start).days // 2)
            holder = kb.holder(country, role, midpoint)
            if holder is None or (
                holder.person_id != tenure.person_id and holder.start < tenure.start
            ):
                wrong.append((country, role, tenure.person_id, midpoint))
    assert wrong == []


def test_every_person_is_found_by_each_of_their_names(kb: KnowledgeBase) -> None:
    for actor in kb.actors.values():
        if actor.kind == "person":
            for name in actor.names:
                assert actor.actor_id in kb.by_key[name_key(name)], (actor.actor_id, name)


@pytest.mark.parametrize(
    ("acronym", "actor_id"),
    [
        ("VN", "org:un"),
        ("UN", "org:un"),
        ("NAVO", "org:nato"),
        ("NATO", "org:nato"),
        ("CSTO", "org:csto"),
        ("EU", "org:eu"),
    ],
)
def test_acronyms(kb: KnowledgeBase, acronym: str, actor_id: str) -> None:
    assert actor_id in kb.acronyms[acronym]


def test_csto_under_both_its_dutch_names(kb: KnowledgeBase) -> None:
    for name in (
        "Verdragsorganisatie voor Collectieve Veiligheid",
        "Verdragsorganisatie voor collectieve veiligheid",
    ):
        assert kb.by_key[name_key(name)] == {"org:csto"}


def test_csto_members_in_january_2022(kb: KnowledgeBase) -> None:
    day = date(2022, 1, 15)
    members = {
        c
        for c, joined, left in kb.members["CSTO"]
        if joined <= day and (left is None or day <= left)
    }
    assert members == {"RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK"}


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("kazachse", "KAZ"),
        ("wit-russische", "BLR"),
        ("armeense", "ARM"),
        ("kirgizische", "KGZ"),
        ("tadzjiekse", "TJK"),
        ("oekraïense", "UKR"),
        ("georgische", "GEO"),
        ("russisch", "RUS"),
    ],
)
def test_demonym_adjectives(kb: KnowledgeBase, form: str, iso3: str) -> None:
    assert kb.adjectives[form] == iso3


def test_a_demonym_two_states_share_names_neither(kb: KnowledgeBase) -> None:
    assert "congolese" not in kb.adjectives


def test_every_state_example_uses_one_of_its_forms() -> None:
    rows = list(read_tsv((DATA / "states_nl.tsv").read_text(encoding="utf-8")))
    assert len(rows) >= 195
    for row in rows:
        forms = [f for f in row["adjective_inflected"].split("|") if f]
        assert any(f in row["example"] for f in forms), row["iso3"]


def test_the_version_names_the_data_month(kb: KnowledgeBase) -> None:
    assert kb.version.startswith("actors-nl.20")
