"""Every message kroniek shows a user, in one place.

Messages are templates filled with ``str.format``; the code in front of each
lets a user search the docs and an issue tracker for it.  Keeping them here
(as spaCy does) keeps wording consistent and makes them easy to review.
"""

from __future__ import annotations


class Msg:
    """Message templates, grouped by pipeline stage."""

    # ingest: one line per problem, shown after the path (and line)
    E001 = "E001 no such file or directory"
    E002 = "E002 binary file (found NUL bytes), not text"
    E003 = "E003 empty file"
    E004 = "E004 not valid UTF-8 or any common 8-bit encoding"
    E005 = "E005 malformed JSON: {detail}"
    E006 = "E006 JSON record has no non-empty 'text' field"
    E007 = "E007 CSV has no 'text' column (columns: {columns})"
    E008 = "E008 file is {size_mb:.1f} MB, above the {limit_mb:.1f} MB limit for one document"
    E009 = "E009 document text is {chars:,} characters, above the {limit:,} limit"
    E010 = "E010 unsupported file type '{suffix}' (use .txt, .json, .jsonl, .csv or .html)"
    E011 = "E011 HTML page has no extractable article text"
    E012 = "E012 date '{value}' is not YYYY-MM-DD or YYYY-MM; stored as unknown"
    E013 = "E013 cannot read: {detail}"
    E014 = "E014 JSON value is not an object"
    E015 = "E015 document id '{doc_id}' is already used by a different text"
    E016 = "E016 analysis failed: {detail}"

    # ingest, continued: codes E017-E049 belong to the ingest stage
    E017 = "E017 line is longer than {limit:,} characters; skipped"
    E018 = "E018 CSV row has no non-empty 'text' value"
    E019 = "E019 CSV row has {found} fields but the header has {expected}; skipped"
    E020 = "E020 malformed CSV: {detail}; the rest of the file was skipped"
    E021 = "E021 language field '{value}' is not an ISO 639-1 code; detected the language instead"
    E022 = "E022 field '{field}' is a {kind}, not text; ignored"
    E023 = "E023 no article text after the date line"
    E024 = "E024 HTML extraction failed: {detail}"
    E025 = "E025 not a regular file (a device, socket or pipe); skipped"
    E026 = "E026 directory already read through another path (a symlink loop); skipped"
    E027 = "E027 JSON value is longer than {limit:,} characters; the rest of the file was skipped"

    # nlp: the Frog backend
    E101 = (
        "E101 Frog is not installed (no '{binary}' on PATH); "
        "run 'make run' or 'apt-get install frog frogdata'"
    )
    E102 = "E102 Frog server did not start within {seconds:.0f} s; its log ends with: {log_tail}"
    E103 = "E103 Frog did not answer within {seconds:.0f} s"
    E104 = "E104 Frog closed the connection before finishing its answer"
    E105 = "E105 cannot align Frog token '{token}' to the text near offset {offset}"
    E106 = "E106 unexpected line in Frog output: {line!r}"

    # store
    E201 = (
        "E201 database {path} was written by a newer kroniek "
        "(schema {found}, this version knows {known})"
    )
    E202 = "E202 cannot open database {path}: {detail}"
    E203 = "E203 no document with id '{doc_id}' in {path}"

    # actors
    E301 = "E301 no actor with id '{actor_id}'; try 'kroniek actors search NAME'"
    E302 = "E302 {path} holds no Phoenix/PETRARCH actor entries"

    # events
    E401 = "E401 unknown export format '{value}'; use --format plover-jsonl"
    E402 = "E402 no ERE_TO_PLOVER.tsv mapping in {folder} or its parent"
    E403 = "E403 {path}:{line}: not a gold record ({detail}); see docs/events.md"

    # warnings and notes (not errors)
    W001 = "W001 duplicate of document {doc_id}; recorded, not stored again"
    W002 = "W002 language '{language}' has no analyser yet; stored without analysis"


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
