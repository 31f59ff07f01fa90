"""Scoring places and times against EventDNA's Place and Time arguments, on hand-made data."""

from __future__ import annotations

import json
from pathlib import Path

from kroniek.evaluation.event_scores import EreMapping, MappingRow
from kroniek.evaluation.setting_scores import GoldSetting, read_gold_settings, score_settings
from kroniek.store import Writer, open_for_reading

from .api_helpers import store
from .test_store import store_coded


def test_gold_places_and_times_are_read_with_their_spans(tmp_path: Path) -> None:
    data = {
        "doc": {
            "token_string": "Boeren betogen woensdag in Gent",
            "sentences": {"sentence_1": {"token_ids": [0, 1, 2, 3, 4]}},
            "annotations": {
                "events": {
                    "event_1": {
                        "features": {
                            "type": "Conflict",
                            "subtype": "Demonstrate",
                            "arguments": [
                                {"features": {"argument_role": "Time", "span": [2]}},
                                {"features": {"argument_role": "Place", "span": [3, 4]}},
                                {"features": {"argument_role": "Entity", "span": [0]}},
                            ],
                        },
                        "home_sentence": "sentence_1",
                    }
                }
            },
        },
        "meta": {"id": "x"},
    }
    path = tmp_path / "x.dnaf.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    mapping = EreMapping("m", {"Conflict.Demonstrate": (MappingRow(("PROTEST",), True),)})
    found = read_gold_settings(path, mapping)
    assert [(g.kind, g.text, g.start, g.end) for g in found] == [
        ("time", "woensdag", 15, 23),
        ("place", "in Gent", 24, 31),
    ]
    assert read_gold_settings(path, EreMapping("empty", {})) == []


def test_a_place_we_read_and_used_counts_as_resolved_and_agreeing(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Writer(db) as writer:
        _, places, dates = store_coded(writer)
        store(writer, places, "place")
        store(writer, dates, "time")
    gold = [
        GoldSetting("a", 0, "PROTEST", "place", 0, 6, "Almaty"),
        GoldSetting("a", 0, "PROTEST", "place", 25, 31, "Moskou"),
        GoldSetting("a", 0, "PROTEST", "time", 7, 18, "protesteert"),
    ]
    with open_for_reading(db) as con:
        scores, sample = score_settings(gold, con, {"a"})
    place, time = scores
    assert (place.gold, place.resolved, place.found_events, place.agrees) == (2, 1, 2, 1)
    assert (time.gold, time.resolved, time.found_events, time.agrees) == (1, 0, 1, 0)
    assert [(r.gold_text, r.ours) for r in sample] == [("Almaty", "Almaty")]
