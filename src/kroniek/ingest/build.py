"""Assemble a ``SourceDocument`` from the fields a reader found."""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.dates import resolve_date
from kroniek.ingest.identity import content_hash, make_doc_id
from kroniek.ingest.language import resolve_language
from kroniek.ingest.layout import SplitMode, build_blocks
from kroniek.records import IngestProblem, SourceDocument


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One document as a reader found it: plain strings, nothing checked yet.

    ``origin`` is the file (or ``-``); ``line`` the line a record starts on in
    a line-based format, which then also becomes part of the document origin.
    """

    text: str
    origin: str
    line: int | None = None
    doc_id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def document_origin(self) -> str:
        """``path`` for a whole-file document, ``path:line`` for one record of many."""
        return self.origin if self.line is None else f"{self.origin}:{self.line}"


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``; every other character is kept."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_title(title: str | None) -> str | None:
    """A title as one line: whitespace runs (newlines too) become one space."""
    if title is None:
        return None
    return " ".join(title.split()) or None


def _drop_repeated_title(body: str, title: str | None) -> str:
    """Remove a first body line that repeats the title (HTML pages print it twice)."""
    if title is None:
        return body
    first, _, rest = body.partition("\n")
    return rest.lstrip() if " ".join(first.split()) == title else body


def compose_text(record: RawRecord, mode: SplitMode) -> tuple[str, str | None]:
    """Return the document text (title, blank line, body) and the cleaned title."""
    title = clean_title(record.title)
    body = normalise_newlines(record.text).strip()
    if mode == "lines":
        body = _drop_repeated_title(body, title)
    parts = [part for part in (title, body) if part]
    return "\n\n".join(parts), title


def build_document(
    record: RawRecord, config: IngestConfig, mode: SplitMode = "paragraphs"
) -> SourceDocument | IngestProblem:
    """Build the document for ``record``, or the problem that stops it (E009)."""
    text, title = compose_text(record, mode)
    if len(text) > config.max_document_chars:
        reason = Msg.E009.format(chars=len(text), limit=config.max_document_chars)
        return IngestProblem(origin=record.origin, line=record.line, reason=reason)
    own = record.date if record.date and record.date.strip() else None
    date = resolve_date(own or config.default_date)
    # A date the input did not carry is marked, so 'kroniek show' says where it came from.
    given = own is None and config.default_date is not None
    notes = record.notes + (("date from --date",) if given else ())
    language = resolve_language(record.language, text, config.min_chars_for_language)
    digest = content_hash(text)
    return SourceDocument(
        doc_id=make_doc_id(record.doc_id, digest),
        text=text,
        blocks=build_blocks(text, len(title) if title else None, mode),
        title=title,
        published=date.published,
        date_precision=date.precision,
        language=language.code,
        url=record.url,
        source=record.source,
        origin=record.document_origin,
        content_hash=digest,
        notes=notes + date.notes + language.notes,
    )
