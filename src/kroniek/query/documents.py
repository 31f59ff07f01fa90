"""Read-only questions about stored documents, for the CLI and (later) the API."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from kroniek.errors import Msg, NotFoundError
from kroniek.records import ActorMention
from kroniek.store.loading import ACTOR_COLUMNS


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of the document list."""

    doc_id: str
    title: str | None
    published: str | None
    date_precision: str
    language: str
    status: str
    sentences: int
    mentions: int
    origin: str


@dataclass(frozen=True, slots=True)
class SpanRow:
    """A located piece of a document: a block, sentence or entity mention."""

    index: int
    """Block or sentence index; for a mention, the index of its sentence."""
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document with everything located in it."""

    row: DocumentRow
    text: str
    url: str | None
    source: str | None
    analyser: str | None
    status_detail: str | None
    notes: tuple[str, ...]
    blocks: tuple[SpanRow, ...]
    sentences: tuple[SpanRow, ...]
    mentions: tuple[SpanRow, ...]
    duplicates: tuple[str, ...]
    actors: tuple[ActorMention, ...]


_LIST_SQL = """
SELECT d.doc_id, d.title, d.published, d.date_precision, d.language, d.status,
       (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id),
       (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id),
       d.origin
FROM documents d
"""


# (index, kind, start, end) of a document's blocks, sentences and entity mentions.
_SPANS_SQL = {
    "blocks": "SELECT block_index, kind, start_char, end_char FROM blocks WHERE doc_id = ? "
    "ORDER BY block_index",
    "sentences": "SELECT sentence_index, block_kind, start_char, end_char FROM sentences "
    "WHERE doc_id = ? ORDER BY sentence_index",
    "mentions": "SELECT sentence_index, label, start_char, end_char FROM mentions "
    "WHERE doc_id = ? ORDER BY mention_index",
}


def list_documents(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[DocumentRow]:
    """Stored documents, oldest ingested first."""
    sql = _LIST_SQL + " ORDER BY d.ingested_at, d.doc_id"
    params: list[object] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [DocumentRow(*row) for row in con.execute(sql, params).fetchall()]


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str, db_name: str) -> DocumentView:
    """One document with its blocks, sentences and mentions; NotFoundError if absent."""
    listed = con.execute(_LIST_SQL + " WHERE d.doc_id = ?", [doc_id]).fetchone()
    if listed is None:
        raise NotFoundError(Msg.E203.format(doc_id=doc_id, path=db_name))
    row = DocumentRow(*listed)
    details = con.execute(
        "SELECT text, url, source, analyser, status_detail, notes FROM documents WHERE doc_id = ?",
        [doc_id],
    ).fetchone()
    if details is None:
        raise NotFoundError(Msg.E203.format(doc_id=doc_id, path=db_name))
    text, url, source, analyser, detail, notes = details
    spans = {
        name: _spans(text, con.execute(sql, [doc_id]).fetchall())
        for name, sql in _SPANS_SQL.items()
    }
    duplicates = con.execute(
        "SELECT origin FROM duplicates WHERE doc_id = ? ORDER BY origin", [doc_id]
    ).fetchall()
    actors = con.execute(
        f"SELECT {ACTOR_COLUMNS} FROM actor_mentions WHERE doc_id = ? ORDER BY mention_index",
        [doc_id],
    ).fetchall()
    return DocumentView(
        row=row,
        text=text,
        url=url,
        source=source,
        analyser=analyser,
        status_detail=detail,
        notes=tuple(notes),
        blocks=spans["blocks"],
        sentences=spans["sentences"],
        mentions=spans["mentions"],
        duplicates=tuple(str(d[0]) for d in duplicates),
        actors=tuple(ActorMention(*a) for a in actors),
    )


def _spans(text: str, rows: list[tuple[object, ...]]) -> tuple[SpanRow, ...]:
    """``(index, kind, start, end)`` rows → SpanRows carrying their text."""
    result = []
    for index, kind, start, end in rows:
        s, e = int(str(start)), int(str(end))
        result.append(SpanRow(int(str(index)), str(kind), s, e, text[s:e]))
    return tuple(result)


def actor_rows_by_document(con: duckdb.DuckDBPyConnection) -> dict[str, list[ActorMention]]:
    """Every stored actor mention, grouped by document, in document order."""
    grouped: dict[str, list[ActorMention]] = {}
    for doc_id, *fields in con.execute(
        f"SELECT doc_id, {ACTOR_COLUMNS} FROM actor_mentions ORDER BY doc_id, mention_index"
    ).fetchall():
        grouped.setdefault(str(doc_id), []).append(ActorMention(*fields))
    return grouped
