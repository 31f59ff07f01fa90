"""Reading packaged data files, and digesting them so a stage whose data changed runs again.

Each stage stores a version with its results; the version ends in a digest of
the data files the stage reads, so editing a lexicon or gazetteer file makes
the next ``kroniek run`` redo exactly the documents that depend on it.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

from kroniek.errors import KroniekError, Msg


def read_toml(package: str, name: str) -> dict[str, Any]:
    """A packaged TOML file, parsed; a malformed one is a clear error naming the file."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KroniekError(Msg.E521.format(name=name, detail=exc)) from exc


def digest(package: str, names: Iterable[str]) -> str:
    """The first eight hex digits of a SHA-256 over the named files of a package."""
    sha = hashlib.sha256()
    for name in names:
        sha.update(resources.files(package).joinpath(name).read_bytes())
    return sha.hexdigest()[:8]
