"""The Python API: ``kroniek.open`` and its data frames, and the worked example of
docs/python.md run on the examples analysed by real Frog."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kroniek
from kroniek.errors import KroniekError
from kroniek.query.export import COLUMNS

from .api_helpers import build_database
from .conftest import ROOT, need_frog


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> kroniek.notebook.Database:
    path = tmp_path_factory.mktemp("notebook") / "k.duckdb"
    build_database(path)
    return kroniek.open(path)


def test_events_have_the_export_columns_typed(db: kroniek.notebook.Database) -> None:
    rows = db.events()
    assert tuple(rows.columns) == COLUMNS
    assert len(rows) == 4  # one pair per shown event; the negated threat is left out
    assert pd.api.types.is_datetime64_any_dtype(rows["date_start"])
    assert pd.api.types.is_float_dtype(rows["event_scale"])
    protest = rows[rows["event_type"] == "PROTEST"].iloc[0]
    assert protest["crowd"] == 1000 and protest["location_name"] == "Almaty"
    assert protest["date_start"] == pd.Timestamp("2022-01-05")


def test_events_filters_are_those_of_the_command(db: kroniek.notebook.Database) -> None:
    kaz = db.events(country="KAZ", since="2022-01")
    assert sorted(kaz["event_type"]) == ["AID", "PROTEST"]
    assert list(db.events(type="protest")["event_type"]) == ["PROTEST"]
    assert list(db.events(since="2022-02")["event_type"]) == ["ACCUSE"]
    threat = db.events(type="THREATEN", include_all=True)
    assert list(threat["aux"].iloc[0]) == ["negated"]
    assert db.events(type="THREATEN").empty


def test_a_filter_that_cannot_be_one_is_a_clear_error(db: kroniek.notebook.Database) -> None:
    with pytest.raises(KroniekError, match="E606"):
        db.events(since="January")
    with pytest.raises(KroniekError, match="E606"):
        db.events(since="2022-01", date_match="around")


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KroniekError, match="E202"):
        kroniek.open(tmp_path / "none.duckdb")


def test_documents(db: kroniek.notebook.Database) -> None:
    documents = db.documents()
    assert sorted(documents["doc_id"]) == ["kz-1", "undated", "xss"]
    assert {"title", "published", "language", "status", "sentences"} <= set(documents.columns)
    assert "Database(" in repr(db)


def test_importing_records_does_not_load_pandas() -> None:
    """Workers import kroniek's records; the notebook API must not make them load pandas."""
    probe = "import sys, kroniek.records; print('pandas' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert found.stdout.strip() == "False", found.stderr


@pytest.mark.frog
def test_the_worked_example_of_the_docs_runs(tmp_path: Path) -> None:
    need_frog()
    subprocess.run(
        [sys.executable, "-m", "kroniek", "run", str(ROOT / "examples"), "--db", "news.duckdb"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=900,
    )
    page = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    found = re.search(r"```python\n(.*?)```", page, re.DOTALL)
    assert found is not None
    here = Path.cwd()
    names: dict[str, object] = {}
    try:
        os.chdir(tmp_path)
        exec(compile(found.group(1), "docs/python.md", "exec"), names)
    finally:
        os.chdir(here)
    georgia = names["georgia"]
    assert isinstance(georgia, pd.DataFrame) and not georgia.empty
    pairs = zip(georgia.actor1_country, georgia.actor2_country, strict=True)
    assert all("GEO" in pair for pair in pairs)
    november = names["mid_november"]
    assert isinstance(november, pd.DataFrame) and set(november["date_precision"]) == {"month"}
