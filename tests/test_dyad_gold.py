"""Scoring rows against the country-level dyad gold: verdicts, recall, joined and split
happenings, reading the file, and the command's errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.errors import KroniekError
from kroniek.evaluation.dyad_gold import (
    GoldDyadDocument,
    GoldDyadEvent,
    Row,
    country_code,
    matches,
    points_into_eventdna,
    read_dyad_gold,
    score_dyads,
    verdict,
)

from .conftest import ROOT

DYAD_GOLD = ROOT / "gold" / "eventdna_dyads.jsonl"


def gold_event(
    actor: str,
    kind: str,
    recipient: str = "",
    *,
    alternatives: tuple[str, ...] = (),
    required: bool = True,
    reciprocal: bool = False,
    evidence: tuple[int, int] = (0, 5),
) -> GoldDyadEvent:
    return GoldDyadEvent(
        frozenset(actor.split(",")) if actor else frozenset(),
        frozenset((kind, *alternatives)),
        frozenset(recipient.split(",")) if recipient else frozenset(),
        required,
        reciprocal,
        evidence,
    )


def row(
    actor: str, kind: str, recipient: str = "", reports: tuple[tuple[int, int], ...] = ()
) -> Row:
    return Row(
        "d1",
        kind,
        frozenset(actor.split(",")) if actor else frozenset(),
        frozenset(recipient.split(",")) if recipient else frozenset(),
        "e",
        reports,
    )


AID = gold_event("RUS", "AID", "KAZ", evidence=(10, 16))
REQUEST = gold_event("KAZ", "REQUEST", "RUS", evidence=(40, 48))


@pytest.mark.parametrize(
    ("ours", "expected"),
    [
        (row("RUS", "AID", "KAZ"), "right"),
        (row("RUS,BLR", "AID", "KAZ"), "right"),
        (row("KAZ", "AID", "RUS"), "reversed"),
        (row("", "AID", "KAZ"), "no actor"),
        (row("UNK", "AID", "KAZ"), "no actor"),
        (row("RUS", "AID", "USA"), "wrong recipient"),
        (row("RUS", "AID"), "wrong recipient"),
        (row("USA", "AID", "KAZ"), "wrong actor"),
        (row("RUS", "ASSAULT", "KAZ"), "wrong type"),
    ],
)
def test_each_row_gets_one_verdict(ours: Row, expected: str) -> None:
    assert verdict(ours, [AID, REQUEST]) == expected


def test_an_alternative_type_counts_as_the_type() -> None:
    gold = gold_event("BEL", "COERCE", "BEL", alternatives=("SANCTION",))
    assert matches(row("BEL", "SANCTION", "BEL"), gold)
    assert not matches(row("BEL", "ACCUSE", "BEL"), gold)


def test_a_reciprocal_event_matches_its_parties_on_either_side() -> None:
    meeting = gold_event("USA,CHN", "CONSULT", reciprocal=True)
    assert matches(row("CHN", "CONSULT", "USA"), meeting)
    assert matches(row("", "CONSULT", "USA"), meeting)
    assert not matches(row("FRA", "CONSULT", "DEU"), meeting)


def test_an_event_without_recipient_wants_none() -> None:
    protest = gold_event("BEL", "PROTEST")
    assert matches(row("BEL", "PROTEST"), protest)
    assert verdict(row("BEL", "PROTEST", "FRA"), [protest]) == "wrong recipient"


def test_a_party_is_its_state_then_its_own_code_then_unknown() -> None:
    assert country_code({"code": "RUSGOV", "country": "RUS"}) == "RUS"
    assert country_code({"code": "NATO", "country": None}) == "NATO"
    assert country_code({"code": "", "country": "XX"}) == "UNK"


def document(*events: GoldDyadEvent, part: str = "tune") -> GoldDyadDocument:
    return GoldDyadDocument("d1", part, events)


def test_precision_counts_rows_and_recall_counts_required_events() -> None:
    optional = gold_event("KAZ", "PROTEST", required=False, evidence=(60, 66))
    gold = [document(AID, REQUEST, optional)]
    rows = {"d1": [row("RUS", "AID", "KAZ"), row("KAZ", "PROTEST"), row("", "REQUEST", "RUS")]}
    scores = score_dyads(gold, rows, "tune")
    assert (scores.rows, scores.verdicts["right"], scores.verdicts["no actor"]) == (3, 2, 1)
    assert scores.precision == pytest.approx(2 / 3)
    assert (scores.required, scores.found) == (2, 1)
    assert scores.without_actor == pytest.approx(1 / 3)


def test_only_the_asked_part_is_scored() -> None:
    gold = [document(AID, part="tune"), GoldDyadDocument("d2", "measure", (REQUEST,))]
    rows = {"d1": [row("RUS", "AID", "KAZ")], "d2": [row("KAZ", "REQUEST", "RUS")]}
    assert score_dyads(gold, rows, "measure").documents == 1
    assert score_dyads(gold, rows, "measure").verdicts == {"right": 1}
    assert score_dyads(gold, rows, "all").documents == 2


def test_a_row_whose_reports_cover_two_gold_events_is_merged_apart() -> None:
    joined = row("RUS", "AID", "KAZ", reports=((10, 16), (41, 45)))
    one = row("RUS", "AID", "KAZ", reports=((10, 16), (100, 106)))
    assert score_dyads([document(AID, REQUEST)], {"d1": [joined]}, "tune").merged_apart == 1
    assert score_dyads([document(AID, REQUEST)], {"d1": [one]}, "tune").merged_apart == 0


def test_two_right_rows_for_one_gold_event_are_a_repeat() -> None:
    twice = {"d1": [row("RUS", "AID", "KAZ"), row("RUS,BLR", "AID", "KAZ")]}
    scores = score_dyads([document(AID)], twice, "tune")
    assert (scores.repeated, scores.found) == (1, 1)


def test_our_dyad_gold_reads_and_keeps_its_split() -> None:
    gold = read_dyad_gold(DYAD_GOLD)
    assert len(gold) == 250
    assert {g.part for g in gold} == {"tune", "measure"}
    assert all(e.evidence[0] < e.evidence[1] for g in gold for e in g.events)
    assert points_into_eventdna(DYAD_GOLD)
    assert not points_into_eventdna(ROOT / "gold" / "events_nl.jsonl")


def test_a_malformed_dyad_line_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "dyads.jsonl"
    good = {"doc_id": "eventdna_1", "part": "tune", "events": []}
    bad.write_text(json.dumps(good) + "\n" + json.dumps({"doc_id": "x", "events": []}) + "\n")
    with pytest.raises(KroniekError, match=r"E403 .*dyads.jsonl:2"):
        read_dyad_gold(bad)


def test_dyad_gold_without_its_eventdna_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "gold", str(DYAD_GOLD), "--db", str(tmp_path / "g.duckdb")]
    )
    assert result.exit_code == 2
    assert "E404" in result.stderr and "eventdna-dev" in result.stderr
