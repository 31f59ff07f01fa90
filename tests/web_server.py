"""A news site on a loopback port, for the tests of fetching pages and feeds offline.

The site serves our own two short Dutch articles, an RSS and an Atom feed that link to
them (and to pages that fail), and pages that fail in the ways the web fails: a 404, a
PDF, an answer slower than the fetch timeout, a redirect to a local file. It records every
request (path and user agent), so a test can check what was fetched, and how often.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_PROTEST = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<title>Boeren blokkeren grensovergang bij Venlo | Het Grensblad</title>
<meta property="og:title" content="Boeren blokkeren grensovergang bij Venlo">
<meta property="og:site_name" content="Het Grensblad">
<meta property="article:published_time" content="2024-03-12T08:15:00+01:00">
</head><body><nav>Home | Binnenland | Buitenland</nav>
<article><h1>Boeren blokkeren grensovergang bij Venlo</h1>
<p>Honderden boeren hebben maandag met tractoren de grensovergang bij Venlo geblokkeerd.
Zij protesteerden tegen nieuwe Europese regels voor mest en stikstof.</p>
<p>De politie leidde het verkeer om via Nijmegen. Volgens de organisatie duurde de
blokkade tot in de avond; er werd niemand aangehouden.</p>
<p>De Duitse minister van Landbouw zei dinsdag begrip te hebben voor de boeren, maar riep
hen op de grens niet opnieuw te sluiten.</p></article>
<footer>© 2024 Het Grensblad</footer></body></html>
"""

# No title element, no date, no site name: what a feed says of it must fill the gaps.
ARTICLE_TALKS = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"></head><body>
<div class="story"><p>De ministers van Buitenlandse Zaken van Finland en Estland hebben in
Helsinki overlegd over de bewaking van de Oostzee. Zij spraken af hun kustwachten vaker
samen te laten varen.</p>
<p>Estland vroeg Finland om steun bij het beschermen van de kabels op de zeebodem. De Finse
minister beloofde daarover binnen een maand een voorstel te doen.</p></div>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Het Grensblad - Buitenland</title>
<link>{base}/</link><description>Nieuws</description>
<item><title>Boeren blokkeren grensovergang bij Venlo</title><link>{base}/protest.html</link>
<pubDate>Tue, 12 Mar 2024 08:15:00 +0100</pubDate></item>
<item><title>Finland en Estland overleggen over Oostzee</title><link>{base}/talks.html</link>
<pubDate>Wed, 13 Mar 2024 10:00:00 +0100</pubDate></item>
<item><title>Verdwenen bericht</title><link>{base}/gone.html</link></item>
<item><title>Bericht zonder link</title></item>
<item><title>Een lokaal bestand</title><link>file:///etc/passwd</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Het Grensblad (Atom)</title>
<id>{base}/atom</id><updated>2024-03-13T10:00:00Z</updated>
<entry><title>Finland en Estland overleggen over Oostzee</title>
<link href="{base}/talks.html"/><id>{base}/talks</id>
<updated>2024-03-13T10:00:00Z</updated></entry>
</feed>
"""


@dataclass
class Site:
    """The running site: its base address and the requests it has answered."""

    base: str
    requests: list[tuple[str, str]] = field(default_factory=list)
    """(path, User-Agent) of every request, in order."""

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def fetched(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == f"/{path.lstrip('/')}")


SLOW_SECONDS = 3.0


def _routes(base: str) -> dict[str, tuple[int, str, bytes, dict[str, str]]]:
    """Path → (status, media type, body, extra headers)."""
    html = "text/html; charset=utf-8"
    return {
        "/protest.html": (200, html, ARTICLE_PROTEST.encode(), {}),
        "/talks.html": (200, html, ARTICLE_TALKS.encode(), {}),
        "/feed.rss": (200, "application/rss+xml", RSS.format(base=base).encode(), {}),
        "/feed.atom": (200, "application/atom+xml", ATOM.format(base=base).encode(), {}),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4 not an article", {}),
        "/to-file": (302, html, b"", {"Location": "file:///etc/passwd"}),
        "/moved": (301, html, b"", {"Location": f"{base}/protest.html"}),
    }


@contextmanager
def news_site() -> Iterator[Site]:
    """Serve the site on a free loopback port until the block ends."""
    site = Site(base="")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            if self.path == "/slow.html":
                time.sleep(SLOW_SECONDS)
            status, media_type, body, headers = routes.get(
                self.path, (404, "text/plain", b"not found", {})
            )
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests check the requests themselves."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    routes.update(_routes(site.base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
