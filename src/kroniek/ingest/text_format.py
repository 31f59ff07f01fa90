"""The seed text format: an optional `` date YYYY-MM[-DD]`` line, then the article.

The date may share its line with the start of the article
(`` date 2022-01 Met zijn verzoek ...``); whatever follows the date on that
line is the first paragraph.  A ``.txt`` file without a date line is plain
text with an unknown date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.build import RawRecord, build_document, normalise_newlines
from kroniek.records import IngestProblem, SourceDocument

# "date" then a token that starts with a digit: "Date night in Amsterdam" stays text.
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+([0-9][0-9A-Za-z:+\-./]*)[ \t]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SeedText:
    """A seed-format text split into its date value (if any) and its article text."""

    date: str | None
    body: str


def split_date_line(content: str) -> SeedText:
    """Separate a leading date line (or date prefix) from the article text."""
    text = normalise_newlines(content).lstrip("\ufeff")
    match = _DATE_LINE.match(text)
    if match is None:
        return SeedText(date=None, body=text)
    return SeedText(date=match[1], body=text[match.end() :])


def read_seed_text(
    content: str, origin: str, config: IngestConfig
) -> SourceDocument | IngestProblem:
    """Build the document for one seed-format (or plain) text."""
    seed = split_date_line(content)
    if not seed.body.strip():
        reason = Msg.E023 if seed.date is not None else Msg.E003
        return IngestProblem(origin=origin, line=None, reason=reason)
    return build_document(RawRecord(text=seed.body, origin=origin, date=seed.date), config)
