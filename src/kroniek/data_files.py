"""Digests of packaged data files, so a stage whose data changed runs again.

Each stage stores a version with its results; the version ends in a digest of
the data files the stage reads, so editing a lexicon or gazetteer file makes
the next ``kroniek run`` redo exactly the documents that depend on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import resources


def digest(package: str, names: Iterable[str]) -> str:
    """The first eight hex digits of a SHA-256 over the named files of a package."""
    sha = hashlib.sha256()
    for name in names:
        sha.update(resources.files(package).joinpath(name).read_bytes())
    return sha.hexdigest()[:8]
