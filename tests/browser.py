"""Screenshots of every dashboard view, for ``docs/img`` and for looking at a database.

    python -m tests.browser --db kroniek.duckdb --out docs/img     (make screenshots)

Serves the database on a free loopback port and drives Debian's Chromium with Playwright
(the ``dev`` extra). No browser is ever downloaded: ``playwright install`` is not needed.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from kroniek.api.server import BackgroundServer

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts,
# which a machine without internet refuses, many connections at a time.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
ANIMATION_MS = 1200
"""echarts animates a chart for a second after drawing; wait for it before a screenshot."""


@contextmanager
def chromium(executable: Path = CHROMIUM) -> Iterator[Browser]:
    """A fresh headless Chromium, closed afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_page(executable: Path = CHROMIUM) -> Iterator[Page]:
    """A page in a fresh headless Chromium."""
    with chromium(executable) as browser:
        yield browser.new_page(viewport=VIEWPORT)


def open_view(page: Page, base_url: str, view: str, query: str = "") -> None:
    """Load the dashboard on a view and wait until the view has drawn."""
    page.goto(f"{base_url}?view={view}{'&' + query if query else ''}")
    page.wait_for_selector(f'body[data-rendered="{view}"]')


def first_event_query(page: Page, base_url: str) -> str:
    """``doc=…&event=…`` of the first listed event, for the article view ('' if none)."""
    answer = page.request.get(f"{base_url}api/events?limit=1")
    events = json.loads(answer.text())["events"]
    if not events:
        return ""
    event = events[0]
    return f"doc={quote(event['doc_id'], safe='')}&event={quote(event['event_id'], safe='')}"


def take_screenshots(db: Path, out: Path) -> list[Path]:
    """A PNG per view of the dashboard on ``db``, written into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with BackgroundServer(db) as server, browser_page() as page:
        article = first_event_query(page, server.url)
        for view, query in (
            ("timeline", "bucket=month"),
            ("network", ""),
            ("map", ""),
            ("events", ""),
            ("article", article),
        ):
            open_view(page, server.url, view, query)
            page.wait_for_timeout(ANIMATION_MS)
            path = out / f"dashboard-{view}.png"
            page.screenshot(path=str(path), full_page=view in {"events", "article"})
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command line: --db and --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=Path("kroniek.duckdb"), help="DuckDB file")
    parser.add_argument("--out", type=Path, default=Path("docs/img"), help="folder for PNGs")
    args = parser.parse_args(argv)
    for path in take_screenshots(args.db, args.out):
        print(path)


if __name__ == "__main__":
    main()
