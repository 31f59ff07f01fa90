"""Event scoring as ../shared/README.md prescribes, on hand-made gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

from kroniek.evaluation.event_scores import (
    GoldEvent,
    IgnoredGold,
    MappingRow,
    UnscoredExtent,
    read_gold_events,
    read_mapping,
    score,
)
from kroniek.query.located import LocatedEvent


def gold(doc: str, sentence: int, kind: str, actor=(), recipient=()) -> GoldEvent:
    return GoldEvent(doc, sentence, kind, "trigger", tuple(actor), tuple(recipient))


def predicted(doc: str, sentence: int, kind: str, actor=(), recipient=()) -> LocatedEvent:
    return LocatedEvent(doc, sentence, kind, tuple(actor), tuple(recipient))


def test_same_type_in_same_sentence_counts() -> None:
    result = score(
        [gold("a", 0, "PROTEST", [(0, 5)]), gold("a", 1, "ASSAULT"), gold("b", 0, "COERCE")],
        [
            predicted("a", 0, "PROTEST", [(2, 4)]),
            predicted("a", 1, "PROTEST"),
            predicted("b", 0, "COERCE", [(50, 60)]),
        ],
        {"a", "b"},
    )
    overall = next(t for t in result.types if t.plover_type == "all")
    assert (overall.predicted, overall.correct, overall.gold, overall.found) == (3, 2, 3, 2)
    assert round(overall.precision, 3) == round(2 / 3, 3) and round(overall.recall, 3) == round(
        2 / 3, 3
    )
    assert result.actor_overlap == 0.5  # the PROTEST actor overlaps, the COERCE one does not
    assert ("PROTEST", "ASSAULT", 1) in result.confusion
    assert [m[2] for m in result.misses] == ["ASSAULT"]


def test_wrong_predictions_on_unscored_gold_events_are_counted_apart() -> None:
    # "a" sentence 0 has a Life.Die event over characters 10-30 that the mapping leaves out.
    result = score(
        [gold("a", 1, "ASSAULT")],
        [
            LocatedEvent("a", 0, "ASSAULT", (), (), (12, 20)),
            LocatedEvent("a", 0, "ASSAULT", (), (), (40, 45)),
            LocatedEvent("a", 1, "ASSAULT", (), (), (12, 20)),
        ],
        {"a"},
        unscored=[UnscoredExtent("a", 0, "Life.Die", 10, 30)],
    )
    overall = next(t for t in result.types if t.plover_type == "all")
    assert (overall.predicted, overall.correct, overall.outside_mapping) == (3, 1, 1)
    assert round(overall.precision, 3) == round(1 / 3, 3)
    assert overall.precision_in_reach == 0.5


def test_documents_outside_the_part_are_ignored() -> None:
    result = score([gold("a", 0, "PROTEST")], [predicted("b", 0, "PROTEST")], {"a"})
    overall = next(t for t in result.types if t.plover_type == "all")
    assert (overall.predicted, overall.gold, overall.found) == (0, 1, 0)


def test_gold_reading_maps_types_and_locates_arguments(tmp_path: Path) -> None:
    mapping_file = tmp_path / "ERE_TO_PLOVER.tsv"
    mapping_file.write_text("# header\nConflict.Demonstrate\tPROTEST\tnote\n", encoding="utf-8")
    doc = {
        "doc": {
            "token_string": "Titel hier Boeren betogen tegen de regering",
            "sentences": {
                "sentence_1": {"token_ids": [0, 1]},
                "sentence_2": {"token_ids": [2, 3, 4, 5, 6]},
            },
            "annotations": {
                "events": {
                    "event_1": {
                        "features": {
                            "type": "Conflict",
                            "subtype": "Demonstrate",
                            "arguments": [{"features": {"argument_role": "Entity", "span": [2]}}],
                        },
                        "home_sentence": "sentence_2",
                        "string": "betogen",
                    },
                    "event_2": {
                        "features": {"type": "Life", "subtype": "Die", "arguments": []},
                        "home_sentence": "sentence_1",
                        "string": "Titel",
                    },
                }
            },
        },
        "meta": {"id": "x"},
    }
    path = tmp_path / "x.dnaf.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    (event,) = read_gold_events(path, read_mapping(mapping_file))
    assert (event.sentence, event.plover_type, event.actor_spans) == (1, "PROTEST", ((11, 17),))


V2 = """# header
Life.Die\tASSAULT\tscored\trole:Agent\ta killing
Life.Die\tASSAULT\tignored\t\tno agent
Personnel.EndPosition\tRETREAT,COERCE\tignored\t\tresignations and dismissals
"""


def test_mapping_v2_scores_by_condition_and_sets_ignored_predictions_aside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ERE_TO_PLOVER_v2.tsv"
    path.write_text(V2, encoding="utf-8")
    mapping = read_mapping(path)
    assert mapping.decide("Life.Die", ["Agent", "Victim"]) == MappingRow(
        ("ASSAULT",), True, frozenset({"Agent"})
    )
    assert mapping.decide("Life.Die", ["Victim"]) == MappingRow(("ASSAULT",), False)
    assert mapping.scored_types == {"ASSAULT"}
    result = score(
        [gold("a", 0, "ASSAULT")],
        [
            LocatedEvent("a", 0, "ASSAULT", (), ()),  # right
            LocatedEvent("a", 1, "ASSAULT", (), ()),  # beside an agentless death: set aside
            LocatedEvent("a", 2, "ASSAULT", (), ()),  # wrong
        ],
        {"a"},
        ignored=[IgnoredGold("a", 1, ("ASSAULT",))],
    )
    overall = next(t for t in result.types if t.plover_type == "all")
    assert (overall.predicted, overall.correct, overall.gold, overall.found) == (2, 1, 1, 1)
