"""The real thing: the kroniek command, real Frog, the bundled examples and the seed article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from kroniek.api import create_app

from .conftest import ROOT, need_frog, need_seed

pytestmark = pytest.mark.frog

EXAMPLES = ROOT / "examples"
DUTCH_EXAMPLES = 8  # every example but the one English feed record
ALL_EXAMPLES = 9


def kroniek(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed command line as a user would."""
    result = subprocess.run(
        [sys.executable, "-m", "kroniek", *args],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def sentence_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT d.doc_id, count(s.sentence_index) FROM documents d "
            "LEFT JOIN sentences s USING (doc_id) GROUP BY d.doc_id"
        ).fetchall()
    return {str(doc_id): int(n) for doc_id, n in rows}


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    need_frog()
    db = tmp_path_factory.mktemp("e2e") / "examples.duckdb"
    result = kroniek("run", str(EXAMPLES), "--db", str(db), "--workers", "2", "--json")
    return db, json.loads(result.stdout)


def test_examples_are_all_stored_and_the_dutch_ones_analysed(
    examples_db: tuple[Path, dict[str, int]],
) -> None:
    db, summary = examples_db
    assert summary["documents_read"] == ALL_EXAMPLES
    assert summary["stored_new"] == ALL_EXAMPLES
    assert summary["not_analysed_language"] == 1
    assert summary["analysed"] == DUTCH_EXAMPLES
    assert summary["actors_resolved"] == DUTCH_EXAMPLES
    assert summary["failed"] == 0
    counts = sentence_counts(db)
    assert sum(1 for n in counts.values() if n > 0) == DUTCH_EXAMPLES


