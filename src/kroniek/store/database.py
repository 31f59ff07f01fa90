"""Opening the DuckDB file and bringing its schema up to date.

The schema lives in numbered SQL files beside this module.  Each file is one
forward migration, applied in its own transaction together with the version
bump, so a database is always at exactly one schema version.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

from kroniek.errors import Msg, StoreError

_MIGRATIONS = "kroniek.store.migrations"


def _migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` of every migration file, in order."""
    found = []
    for entry in resources.files(_MIGRATIONS).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = _migrations()[-1][0]


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the database; 0 for a new file."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_meta'"
    ).fetchone()
    if row is None or row[0] == 0:
        return 0
    version = con.execute("SELECT version FROM schema_meta").fetchone()
    return int(version[0]) if version else 0


def migrate(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Apply every migration newer than the database, each atomically."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(Msg.E201.format(path=path, found=current, known=SCHEMA_VERSION))
    if current == 0:
        con.execute("CREATE TABLE IF NOT EXISTS schema_meta (version INTEGER NOT NULL)")
    for version, sql in _migrations():
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("DELETE FROM schema_meta")
        con.execute("INSERT INTO schema_meta VALUES (?)", [version])
        con.execute("COMMIT")


def open_for_writing(path: Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the database for the one writer."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
    except (duckdb.Error, OSError) as exc:
        raise StoreError(Msg.E202.format(path=path, detail=exc)) from exc
    migrate(con, path)
    return con


def open_for_reading(path: Path) -> duckdb.DuckDBPyConnection:
    """Open an existing database read-only, refusing unknown schemas."""
    if not path.exists():
        raise StoreError(Msg.E202.format(path=path, detail="no such file; run 'kroniek run' first"))
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(Msg.E202.format(path=path, detail=exc)) from exc
    found = schema_version(con)
    if found > SCHEMA_VERSION:
        con.close()
        raise StoreError(Msg.E201.format(path=path, found=found, known=SCHEMA_VERSION))
    return con
