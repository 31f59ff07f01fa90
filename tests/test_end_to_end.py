"""The real thing: the kroniek command, real Frog, the bundled examples and the seed article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

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
