"""``read_inputs``: turn paths (files, directories, ``-``) into documents and problems."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.csv_format import read_csv_stream
from kroniek.ingest.decoding import BINARY_SNIFF_BYTES
from kroniek.ingest.html_format import read_html
from kroniek.ingest.json_format import read_json_lines, read_json_stream, read_jsonl_stream
from kroniek.ingest.sources import (
    InputFile,
    iter_input_files,
    open_text_stream,
    os_detail,
    problem,
    read_document_file,
)
from kroniek.ingest.text_format import read_seed_text
from kroniek.ingest.web import Fetcher, is_web_address, read_feed, read_url
from kroniek.records import IngestProblem, SourceDocument

Item = SourceDocument | IngestProblem
StreamReader = Callable[[TextIO, str, IngestConfig], Iterator[Item]]

STDIN_PATH = "-"

_STREAM_READERS: dict[str, StreamReader] = {
    ".jsonl": read_jsonl_stream,
    ".json": read_json_stream,
    ".csv": read_csv_stream,
}
_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


def _read_document(file: InputFile, config: IngestConfig) -> Iterator[Item]:
    """Read a single-document file (seed text or HTML)."""
    is_html = file.suffix != ".txt"
    content = read_document_file(file, config, html=is_html)
    if isinstance(content, IngestProblem):
        yield content
    elif is_html:
        yield read_html(content, file.origin, config)
    else:
        yield read_seed_text(content, file.origin, config)


def _read_stream(file: InputFile, reader: StreamReader, config: IngestConfig) -> Iterator[Item]:
    """Read a line-based file through ``reader``; a read error mid-file ends it with E013."""
    stream = open_text_stream(file)
    if isinstance(stream, IngestProblem):
        yield stream
        return
    with stream:
        try:
            yield from reader(stream, file.origin, config)
        except OSError as error:
            yield problem(file.origin, Msg.E013.format(detail=os_detail(error)))
        except UnicodeDecodeError:
            # surrogateescape cannot rescue every error, e.g. a UTF-16 file cut mid-character.
            yield problem(file.origin, Msg.E004)


def read_file(file: InputFile, config: IngestConfig) -> Iterator[Item]:
    """Dispatch one file to the reader for its suffix; E010 for any other suffix.

    Only a file the user named gets E010.  One found while walking a
    directory (a README, a PDF next to the articles) is passed over: the
    user asked for the articles in that directory, not for every file in it.
    """
    reader = _STREAM_READERS.get(file.suffix)
    if reader is not None:
        yield from _read_stream(file, reader, config)
    elif file.suffix in _DOCUMENT_SUFFIXES:
        yield from _read_document(file, config)
    elif not file.walked:
        yield problem(file.origin, Msg.E010.format(suffix=file.suffix or file.path.name))


def _is_json_lines(text: str) -> bool:
    """Stdin is JSONL when every non-blank line starts with ``{``."""
    # Split on \n only, as the JSONL reader does: str.splitlines would also cut at
    # U+2028, which JSON allows inside a string.
    lines = [line.strip() for line in text.lstrip("\ufeff").split("\n") if line.strip()]
    return bool(lines) and all(line.startswith("{") for line in lines)


def read_stdin(stdin: TextIO, config: IngestConfig) -> Iterator[Item]:
    """Read standard input as JSONL or, failing that, as one seed-format text."""
    try:
        text = stdin.read()
    except UnicodeDecodeError:
        yield problem(STDIN_PATH, Msg.E004)
        return
    except OSError as error:
        yield problem(STDIN_PATH, Msg.E013.format(detail=os_detail(error)))
        return
    except ValueError as error:  # e.g. stdin already closed
        yield problem(STDIN_PATH, Msg.E013.format(detail=str(error)))
        return
    if not text.strip():
        yield problem(STDIN_PATH, Msg.E003)
    elif "\x00" in text[:BINARY_SNIFF_BYTES]:
        yield problem(STDIN_PATH, Msg.E002)
    elif _is_json_lines(text):
        numbered = enumerate(text.lstrip("\ufeff").split("\n"), start=1)
        yield from read_json_lines(((n, line) for n, line in numbered), STDIN_PATH, config)
    else:
        yield read_seed_text(text, STDIN_PATH, config)


def _never_stored(url: str) -> bool:
    """Without a database to ask, every feed item is new."""
    return False


def read_inputs(
    paths: Sequence[str],
    config: IngestConfig,
    stdin: TextIO | None = None,
    *,
    feeds: Sequence[str] = (),
    already_stored: Callable[[str], bool] = _never_stored,
) -> Iterator[SourceDocument | IngestProblem]:
    """Yield a document or a problem for every piece of input, in input order.

    ``paths`` are files or directories (read recursively in name order;
    hidden entries and files of other types skipped), web addresses (fetched and
    extracted as HTML pages); ``-`` reads ``stdin`` (default ``sys.stdin``). ``feeds``
    are RSS or Atom feeds (addresses or files), read after the paths: each item whose
    link ``already_stored`` does not know is fetched.
    Bad input never raises: it becomes an ``IngestProblem`` and reading goes on.
    """
    fetcher = Fetcher(config)
    for given in paths:
        if given == STDIN_PATH:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, config)
            continue
        if is_web_address(given):
            yield read_url(given, config, fetcher)
            continue
        for entry in iter_input_files(given):
            if isinstance(entry, IngestProblem):
                yield entry
            else:
                yield from read_file(entry, config)
    for feed in feeds:
        yield from read_feed(feed, config, fetcher, already_stored)
