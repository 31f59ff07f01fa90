"""The Python API for notebooks: a kroniek database as pandas data frames.

    import kroniek
    db = kroniek.open("kroniek.duckdb")
    protests = db.events(type="PROTEST", country="KAZ", since="2022-01")

``events`` has the columns of the CSV and Parquet exports (``docs/data-dictionary.md``),
typed as in Parquet; the filters are those of ``kroniek events``. Every call opens the
database read-only and closes it again, so a notebook never holds the file while
``kroniek run`` wants to write to it.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd

from kroniek.query.documents import list_documents
from kroniek.query.events import checked_filter
from kroniek.query.export import dyad_rows, dyad_table
from kroniek.store import open_for_reading


class Database:
    """A stored kroniek database, read on demand."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # Fail now, with the store's own message, rather than at the first question.
        open_for_reading(self.path).close()

    def __repr__(self) -> str:
        return f"kroniek.Database({str(self.path)!r})"

    def events(
        self,
        *,
        type: str | None = None,  # as --type and ?type=: the name users know
        actor: str | None = None,
        recipient: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        date_match: str = "overlap",
        doc: str | None = None,
        include_all: bool = False,
    ) -> pd.DataFrame:
        """One row per actor–recipient pair of the matching events, the export's columns.

        ``since`` and ``until`` are dates of day, month or year precision (``"2022-01"``)
        and match event dates that overlap them (``date_match="within"``: lie inside);
        ``include_all`` also gives the negated and hypothetical events and those that name
        nobody. A value that cannot be a filter raises ``KroniekError`` (E606).
        """
        where = checked_filter(
            event_type=type,
            actor=actor,
            recipient=recipient,
            country=country,
            date_from=since,
            date_to=until,
            date_match=date_match,
            doc_id=doc,
            all_events=include_all,
        )
        with open_for_reading(self.path) as con:
            rows = dyad_rows(con, where)
        with duckdb.connect(":memory:") as mem:
            dyad_table(mem, rows)
            return mem.table("dyads").df()

    def documents(self) -> pd.DataFrame:
        """One row per stored document: id, title, dates, language, status and counts."""
        with open_for_reading(self.path) as con:
            rows = list_documents(con)
        return pd.DataFrame([asdict(row) for row in rows])


def open_database(path: str | Path) -> Database:
    """The database at ``path``; a missing or newer-schema file raises ``KroniekError``."""
    return Database(path)
