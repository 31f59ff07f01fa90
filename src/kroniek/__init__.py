"""kroniek: political event data from Dutch news, with the evidence for every row.

In a notebook: ``db = kroniek.open("kroniek.duckdb")``, then ``db.events(...)`` and
``db.documents()`` as pandas data frames (see ``kroniek.notebook`` and docs/python.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from kroniek.notebook import Database

__version__ = "0.1.0"


def open(path: str | Path) -> Database:
    """The kroniek database at ``path``, read-only, as pandas data frames on demand.

    The import waits until it is called, so that ``import kroniek.records`` in a worker
    does not load pandas.
    """
    from kroniek.notebook import open_database  # noqa: PLC0415

    return open_database(path)
