"""CSV with a header row; the delimiter (comma, semicolon or tab) is read from the header.

Rows are streamed.  A record may span lines (a quoted text with newlines);
its line number is the line it starts on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.build import build_document
from kroniek.ingest.fields import record_from_fields
from kroniek.ingest.sources import has_undecodable, iter_lines, line_limit, problem
from kroniek.records import IngestProblem, SourceDocument

Item = SourceDocument | IngestProblem
Lines = Iterator[tuple[int, str | None]]

DELIMITERS = (",", ";", "\t")


class _RecordTooLongError(Exception):
    """Raised inside the line feed so that the csv reader stops at an over-long record."""


class _LineFeed:
    """Feeds lines to ``csv.reader``, counting lines and the size of the current record.

    The csv module's own field limit is process-wide state; bounding the
    record here instead also covers a quote that is never closed, which would
    otherwise pull the rest of the file into one field.
    """

    def __init__(self, lines: Lines, last: int, limit: int) -> None:
        """Feed ``lines``; ``last`` is the header's line number, ``limit`` the record bound."""
        self.lines = lines
        self.last = last
        self.limit = limit
        self.record_chars = 0

    def start_record(self) -> int:
        """Note that a new record begins; return the line it starts on."""
        self.record_chars = 0
        return self.last + 1

    def __iter__(self) -> Iterator[str]:
        """Yield the text of each line; an over-long line or record ends the file."""
        for number, text in self.lines:
            self.last = number
            self.record_chars += self.limit + 1 if text is None else len(text)
            if text is None or self.record_chars > self.limit:
                raise _RecordTooLongError
            yield text


def sniff_delimiter(header: str) -> str:
    """The most frequent of comma, semicolon and tab in the header line (comma on a tie)."""
    return max(DELIMITERS, key=header.count)


def _lift_field_limit(limit: int) -> None:
    """Raise csv's field limit (128 KiB by default) to the feed's record limit.

    The setting is process-wide, so it is only ever raised here, never lowered;
    the feed enforces the real bound.
    """
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _read_header(
    lines: Lines, origin: str, limit: int
) -> tuple[list[str], str, int] | IngestProblem:
    """Find the header (first non-blank line): its column names, delimiter and line number."""
    for number, text in lines:
        if text is None:
            detail = f"the header line is longer than {limit:,} characters"
            return problem(origin, Msg.E020.format(detail=detail), number)
        if has_undecodable(text):
            return problem(origin, Msg.E004, number)
        if text.strip():
            delimiter = sniff_delimiter(text)
            names = [
                name.strip().lstrip("\ufeff")
                for name in next(csv.reader([text], delimiter=delimiter))
            ]
            if "text" not in (name.lower() for name in names):
                return problem(origin, Msg.E007.format(columns=", ".join(names)))
            return [name.lower() for name in names], delimiter, number
    return problem(origin, Msg.E003)


def _row_item(
    header: list[str], row: list[str], origin: str, line: int, config: IngestConfig
) -> Item:
    """A document or problem for one data row."""
    if len(row) > len(header):
        return problem(origin, Msg.E019.format(found=len(row), expected=len(header)), line)
    if any(has_undecodable(value) for value in row):
        return problem(origin, Msg.E004, line)
    record = record_from_fields(dict(zip(header, row, strict=False)), origin, line, Msg.E018)
    if isinstance(record, IngestProblem):
        return record
    return build_document(record, config)


def _read_rows(
    feed: _LineFeed, header: list[str], delimiter: str, origin: str, config: IngestConfig
) -> Iterator[Item]:
    """Yield one item per non-empty row; a csv error or over-long record ends the file."""
    reader = csv.reader(feed, delimiter=delimiter)
    while True:
        start = feed.start_record()
        try:
            row = next(reader, None)
        except _RecordTooLongError:
            detail = f"the record from line {start} is longer than {feed.limit:,} characters"
            yield problem(origin, Msg.E020.format(detail=detail), start)
            return
        except csv.Error as error:
            yield problem(origin, Msg.E020.format(detail=str(error)), start)
            return
        if row is None:
            return
        if any(value.strip() for value in row):
            yield _row_item(header, row, origin, start, config)


def read_csv_stream(stream: TextIO, origin: str, config: IngestConfig) -> Iterator[Item]:
    """Stream a CSV file: one document or problem per data row."""
    limit = line_limit(config)
    lines = iter_lines(stream, limit)
    header = _read_header(lines, origin, limit)
    if isinstance(header, IngestProblem):
        yield header
        return
    names, delimiter, header_line = header
    _lift_field_limit(limit)
    feed = _LineFeed(lines, header_line, limit)
    yield from _read_rows(feed, names, delimiter, origin, config)
