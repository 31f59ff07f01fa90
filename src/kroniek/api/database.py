"""The database as the API sees it: one read-only connection, one cursor per request.

Opening the file costs about 50 ms (schema check included), a cursor half a millisecond,
and a DuckDB connection must not be shared between threads; FastAPI runs each request
in a worker thread, so each gets its own cursor of the one connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
from fastapi import Request

from kroniek.api.errors import ApiError
from kroniek.errors import Msg, StoreError
from kroniek.store import open_for_reading


class ReadOnlyDatabase:
    """Opens the file on first use (read-only) and hands out cursors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor; a database that cannot be opened is a 503 for the client."""
        with self._lock:
            if self._con is None:
                try:
                    self._con = open_for_reading(self.path)
                except StoreError as exc:
                    message = str(exc).partition(" ")[2]
                    raise ApiError(503, Msg.E607.format(detail=message)) from exc
            return self._con.cursor()

    def close(self) -> None:
        """Close the connection (the next request would open it again)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


def request_cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a cursor of the app's database for one request."""
    database: ReadOnlyDatabase = request.app.state.database
    cursor = database.cursor()
    try:
        yield cursor
    finally:
        cursor.close()
