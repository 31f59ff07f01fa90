"""The database: the only package that writes it."""

from kroniek.store import database
from kroniek.store.database import SCHEMA_VERSION, open_for_reading
from kroniek.store.writer import DocumentStatus, StoreOutcome, Writer

__all__ = [
    "SCHEMA_VERSION",
    "DocumentStatus",
    "StoreOutcome",
    "Writer",
    "database",
    "open_for_reading",
]
