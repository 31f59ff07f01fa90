"""Find input files and read them safely: walking, size and binary checks, decoding.

Nothing here raises for bad input; every failure becomes an ``IngestProblem``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.decoding import (
    ENCODING_SNIFF_BYTES,
    choose_encoding,
    declared_html_charset,
    decode_bytes,
    looks_binary,
)
from kroniek.records import IngestProblem

_MEGABYTE = 1_000_000
_LINE_SLACK = 65_536
# How surrogateescape represents an undecodable byte: U+DC80..U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A regular file to read, with the name the user will see and its size."""

    path: Path
    origin: str
    size: int
    walked: bool = False
    """True when found inside a directory, False when named by the user."""

    @property
    def suffix(self) -> str:
        """The lower-cased file suffix, e.g. ``.jsonl``."""
        return self.path.suffix.lower()


def problem(origin: str, reason: str, line: int | None = None) -> IngestProblem:
    """Shorthand for an ``IngestProblem``."""
    return IngestProblem(origin=origin, line=line, reason=reason)


def os_detail(error: OSError) -> str:
    """A short reason for an OS error, without repeating the path."""
    return error.strerror or type(error).__name__


def _is_hidden(name: str) -> bool:
    """Hidden files and directories (``.git``, ``.DS_Store``) are never input."""
    return name.startswith(".")


def _join(origin: str, name: str) -> str:
    """``origin/name`` as the user would type it (``Path`` would drop a leading ``./``)."""
    return origin + name if origin.endswith(("/", os.sep)) else f"{origin}{os.sep}{name}"


def _classify_entry(
    path: str, origin: str, info: os.stat_result, walked: bool
) -> InputFile | IngestProblem:
    """An ``InputFile`` for a regular file, a problem for devices, sockets and pipes."""
    if stat.S_ISREG(info.st_mode):
        return InputFile(path=Path(path), origin=origin, size=info.st_size, walked=walked)
    # Reading a FIFO or a device could block forever or never end.
    return problem(origin, Msg.E025)


def _walk(
    directory: str, origin: str, seen: set[tuple[int, int]]
) -> Iterator[InputFile | IngestProblem]:
    """Yield the files under ``directory`` in name order, one directory listing at a time."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(
                (entry for entry in listing if not _is_hidden(entry.name)), key=lambda e: e.name
            )
    except OSError as error:
        yield problem(origin, Msg.E013.format(detail=os_detail(error)))
        return
    for entry in entries:
        yield from _visit(entry.path, _join(origin, entry.name), seen, walked=True)


def _visit(
    path: str, origin: str, seen: set[tuple[int, int]], walked: bool = False
) -> Iterator[InputFile | IngestProblem]:
    """Yield one path: itself if it is a file, its contents if it is a directory."""
    try:
        info = Path(path).stat()
    except FileNotFoundError:
        yield problem(origin, Msg.E001)
        return
    except OSError as error:
        yield problem(origin, Msg.E013.format(detail=os_detail(error)))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield _classify_entry(path, origin, info, walked)
        return
    # Symlinked directories are followed, but each directory is read only once.
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield problem(origin, Msg.E026)
        return
    seen.add(key)
    yield from _walk(path, origin, seen)


def iter_input_files(given: str) -> Iterator[InputFile | IngestProblem]:
    """Yield the file named ``given``, or every non-hidden file below it, sorted by name."""
    if not given:
        # Path("") means the current directory; an empty argument is a mistake.
        yield problem(given, Msg.E001)
        return
    yield from _visit(given, given, set())


def _size_problem(file: InputFile, size: int, limit: int) -> IngestProblem:
    """E008 for a single-document file above the limit."""
    return problem(
        file.origin, Msg.E008.format(size_mb=size / _MEGABYTE, limit_mb=limit / _MEGABYTE)
    )


def _read_bounded(file: InputFile, limit: int) -> bytes | IngestProblem:
    """Read at most ``limit + 1`` bytes, so a file that grew since stat cannot flood memory."""
    try:
        with file.path.open("rb") as handle:
            # Asking for the stat size first: read(n) allocates n bytes up front,
            # and 10 MB per small file made a large directory crawl.
            data = handle.read(file.size + 1)
            if len(data) > file.size:
                data += handle.read(limit + 1 - len(data))
            return data
    except OSError as error:
        return problem(file.origin, Msg.E013.format(detail=os_detail(error)))


def read_document_file(
    file: InputFile, config: IngestConfig, html: bool = False
) -> str | IngestProblem:
    """Read a single-document file (txt, html) as text, or say why not.

    The size limit is checked on the stat result first, so an oversized file
    is refused without being opened.
    """
    limit = config.max_file_bytes
    if file.size > limit:
        return _size_problem(file, file.size, limit)
    data = _read_bounded(file, limit)
    if isinstance(data, IngestProblem):
        return data
    if len(data) > limit:
        return _size_problem(file, len(data), limit)
    return decode_document(data, file.origin, declared_html_charset(data) if html else None)


def decode_document(data: bytes, origin: str, declared: str | None = None) -> str | IngestProblem:
    """Check and decode the bytes of one document: empty, binary, undecodable or text."""
    if not data.strip():
        return problem(origin, Msg.E003)
    if looks_binary(data):
        return problem(origin, Msg.E002)
    text = decode_bytes(data, declared)
    if text is None:
        return problem(origin, Msg.E004)
    if not text.strip():
        return problem(origin, Msg.E003)
    return text


def open_text_stream(file: InputFile) -> TextIO | IngestProblem:
    """Open a line-based file (JSONL, CSV) for streaming, its encoding chosen from its start.

    Bytes that the chosen encoding cannot decode later in the file arrive as
    lone surrogates (``surrogateescape``), so the reader can refuse just that
    line instead of the whole file.  Lines keep their endings (``newline=""``),
    as the csv module requires.
    """
    try:
        with file.path.open("rb") as handle:
            sample = handle.read(ENCODING_SNIFF_BYTES)
        if not sample:
            return problem(file.origin, Msg.E003)
        if looks_binary(sample):
            return problem(file.origin, Msg.E002)
        encoding = choose_encoding(sample)
        if encoding is None:
            return problem(file.origin, Msg.E004)
        if encoding == "utf-8":
            encoding = "utf-8-sig"
        return file.path.open(encoding=encoding, errors="surrogateescape", newline="")
    except OSError as error:
        return problem(file.origin, Msg.E013.format(detail=os_detail(error)))


def has_undecodable(text: str) -> bool:
    """Whether ``text`` holds bytes the file's encoding could not decode (see above)."""
    return _ESCAPED_BYTE.search(text) is not None


def line_limit(config: IngestConfig) -> int:
    """The longest line (or CSV record) worth reading: a maximal text, escaped, and more."""
    # A JSON string escape (\uXXXX) is six characters for one, hence the factor.
    return config.max_document_chars * 6 + _LINE_SLACK


def iter_lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line_number, line)`` from 1; a line longer than ``limit`` comes as None.

    Reading with a limit keeps one enormous line (a file without newlines)
    from being loaded whole; its remainder is skipped.
    """
    number = 0
    while line := stream.readline(limit):
        number += 1
        if len(line) < limit or line.endswith(("\n", "\r")):
            yield number, line
            continue
        while (rest := stream.readline(limit)) and not rest.endswith(("\n", "\r")):
            pass
        yield number, None