def test_a_second_run_changes_nothing(
    examples_db: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = examples_db
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(db.read_bytes())
    before = sentence_counts(copy)
    summary = json.loads(kroniek("run", str(EXAMPLES), "--db", str(copy), "--json").stdout)
    assert summary["stored_new"] == 0
    assert summary["already_stored"] == ALL_EXAMPLES
    assert summary["analysed"] == 0
    assert summary["actors_resolved"] == 0
    assert sentence_counts(copy) == before


def test_docs_and_show_work_on_the_result(examples_db: tuple[Path, dict[str, int]]) -> None:
    db, _ = examples_db
    listed = json.loads(kroniek("docs", "--json", "--db", str(db)).stdout)
    assert len(listed) == ALL_EXAMPLES
    english = next(d for d in listed if d["language"] == "en")
    assert english["status"] == "unsupported-language" and english["sentences"] == 0
    dutch = next(d for d in listed if d["doc_id"] == "feed-001")
    view = json.loads(kroniek("show", "feed-001", "--json", "--db", str(db)).stdout)
    assert view["row"]["sentences"] == dutch["sentences"] > 0
    for span in view["sentences"] + view["mentions"] + view["blocks"]:
        assert view["text"][span["start"] : span["end"]] == span["text"]
    shown = kroniek("show", "feed-001", "--db", str(db)).stdout
    assert "feed-001" in shown and "entity mentions" in shown


def test_show_an_unknown_document_is_a_clear_error(
    examples_db: tuple[Path, dict[str, int]],
) -> None:
    db, _ = examples_db
    result = kroniek("show", "no-such-doc", "--db", str(db), check=False)
    assert result.returncode == 2
    assert "E203" in result.stderr and "no-such-doc" in result.stderr


def test_the_seed_article_as_the_acceptance_asks(tmp_path: Path) -> None:
    need_frog()
    seed = need_seed()
    db = tmp_path / "seed.duckdb"
    kroniek("run", str(seed), "--db", str(db))
    (doc,) = json.loads(kroniek("docs", "--json", "--db", str(db)).stdout)
    assert (doc["published"], doc["date_precision"], doc["language"]) == ("2022-01", "month", "nl")
    view = json.loads(kroniek("show", doc["doc_id"], "--json", "--db", str(db)).stdout)
    text = view["text"]
    body_sentences = [s for s in view["sentences"] if s["kind"] == "body"]
    assert len(body_sentences) >= 30
    kinds = {b["text"]: b["kind"] for b in view["blocks"]}
    assert kinds["Offer"] == "heading" and kinds["Noodkreet"] == "heading"
    assert kinds["Protest in Almaty. Beeld AFP"] == "caption"
    for mention in view["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    mentioned = {m["text"] for m in view["mentions"] if m["kind"] in ("PER", "LOC", "ORG")}
    for name in ("Poetin", "Kazachstan", "Almaty"):
        assert name in mentioned, name
    assert any("Tokajev" in m for m in mentioned)
    assert text.startswith("Met zijn verzoek aan Rusland")


# Every person the seed names, as a careful reader resolves them for January 2022.
SEED_PEOPLE = {
    "Poetin": ("person:vladimir-putin", "RUS", "GOV"),
    "Vladimir Poetin": ("person:vladimir-putin", "RUS", "GOV"),
    "Tokajev": ("person:kassym-jomart-tokayev", "KAZ", "GOV"),
    "Kasym-Zjomart Tokajev": ("person:kassym-jomart-tokayev", "KAZ", "GOV"),
    "Nazarbajev": ("person:nursultan-nazarbayev", "KAZ", "ELI"),
    "Noersoeltan Nazarbajev": ("person:nursultan-nazarbayev", "KAZ", "ELI"),
    "Loekasjenko": ("person:alexander-lukashenko", "BLR", "GOV"),
    "Aleksandr Loekasjenko": ("person:alexander-lukashenko", "BLR", "GOV"),
    "Nikol Pasjinjan": ("person:nikol-pashinyan", "ARM", "GOV"),
    "Dmitri Medvedev": ("person:dmitry-medvedev", "RUS", "ELI"),
}
SEED_OTHERS = {
    "CSTO": "org:csto",
    "Verdragsorganisatie voor collectieve veiligheid": "org:csto",
    "NAVO": "org:nato",
    "Kremlin": "seat:het-kremlin",
}
# Countries a mention of these texts may carry; anything else is a wrong country.
SEED_COUNTRIES = {"RUS", "KAZ", "BLR", "ARM", "KGZ", "TJK", "GEO", "UKR", "AZE", "IGO", "SUN"}


def test_the_seed_actors_as_the_acceptance_asks(tmp_path: Path) -> None:
    need_frog()
    seed = need_seed()
    db = tmp_path / "seed.duckdb"
    kroniek("run", str(seed), "--db", str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT text, actor_id, country, sector FROM actor_mentions ORDER BY mention_index"
        ).fetchall()
    by_text: dict[str, set[tuple[str | None, str | None, str | None]]] = {}
    for text, actor_id, country, sector in rows:
        by_text.setdefault(text, set()).add((actor_id, country, sector))
    for text, expected in SEED_PEOPLE.items():
        assert by_text.get(text) == {expected}, (text, by_text.get(text))
    for text, actor_id in SEED_OTHERS.items():
        assert {a for a, _, _ in by_text.get(text, set())} == {actor_id}, text
    wrong = [(t, c) for t, _, c, _ in rows if c is not None and c not in SEED_COUNTRIES]
    assert wrong == []


def exported_events(tmp_path: Path) -> list[dict[str, object]]:
    """The seed through `kroniek run` and `kroniek export`, as PLOVER records."""
    seed = need_seed()
    db = tmp_path / "seed-events.duckdb"
    kroniek("run", str(seed), "--db", str(db))
    lines = kroniek("export", "--format", "plover-jsonl", "--db", str(db)).stdout.splitlines()
    return [json.loads(line) for line in lines]


def codes(record: dict[str, object], role: str) -> set[str]:
    return {str(a["code"]) for a in record[role] if a["code"]}  # type: ignore[attr-defined]


# (actor, event types, recipient) a careful reader codes from the seed.
SEED_EVENTS = [
    ({"KAZ"}, {"REQUEST"}, {"RUS"}),
    ({"RUS"}, {"AID", "MOBILIZE"}, {"KAZ"}),
    ({"BLR", "ARM", "KGZ", "TJK"}, {"AID", "MOBILIZE"}, {"KAZ"}),
]


def test_the_seed_events_as_the_acceptance_asks(tmp_path: Path) -> None:
    need_frog()
    records = exported_events(tmp_path)
    for record in records:
        for field in (
            "id",
            "date",
            "actor",
            "recipient",
            "event",
            "mode",
            "context",
            "event_text",
            "quad_code",
            "event_scale",
            "coder",
            "coded_date",
        ):
            assert field in record, field
    for actors, types, recipients in SEED_EVENTS:
        matching = [
            r for r in records if r["event"] in types and recipients <= codes(r, "recipient")
        ]
        found = set().union(*(codes(r, "actor") for r in matching)) if matching else set()
        assert actors <= found, (actors, types, recipients, found)
        reversed_events = [
            r
            for r in records
            if r["event"] in types
            and codes(r, "actor") & recipients
            and codes(r, "recipient") & actors
        ]
        assert reversed_events == [], reversed_events
    protests = [
        r
        for r in records
        if r["event"] == "PROTEST" and "KAZ" in codes(r, "actor") and "KAZ" in codes(r, "recipient")
    ]
    assert protests, "Kazakh protest against the Kazakh government"
    # The default export: every row names its actor; each happening is one row.
    assert [r["id"] for r in records if codes(r, "actor") <= {"UNK"}] == []
    for actor, kind, recipient in (("KAZ", "REQUEST", "RUS"), ("RUS", "AID", "KAZ")):
        rows = [
            r
            for r in records
            if r["event"] == kind
            and actor in codes(r, "actor")
            and recipient in codes(r, "recipient")
        ]
        assert len(rows) == 1 and rows[0]["mentions"] >= 3, (kind, rows)
    uprising = [r for r in protests if "historical" not in r["aux"]]  # type: ignore[operator]
    assert len(uprising) == 1 and uprising[0]["mentions"] >= 3, uprising
    invasions = [r for r in records if r["event"] == "ASSAULT" and "RUS" in codes(r, "actor")]
    assert {"GEO", "UKR"} <= set().union(*(codes(r, "recipient") for r in invasions))
    assert all("historical" in r["aux"] for r in invasions)  # type: ignore[operator]


def test_events_filters_and_export(
    examples_db: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, summary = examples_db
    assert summary["events_coded"] > 0
    page = json.loads(kroniek("events", "--json", "--db", str(db)).stdout)
    everything = page["events"]
    assert everything and page["total"] == len(everything)
    assert all(e["sentence_text"] for e in everything)
    kinds = {e["event_type"] for e in everything}
    some_kind = sorted(kinds)[0]
    only = json.loads(kroniek("events", "--type", some_kind, "--json", "--db", str(db)).stdout)
    assert only["events"] and {e["event_type"] for e in only["events"]} == {some_kind}
    for row in everything:
        offset = row["trigger_start"] - row["sentence_start"]
        assert row["sentence_text"][offset:].startswith(row["trigger_text"])
    out = tmp_path / "events.jsonl"
    kroniek("export", "--format", "plover-jsonl", "--out", str(out), "--db", str(db))
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(exported) == len(everything)
    assert all("negated" not in e["aux"] for e in exported)
    hostile = "PROTEST' OR 1=1 --"
    refused = kroniek("events", "--type", hostile, "--json", "--db", str(db), check=False)
    assert refused.returncode == 2 and "E606" in refused.stderr
    bad = kroniek("export", "--format", "xml", "--db", str(db), check=False)
    assert bad.returncode == 2 and "E401" in bad.stderr


def test_the_seed_places_dates_and_numbers_as_the_acceptance_asks(tmp_path: Path) -> None:
    need_frog()
    seed = need_seed()
    db = tmp_path / "seed-setting.duckdb"
    kroniek("run", str(seed), "--db", str(db))
    lines = kroniek("export", "--format", "plover-jsonl", "--db", str(db)).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    doc_id = str(records[0]["doc_id"])
    shown = json.loads(kroniek("show", doc_id, "--json", "--db", str(db)).stdout)
    places = {p["text"]: p for p in shown["places"]}
    for name in ("Almaty", "Bajkonoer", "Noer-Soeltan"):
        place = places[name]
        assert place["country"] == "KAZ", place
        assert 40 < place["latitude"] < 56 and 46 < place["longitude"] < 88, place
    # Armenia's 70 men are part of the four states' deployment: one event, one count.
    armenian = [r for r in records if r["event"] == "AID" and "ARM" in codes(r, "actor")]
    assert any(r["size"].get("troops") == 70 for r in armenian), armenian
    removal = next(r for r in records if "kant" in r["evidence"]["trigger"]["text"])
    assert (removal["date"], removal["date_precision"]) == ("2022-01", "month")
    assert [d["text"] for d in removal["evidence"]["dates"]] == ["woensdag"]
    belarus = [r for r in records if r["event"] == "PROTEST" and "2020" in r["event_text"]]
    assert belarus and all(r["date"] == "2020-08" for r in belarus), belarus
    invasion = next(
        r for r in records if r["event"] == "ASSAULT" and {"GEO", "UKR"} <= codes(r, "recipient")
    )
    own = {d["applies_to"]: d["value"] for d in invasion["evidence"]["dates"]}
    assert own == {"UKR": "2014", "GEO": None}
    assert invasion["date"] is None and "historical" in invasion["aux"]
    # The README's date example: the seed's events of January 2022 are month-dated.
    typed = ("--from", "2022-01-01", "--to", "2022-01-31")
    january = json.loads(kroniek("events", *typed, "--json", "--db", str(db)).stdout)
    in_january = [r for r in records if r["date"] and str(r["date"]).startswith("2022-01")]
    assert january["total"] == len(in_january) > 0
    mid = ("--from", "2022-01-10", "--to", "2022-01-15", "--date-match", "within")
    assert json.loads(kroniek("events", *mid, "--json", "--db", str(db)).stdout)["total"] == 0


def test_the_seed_in_the_api_as_a_new_user_would_check(tmp_path: Path) -> None:
    """The map has the Kazakhstan events, the network both KAZ→RUS and RUS→KAZ."""
    need_frog()
    seed = need_seed()
    db = tmp_path / "seed-api.duckdb"
    kroniek("run", str(seed), "--db", str(db))
    client = TestClient(create_app(db))
    edges = {(e["source"], e["target"]) for e in client.get("/api/network").json()["edges"]}
    assert {("KAZ", "RUS"), ("RUS", "KAZ")} <= edges
    places = client.get("/api/places").json()["places"]
    # One point per happening: the uprising in Almaty, the deployment in Kazakhstan
    # (Baikonur, which the troops protect, is a place the article names: see `show`).
    in_kazakhstan = {p["name"] for p in places if p["country"] == "KAZ"}
    assert {"Almaty", "Kazakhstan"} <= in_kazakhstan
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    evidence = client.get(f"/api/events/{first['event_id']}").json()["evidence"]
    sentence = evidence["sentence"]
    # The event's own trigger comes first, then the happening's other reports.
    trigger, *reports = [s for s in evidence["spans"] if s["kind"] == "trigger"]
    assert len(reports) == len(first["mentions"]) - 1
    assert sentence["start"] <= trigger["start"] < trigger["end"] <= sentence["end"]
    offset = trigger["start"] - sentence["start"]
    assert sentence["text"][offset:].startswith(trigger["text"])
