"""Document identity: the normalised text, its SHA-256 hash and the document id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE_RUN = re.compile(r"\s+")
_HASH_ID_PREFIX = "h"
_HASH_ID_LENGTH = 16


def normalise_for_hash(text: str) -> str:
    """Return ``text`` in NFC with every whitespace run collapsed to one space, stripped.

    Copies of one article often differ only in line wrapping, indentation or
    Unicode composition; normalising first makes them hash alike.
    """
    composed = unicodedata.normalize("NFC", text)
    return _WHITESPACE_RUN.sub(" ", composed).strip()


def content_hash(text: str) -> str:
    """Return the full SHA-256 hex digest of the normalised ``text``."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def make_doc_id(given: str | None, digest: str) -> str:
    """Return the given id stripped, or ``h`` plus the first 16 hex digits of ``digest``.

    Deriving the id from the content keeps it stable across runs and machines,
    so re-ingesting the same text finds the same document.
    """
    if given is not None and given.strip():
        return given.strip()
    return _HASH_ID_PREFIX + digest[:_HASH_ID_LENGTH]
