"""The database: the only package that writes it."""

from kroniek.store import database
from kroniek.store.database import SCHEMA_VERSION, open_for_reading
from kroniek.store.ledger import DocumentLedger
from kroniek.store.writer import (
    DocumentStatus,
    StageResult,
    StoredVersions,
    StoreOutcome,
    Writer,
)

__all__ = [
    "SCHEMA_VERSION",
    "DocumentLedger",
    "DocumentStatus",
    "StageResult",
    "StoreOutcome",
    "StoredVersions",
    "Writer",
    "database",
    "open_for_reading",
]
