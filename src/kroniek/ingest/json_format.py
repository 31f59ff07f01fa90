"""JSON Lines (one object per line) and JSON (one object or a list of objects).

Both are read as streams: JSONL line by line, a JSON list element by element,
so a large collection never has to fit in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.build import build_document
from kroniek.ingest.fields import record_from_fields
from kroniek.ingest.sources import has_undecodable, iter_lines, line_limit, problem
from kroniek.records import IngestProblem, SourceDocument

Item = SourceDocument | IngestProblem

_CHUNK_CHARS = 1 << 20


def document_from_value(value: object, origin: str, line: int | None, config: IngestConfig) -> Item:
    """A document for one decoded JSON value, or why it cannot be one."""
    if not isinstance(value, dict):
        return problem(origin, Msg.E014, line)
    record = record_from_fields(value, origin, line, Msg.E006)
    if isinstance(record, IngestProblem):
        return record
    return build_document(record, config)


def _parse_line(text: str, origin: str, number: int, config: IngestConfig) -> Item:
    """Decode one JSONL line into a document or a problem."""
    if has_undecodable(text):
        return problem(origin, Msg.E004, number)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return problem(
            origin, Msg.E005.format(detail=f"{error.msg} (column {error.colno})"), number
        )
    except (ValueError, RecursionError) as error:
        # Numbers with thousands of digits and absurd nesting are refused by json itself.
        return problem(origin, Msg.E005.format(detail=str(error) or type(error).__name__), number)
    return document_from_value(value, origin, number, config)


def read_json_lines(
    lines: Iterable[tuple[int, str | None]], origin: str, config: IngestConfig
) -> Iterator[Item]:
    """Yield one document or problem per non-blank line; E003 if there is none."""
    seen_content = False
    for number, text in lines:
        if text is None:
            seen_content = True
            yield problem(origin, Msg.E017.format(limit=line_limit(config)), number)
        elif text.strip():
            seen_content = True
            yield _parse_line(text, origin, number, config)
    if not seen_content:
        yield problem(origin, Msg.E003)


def read_jsonl_stream(stream: TextIO, origin: str, config: IngestConfig) -> Iterator[Item]:
    """Stream a JSONL file."""
    yield from read_json_lines(iter_lines(stream, line_limit(config)), origin, config)


_TRUNCATION_WINDOW = 64
"""A decode error this close to the end of the buffer may just mean the value goes on."""


@dataclass(slots=True)
class _JsonCursor:
    """A window onto a JSON stream: a buffer, a position in it and the line of that position."""

    stream: TextIO
    limit: int
    buffer: str = ""
    position: int = 0
    line: int = 1
    eof: bool = False
    decoder: json.JSONDecoder = field(default_factory=json.JSONDecoder)

    def fill(self) -> bool:
        """Drop the consumed text and append the next chunk; False at the end of the stream."""
        chunk = "" if self.eof else self.stream.read(_CHUNK_CHARS)
        self.eof = not chunk
        # Compacting only here, once per chunk, keeps many small values linear in time.
        self.buffer = self.buffer[self.position :] + chunk
        self.position = 0
        return bool(chunk)

    def peek(self) -> str:
        """Move past whitespace, reading on as needed; return the next character or ``""``."""
        while True:
            while self.position < len(self.buffer) and self.buffer[self.position].isspace():
                self.line += self.buffer[self.position] == "\n"
                self.position += 1
            if self.position < len(self.buffer) or not self.fill():
                return self.buffer[self.position : self.position + 1]

    def advance(self, end: int) -> None:
        """Move to ``end``, counting the lines passed."""
        self.line += self.buffer.count("\n", self.position, end)
        self.position = end

    def _may_continue(self, error: json.JSONDecodeError) -> bool:
        """Whether a decode error may only mean that the buffer ends inside the value."""
        near_end = len(self.buffer) - error.pos < _TRUNCATION_WINDOW
        return not self.eof and (near_end or error.msg.startswith("Unterminated string"))

    def decode(self) -> tuple[object, int] | str:
        """Decode the value at the cursor, reading on as needed; a reason string on failure."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if len(self.buffer) - self.position > self.limit:
                    return Msg.E027.format(limit=self.limit)
                if not (self._may_continue(error) and self.fill()):
                    line = self.line + self.buffer.count("\n", self.position, error.pos)
                    return Msg.E005.format(detail=f"{error.msg} (line {line})")
                continue
            except (ValueError, RecursionError) as error:
                return Msg.E005.format(detail=str(error) or type(error).__name__)
            # A number ending exactly at the buffer's end may have more digits to come.
            if end < len(self.buffer) or not self.fill():
                return value, end


def _next_value(
    cursor: _JsonCursor, origin: str, config: IngestConfig, whole_file: bool = False
) -> tuple[Item, bool]:
    """Decode the value at the cursor and move past it; True when the rest is unreadable.

    A list element's document origin is ``path:line``; a file holding one
    object (``whole_file``) is one document, so its origin is just the path.
    """
    cursor.peek()  # raw_decode does not skip leading whitespace itself
    start_line = cursor.line
    decoded = cursor.decode()
    if isinstance(decoded, str):
        return problem(origin, decoded, start_line), True
    value, end = decoded
    undecodable = has_undecodable(cursor.buffer[cursor.position : end])
    cursor.advance(end)
    if undecodable:
        return problem(origin, Msg.E004, start_line), False
    line = None if whole_file else start_line
    return document_from_value(value, origin, line, config), False


def _unexpected(cursor: _JsonCursor, origin: str, expected: str) -> IngestProblem:
    """E005 for a character where ``expected`` should be."""
    return problem(
        origin, Msg.E005.format(detail=f"expected {expected} (line {cursor.line})"), cursor.line
    )


def _read_list(
    cursor: _JsonCursor, origin: str, config: IngestConfig
) -> Generator[Item, None, bool]:
    """Yield the elements of a top-level list (cursor past ``[``); True if an error stopped it."""
    if cursor.peek() == "]":
        cursor.advance(cursor.position + 1)
        return False
    while True:
        item, fatal = _next_value(cursor, origin, config)
        yield item
        if fatal:
            return True
        char = cursor.peek()
        if char == "]":
            cursor.advance(cursor.position + 1)
            return False
        if char != ",":
            yield _unexpected(cursor, origin, "',' or ']'")
            return True
        cursor.advance(cursor.position + 1)


def _read_single(
    cursor: _JsonCursor, origin: str, config: IngestConfig
) -> Generator[Item, None, bool]:
    """Yield the one top-level value; return True if it could not be decoded."""
    item, fatal = _next_value(cursor, origin, config, whole_file=True)
    yield item
    return fatal


def read_json_stream(stream: TextIO, origin: str, config: IngestConfig) -> Iterator[Item]:
    """Stream a JSON file holding one object or a list of objects."""
    cursor = _JsonCursor(stream=stream, limit=line_limit(config))
    first = cursor.peek()
    if not first:
        yield problem(origin, Msg.E003)
        return
    if first == "[":
        cursor.advance(cursor.position + 1)
        stopped = yield from _read_list(cursor, origin, config)
    else:
        stopped = yield from _read_single(cursor, origin, config)
    if not stopped and cursor.peek():
        yield _unexpected(cursor, origin, "the end of the file")
