"""Settings shared by the pipeline stages, with the defaults a new user gets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kroniek import __version__

DEFAULT_DB = Path("kroniek.duckdb")


@dataclass(frozen=True, slots=True)
class IngestConfig:
    """Limits and choices for reading input files."""

    max_file_bytes: int = 10_000_000
    """A single-document file (txt, html) above this is refused unread: no article is 10 MB."""
    max_document_chars: int = 2_000_000
    """A document text above this (any format) is refused; Frog would need gigabytes for it."""
    min_chars_for_language: int = 40
    """Below this the language detector guesses: marked ``und`` unless a field names it."""
    analysed_languages: tuple[str, ...] = ("nl",)
    """Languages with an analyser; documents in others are stored and marked, not parsed."""
    default_date: str | None = None
    """``--date``: the publication date of inputs that carry none (stdin, a plain .txt)."""
    fetch_timeout: float = 20.0
    """Seconds to wait for a web server to answer and send a page or feed."""
    fetch_delay: float = 1.0
    """Seconds between two requests to the same host: a feed of 50 items is no burst."""
    user_agent: str = f"kroniek/{__version__} (political event research; one request per page)"


@dataclass(frozen=True, slots=True)
class FrogConfig:
    """How to run the Frog server: one per worker, loopback only, one thread."""

    binary: str = "frog"
    skip: str = "c"
    """Frog modules to skip; the chunker (c) is unused and costs ~15% time and 0.4 GB."""
    start_timeout: float = 180.0
    """Seconds to wait for a server to load its models (about 10 s on a quiet machine)."""
    request_timeout: float = 300.0
    """Seconds to wait for one block's analysis before the server is declared hung."""
    max_block_chars: int = 20_000
    """Longer blocks are sent in pieces cut at sentence-like boundaries, to bound Frog's memory."""


@dataclass(frozen=True, slots=True)
class KroniekConfig:
    """Everything a run needs to know."""

    db_path: Path = DEFAULT_DB
    workers: int = 1
    actor_files: tuple[Path, ...] = ()
    """User extension files of actors (TSV, see docs/actors.md), added to the knowledge base."""
    ingest: IngestConfig = field(default_factory=IngestConfig)
    frog: FrogConfig = field(default_factory=FrogConfig)
