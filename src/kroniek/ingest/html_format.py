"""HTML pages: article text, title and date extracted by trafilatura, offline.

trafilatura is only given the page's text, never a URL, so it cannot fetch
anything.  Its date search is limited to the page's metadata and clear date
expressions: the default "extensive" search turns a footer such as
``© 2023`` into 2023-01-01, which would be an invented date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.build import RawRecord, build_document
from kroniek.records import IngestProblem, SourceDocument


def _date_params() -> dict[str, Any]:
    """htmldate settings: metadata and explicit dates only, nothing after today."""
    return {
        "extensive_search": False,
        "original_date": True,
        "max_date": dt.date.today().isoformat(),
    }


def extract_html(content: str, url: str | None = None) -> dict[str, Any] | None:
    """Run trafilatura on a page; the fields it found, or None without article text.

    ``url`` is where the page came from: trafilatura reads the site's name from it, and
    never fetches anything with it.
    """
    # Imported here: it takes a quarter second to load and only HTML input needs it.
    import trafilatura  # noqa: PLC0415

    document = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_date_params(),
    )
    if document is None:
        return None
    fields: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    return fields


def _optional(fields: dict[str, Any], name: str) -> str | None:
    """A metadata field as stripped text, or None when absent or blank."""
    value = fields.get(name)
    return value.strip() or None if isinstance(value, str) else None


def read_html(
    content: str,
    origin: str,
    config: IngestConfig,
    *,
    url: str | None = None,
    known: RawRecord | None = None,
) -> SourceDocument | IngestProblem:
    """Build the document for one HTML page; each extracted line becomes a block.

    ``url`` is the address it was fetched from, stored as the document's; ``known`` holds
    what a feed said of the page (title, date, outlet), used where the page is silent.
    """
    try:
        fields = extract_html(content, url)
    except Exception as error:  # a third-party parser on arbitrary markup may raise anything
        return IngestProblem(origin=origin, line=None, reason=Msg.E024.format(detail=repr(error)))
    text = _optional(fields, "text") if fields else None
    if fields is None or text is None:
        return IngestProblem(origin=origin, line=None, reason=Msg.E011)
    record = RawRecord(
        text=text,
        origin=origin,
        title=_optional(fields, "title") or (known.title if known else None),
        date=_optional(fields, "date") or (known.date if known else None),
        url=url or _optional(fields, "url"),
        source=(known.source if known else None) or _optional(fields, "sitename"),
    )
    return build_document(record, config, mode="lines")
