"""News from the web: articles by address and RSS/Atom feeds, fetched politely.

One ``Fetcher`` serves a run: it names itself (a user agent), gives up after a timeout,
waits between two requests to the same host, reads no more than one document may be,
and speaks only HTTP(S) — a redirect or a feed link to ``file:`` or ``ftp:`` is refused.
Pages are extracted by trafilatura exactly as HTML files are (``html_format``); a feed
is parsed by feedparser from the fetched bytes, never handed a name it could open itself.
Every failure is an ``IngestProblem`` naming the address; the run goes on.
"""

from __future__ import annotations

import datetime as dt
import io
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kroniek.config import IngestConfig
from kroniek.errors import Msg
from kroniek.ingest.build import RawRecord
from kroniek.ingest.decoding import declared_html_charset
from kroniek.ingest.html_format import read_html
from kroniek.ingest.sources import decode_document, os_detail, problem
from kroniek.records import IngestProblem, SourceDocument

Item = SourceDocument | IngestProblem
WEB_SCHEMES = ("http://", "https://")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_web_address(given: str) -> bool:
    """Whether an input names a page on the web rather than a file."""
    return given.lower().startswith(WEB_SCHEMES)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A web server's answer: the bytes, their media type and declared charset."""

    url: str
    data: bytes
    media_type: str
    charset: str | None


def http_only_opener() -> urllib.request.OpenerDirector:
    """HTTP and HTTPS only (with redirects between them): no file:, ftp: or data: handler."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        opener.add_handler(handler)
    return opener


@dataclass
class Fetcher:
    """One polite HTTP client for a run (see the module docstring)."""

    config: IngestConfig
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _opener: urllib.request.OpenerDirector = field(default_factory=http_only_opener)

    def get(self, url: str) -> Fetched | IngestProblem:
        """GET ``url``; the answer, or the problem that stopped it."""
        if not is_web_address(url):
            return problem(url, Msg.E031)
        host = urlsplit(url).netloc.lower()
        self._wait_for(host)
        try:
            answer = self._request(url)
        finally:
            self._last[host] = self.clock()
        if isinstance(answer, IngestProblem):
            return answer
        data, headers = answer
        if len(data) > self.config.max_file_bytes:
            limit = self.config.max_file_bytes / 1_000_000
            return problem(url, Msg.E008.format(size_mb=len(data) / 1_000_000, limit_mb=limit))
        return Fetched(url, data, headers.get_content_type(), headers.get_content_charset())

    def _request(self, url: str) -> tuple[bytes, Message] | IngestProblem:
        """The body (at most one byte over the limit) and headers, or why there are none."""
        request = urllib.request.Request(url, headers={"User-Agent": self.config.user_agent})
        try:
            with self._opener.open(request, timeout=self.config.fetch_timeout) as answer:
                return answer.read(self.config.max_file_bytes + 1), answer.headers
        except urllib.error.HTTPError as error:
            return problem(url, Msg.E030.format(detail=f"HTTP {error.code} {error.reason}"))
        except urllib.error.URLError as error:
            return problem(url, Msg.E030.format(detail=_reason(error.reason)))
        except TimeoutError:
            detail = f"no answer within {self.config.fetch_timeout:g} s"
            return problem(url, Msg.E030.format(detail=detail))
        except (OSError, ValueError) as error:  # a reset connection, a malformed address
            return problem(url, Msg.E030.format(detail=_reason(error)))

    def _wait_for(self, host: str) -> None:
        """Sleep until ``fetch_delay`` has passed since the last request to ``host``."""
        last = self._last.get(host)
        if last is not None:
            remaining = self.config.fetch_delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)


def _reason(reason: object) -> str:
    """A short reason for a network failure."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(reason, OSError):
        return os_detail(reason)
    return str(reason)


def read_url(
    url: str, config: IngestConfig, fetcher: Fetcher, known: RawRecord | None = None
) -> Item:
    """Fetch one article and extract it; ``known`` holds what a feed said of it."""
    fetched = fetcher.get(url)
    if isinstance(fetched, IngestProblem):
        return fetched
    if fetched.media_type not in _HTML_TYPES:
        return problem(url, Msg.E034.format(kind=fetched.media_type))
    declared = fetched.charset or declared_html_charset(fetched.data)
    content = decode_document(fetched.data, url, declared)
    if isinstance(content, IngestProblem):
        return content
    return read_html(content, url, config, url=url, known=known)


def read_feed(
    given: str,
    config: IngestConfig,
    fetcher: Fetcher,
    already_stored: Callable[[str], bool],
) -> Iterator[Item]:
    """Every new item of an RSS or Atom feed (an address or a file), fetched once.

    An item whose link is already stored (``already_stored``) is not fetched again, so
    reading a feed every hour fetches only what is new.
    """
    data = _feed_bytes(given, fetcher)
    if isinstance(data, IngestProblem):
        yield data
        return
    # Imported here: only feeds need it.
    import feedparser  # noqa: PLC0415

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no channel or feed element")
        yield problem(given, Msg.E032.format(detail=detail))
        return
    outlet = _text(parsed.feed.get("title"))
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        link = _text(entry.get("link"))
        if link is None:
            yield problem(given, Msg.E033, line=number)
            continue
        if link in seen or already_stored(link):
            continue
        seen.add(link)
        if not is_web_address(link):
            yield problem(link, Msg.E031)
            continue
        known = RawRecord(
            text="",
            origin=link,
            title=_text(entry.get("title")),
            date=_entry_date(entry),
            source=outlet,
        )
        yield read_url(link, config, fetcher, known)


def _feed_bytes(given: str, fetcher: Fetcher) -> bytes | IngestProblem:
    """The feed document from the web or from a file."""
    if is_web_address(given):
        fetched = fetcher.get(given)
        return fetched if isinstance(fetched, IngestProblem) else fetched.data
    try:
        with Path(given).open("rb") as handle:
            return handle.read(fetcher.config.max_file_bytes + 1)
    except FileNotFoundError:
        return problem(given, Msg.E001)
    except OSError as error:
        return problem(given, Msg.E013.format(detail=os_detail(error)))


def _text(value: Any) -> str | None:
    """A feed field as stripped text, or None."""
    return value.strip() or None if isinstance(value, str) else None


def _entry_date(entry: Any) -> str | None:
    """The item's publication (else update) date as YYYY-MM-DD.

    feedparser gives it in UTC, which can be the day before a Dutch morning paper's own
    date; the page's own date, when trafilatura finds one, therefore wins.
    """
    for name in ("published_parsed", "updated_parsed"):
        moment = entry.get(name)
        if moment is not None:
            try:
                return dt.date(moment.tm_year, moment.tm_mon, moment.tm_mday).isoformat()
            except (ValueError, AttributeError):
                continue
    return None
