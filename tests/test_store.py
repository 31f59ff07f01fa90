"""The database writer: whole documents, duplicates, migrations, replaced analyses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from kroniek.errors import StoreError
from kroniek.query.documents import get_document, list_documents
from kroniek.query.events import EventFilter, count_events, list_events, plover_record
from kroniek.query.scope import matching_events
from kroniek.records import (
    AnalysedDocument,
    Block,
    CodedEvents,
    EntityMention,
    Event,
    EventArgument,
    EventDate,
    EventDates,
    EventPlace,
    EventPlaces,
    EventQuantity,
    IngestProblem,
    Place,
    PlaceMention,
    Quote,
    ResolvedActors,
    Sentence,
    SourceDocument,
)
from kroniek.store import SCHEMA_VERSION, Writer, database, open_for_reading

from .analysis_helpers import HAND, hand_token
from .api_helpers import store


def doc(doc_id: str, text: str, language: str = "nl", origin: str = "a.txt") -> SourceDocument:
    digest = hashlib.sha256(text.encode()).hexdigest()
    blocks = (Block(0, "body", 0, len(text)),)
    return SourceDocument(
        doc_id, text, blocks, None, "2022-01", "month", language, None, None, origin, digest
    )


def analysis(document: SourceDocument, analyser: str = HAND) -> AnalysedDocument:
    words = document.text.rstrip(".").split()
    tokens, pos = [], 0
    for i, word in enumerate(words):
        start = document.text.index(word, pos)
        pos = start + len(word)
        tokens.append(hand_token(i, (start, pos), word))
    sentence = Sentence(0, 0, "body", 0, pos, tuple(tokens), parsed=False)
    mention = EntityMention(0, "LOC", tokens[0].start, tokens[0].end, tokens[0].text)
    return AnalysedDocument(document.doc_id, (sentence,), (mention,), analyser)


def count(path: Path, table: str) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None
        return int(row[0])


def test_new_then_unchanged_then_duplicate_then_conflict(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Writer(db) as writer:
        assert writer.store_document(doc("a", "Almaty protesteert."), "stored") == "new"
        assert writer.store_document(doc("a", "Almaty protesteert."), "stored") == "unchanged"
        copy = doc("b", "Almaty protesteert.", origin="b.txt")
        assert writer.store_document(copy, "stored") == "duplicate"
        assert writer.store_document(copy, "stored") == "duplicate"
        assert writer.store_document(doc("a", "Iets anders."), "stored") == "id-conflict"
    assert count(db, "documents") == 1
    assert count(db, "duplicates") == 1
    with open_for_reading(db) as con:
        view = get_document(con, "a", str(db))
    assert view.duplicates == ("b.txt",)


def test_analysis_is_stored_whole_and_replaced_on_rerun(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    document = doc("a", "Almaty protesteert tegen Moskou.")
    with Writer(db) as writer:
        writer.store_document(document, "stored")
        assert writer.awaiting_analysis(["nl"]) == ["a"]
        writer.store_analysis(analysis(document))
        writer.store_analysis(analysis(document, "frog again"))
        assert writer.awaiting_analysis(["nl"]) == []
    assert count(db, "sentences") == 1
    assert count(db, "tokens") == 4
    assert count(db, "mentions") == 1
    with open_for_reading(db) as con:
        view = get_document(con, "a", str(db))
        (row,) = list_documents(con)
    assert view.analyser == "frog again"
    assert view.mentions[0].text == "Almaty"
    assert (row.status, row.sentences, row.mentions) == ("analysed", 1, 1)


def test_a_failed_analysis_leaves_no_rows_and_is_retried(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    document = doc("a", "Almaty protesteert.")
    broken = AnalysedDocument("a", analysis(document).sentences, (None,), "x")  # type: ignore[arg-type]
    with Writer(db) as writer:
        writer.store_document(document, "stored")
        with pytest.raises(AttributeError):
            writer.store_analysis(broken)
        writer.mark_failed("a", "boom")
        assert writer.awaiting_analysis(["nl"]) == ["a"]
    assert count(db, "tokens") == 0 and count(db, "sentences") == 0


def test_other_languages_are_not_awaiting_analysis(tmp_path: Path) -> None:
    with Writer(tmp_path / "k.duckdb") as writer:
        writer.store_document(doc("en", "Protests in Almaty.", "en"), "unsupported-language")
        assert writer.awaiting_analysis(["nl"]) == []


def test_load_document_round_trips(tmp_path: Path) -> None:
    document = doc("a", "Almaty protesteert.")
    with Writer(tmp_path / "k.duckdb") as writer:
        writer.store_document(document, "stored")
        assert writer.load_document("a") == document


def test_schema_version_is_recorded_and_newer_databases_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    Writer(db).close()
    with duckdb.connect(str(db)) as con:
        row = con.execute("SELECT version FROM schema_meta").fetchone()
        assert row == (SCHEMA_VERSION,)
        con.execute("UPDATE schema_meta SET version = version + 1")
    with pytest.raises(StoreError, match="E201"):
        Writer(db)
    with pytest.raises(StoreError, match="E201"):
        open_for_reading(db)


def test_reading_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E202"):
        open_for_reading(tmp_path / "none.duckdb")


def test_runs_and_problems_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Writer(db) as writer:
        run_id = writer.start_run("ingest")
        writer.record_problem(run_id, IngestProblem("bad.json", 3, "E005 malformed JSON"))
        writer.finish_run(run_id, {"input_problems": 1})
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT origin, line FROM problems").fetchall() == [("bad.json", 3)]
        summary = con.execute("SELECT summary->>'input_problems' FROM runs").fetchone()
        assert summary == ("1",)


def test_a_database_of_an_older_schema_is_migrated_forward(tmp_path: Path) -> None:
    """Version 1 (no actor tables) gains them, and its documents survive."""
    db = tmp_path / "old.duckdb"
    first = database._migrations()[0]
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE schema_meta (version INTEGER NOT NULL)")
        con.execute(first[1])
        con.execute("INSERT INTO schema_meta VALUES (?)", [first[0]])
        # A token as version 1 stored it: Frog's tag in two columns.
        con.execute(
            "INSERT INTO tokens VALUES "
            "('z', 0, 0, 0, 6, 'almaty', 'SPEC', 'deeleigen', 'B-LOC', -1, '')"
        )
    assert first[0] < SCHEMA_VERSION
    with Writer(db) as writer:
        assert writer.store_document(doc("a", "Almaty protesteert."), "stored") == "new"
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT version FROM schema_meta").fetchone() == (SCHEMA_VERSION,)
        assert con.execute("SELECT count(*) FROM actor_mentions").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM stage_versions").fetchone() == (0,)
        row = con.execute("SELECT tag, entity_tag, relation_label FROM tokens").fetchone()
        assert row == ("SPEC(deeleigen)", "B-LOC", "")


def _coded_and_set(document: SourceDocument) -> tuple[CodedEvents, EventPlaces, EventDates]:
    """One PROTEST in Almaty with a date, a crowd and a quote, as the stages would make them."""
    text = document.text
    start = text.index("protesteert")
    moscow = text.index("Moskou")
    recipient = EventArgument(moscow, moscow + 6, "Moskou", "RUS", "Russia", "RUS", "RUS", "GOV")
    event = Event(
        "a:0:7", "a", 0, "PROTEST", "demo", (), start, start + 11, "protesteert",
        (), (recipient,), (), None, "protest.protesteren", 0.75, 3, -5.0,
    )  # fmt: skip
    almaty = Place(1526384, "Almaty", 43.25, 76.91, "KAZ", "P", "PPL", 1_977_011)
    coded = CodedEvents(
        "a",
        (event,),
        "coder test",
        (EventQuantity(event.event_id, "crowd", 1000, 9999, 0, 6, "Almaty"),),
        (Quote("a", 0, recipient, 0, len(text), text, direct=False),),
    )
    places = EventPlaces(
        "a",
        (PlaceMention(0, 0, 6, "Almaty", almaty),),
        (EventPlace(event.event_id, almaty, "clause", 0, 6, "Almaty"),),
    )
    dates = EventDates(
        "a",
        (
            EventDate(event.event_id, "2022-01", "month", "publication", None, None, "2022-01"),
            EventDate(event.event_id, None, None, "unresolved", None, None, "", None, "RUS"),
        ),
    )
    return coded, places, dates


def store_coded(writer: Writer) -> tuple[CodedEvents, EventPlaces, EventDates]:
    """Document "a" stored, analysed, resolved and coded; its places and dates unstored."""
    document = doc("a", "Almaty protesteert tegen Moskou.")
    coded, places, dates = _coded_and_set(document)
    writer.store_document(document, "stored")
    writer.store_analysis(analysis(document))
    store(writer, ResolvedActors("a", (), "kb test"), "actors")
    store(writer, coded, "arguments")
    return coded, places, dates


def test_stage_results_are_stored_whole_replaced_and_read_back(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Writer(db) as writer:
        coded, places, dates = store_coded(writer)
        (stored,) = writer.stored_versions()
        assert set(stored.stages) == {"actors", "arguments"}
        for _ in range(2):
            store(writer, places, "place")
            store(writer, dates, "time")
        (stored,) = writer.stored_versions()
        assert set(stored.stages) == {"actors", "arguments", "place", "time"}
        assert stored.analyser == HAND
        assert writer.load_events("a") == coded
    for table, rows in (
        ("place_mentions", 1),
        ("event_places", 1),
        ("event_dates", 2),
        ("event_quantities", 1),
        ("quotes", 1),
    ):
        assert count(db, table) == rows, table
    with open_for_reading(db) as con:
        (row,) = list_events(con, EventFilter())
    assert row.date == "2022-01" and row.date_precision == "month"
    assert row.place is not None and (row.place.name, row.place.basis) == ("Almaty", "clause")
    assert [(d.applies_to, d.value) for d in row.setting.dates] == [
        (None, "2022-01"),
        ("RUS", None),
    ]
    record = plover_record(row)
    assert record["event_loc"]["geonameid"] == 1526384 and record["event_loc"]["resolution"] == 4
    assert record["size"] == {"crowd": 1000}
    assert record["quad_code"] == 3 and record["event_scale"] == -5.0


def test_paging_selects_a_page_and_aggregates_ignore_it(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with Writer(db) as writer:
        _, places, dates = store_coded(writer)
        store(writer, places, "place")
        store(writer, dates, "time")
    with open_for_reading(db) as con:
        paged = EventFilter(limit=1, offset=1)
        assert list_events(con, paged) == []
        assert count_events(con, paged) == 1
        assert len(matching_events(con, paged)) == 1
