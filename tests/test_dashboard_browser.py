"""The dashboard in real headless Chromium (Debian's), driven by Playwright for Python.

Each view is loaded from a server on a free loopback port, checked, and photographed into
``test-artifacts/dashboard/`` (git-ignored) so a person can look at what the test saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from kroniek.api.assets import find_node_modules
from kroniek.records import Event
from tests.api_helpers import HOSTILE, build_database

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[dev]')"
)
from kroniek.api.server import BackgroundServer  # noqa: E402

from .browser import CHROMIUM, VIEWPORT, chromium, open_view  # noqa: E402

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent (Debian package chromium; 'make test' installs it)",
        allow_module_level=True,
    )
if not (find_node_modules() / "echarts").is_dir():
    pytest.skip(
        "node_modules with echarts is absent ('npm ci' in the project; 'make test' runs it)",
        allow_module_level=True,
    )

pytestmark = pytest.mark.browser
Browser = playwright_api.Browser
Page = playwright_api.Page
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "dashboard"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Event]]]:
    path = tmp_path_factory.mktemp("dashboard") / "k.duckdb"
    events = build_database(path)
    with BackgroundServer(path) as server:
        yield server.url, events


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A new tab that records every dialog (an alert() would mean script ran)."""
    tab = browser.new_page(viewport=VIEWPORT)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.dialogs = dialogs  # type: ignore[attr-defined]
    yield tab
    tab.close()


def shoot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(600)  # let echarts finish its entry animation
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def table_rows(page: Page) -> int:
    return page.locator("#events-table tbody tr").count()


def test_timeline_draws_and_switches_period(page: Page, site: tuple[str, dict[str, Event]]) -> None:
    url, _ = site
    open_view(page, url, "timeline")
    assert page.locator("#timeline-chart canvas").count() >= 1
    assert page.locator("#status").text_content() == ""
    page.click("#bucket-switch button[data-bucket='day']")
    page.wait_for_selector('body[data-rendered="timeline"]')
    assert "bucket=day" in page.url
    note = page.locator("#timeline-note").text_content() or ""
    assert "47 days" in note and "1 without any date" in note
    shoot(page, "timeline")


def test_network_draws(page: Page, site: tuple[str, dict[str, Event]]) -> None:
    url, _ = site
    open_view(page, url, "network")
    assert page.locator("#network-chart canvas").count() >= 1
    shoot(page, "network")


def test_map_draws_places_and_countries(page: Page, site: tuple[str, dict[str, Event]]) -> None:
    url, _ = site
    open_view(page, url, "map")
    assert page.locator("#map-chart canvas").count() >= 1
    assert (page.locator("#map-note").text_content() or "").startswith("1 places")
    assert page.locator("#status").text_content() == ""
    shoot(page, "map")


def test_a_filter_goes_into_the_url_and_shrinks_the_table(
    page: Page, site: tuple[str, dict[str, Event]]
) -> None:
    url, events = site
    open_view(page, url, "events")
    assert table_rows(page) == 4
    # One row per happening, with how often the article reports it.
    reports = page.locator("#events-table thead th").all_text_contents().index("Reports")
    aid = page.locator(f"#events-table tbody tr[data-event='{events['AID'].event_id}'] td")
    assert aid.nth(reports).text_content() == "2"
    page.select_option("#filters select[name='type']", "PROTEST")
    page.click("#filters button[type='submit']")
    page.wait_for_url(re.compile(r"type=PROTEST"))
    page.wait_for_selector('body[data-rendered="events"]')
    assert table_rows(page) == 1
    assert "type=PROTEST" in (page.get_attribute("#export-csv", "href") or "")
    shoot(page, "events-filtered")
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr').length === 4")
    # The filter survives a reload: it lives in the URL, shared by every view.
    open_view(page, url, "events", "country=UKR")
    assert table_rows(page) == 1
    assert page.input_value("#filters select[name='country']") == "UKR"


def test_evidence_is_highlighted_in_the_article(
    page: Page, site: tuple[str, dict[str, Event]]
) -> None:
    url, events = site
    protest = events["PROTEST"]
    open_view(page, url, "events")
    page.click(f"#events-table tbody tr[data-event='{protest.event_id}']")
    page.wait_for_url(re.compile(r"view=article"))
    page.wait_for_selector('body[data-rendered="article"]')
    text = page.locator("#article-text")
    assert text.locator(".hl-trigger").all_text_contents() == ["protesteerden"]
    assert text.locator(".hl-actor").all_text_contents() == ["demonstranten"]
    assert text.locator(".hl-place").all_text_contents() == ["Almaty"]
    assert text.locator(".hl-date").all_text_contents() == ["woensdag"]
    assert text.locator(".hl-quantity").all_text_contents() == ["Duizenden"]
    why = page.locator("#why-body").text_content() or ""
    assert "protest.protesteerden" in why and "0.75" in why and "Almaty" in why
    shoot(page, "article")


def test_hostile_article_text_renders_as_text(
    page: Page, site: tuple[str, dict[str, Event]]
) -> None:
    url, events = site
    accuse = events["ACCUSE"]
    query = f"doc=xss&event={quote(accuse.event_id, safe='')}"
    open_view(page, url, "article", query)
    article = page.locator("#article-text")
    assert (article.text_content() or "").startswith(HOSTILE)
    assert article.locator("script").count() == 0 and article.locator("b").count() == 0
    injected = "() => [...document.querySelectorAll('b')].filter(b => b.textContent === 'bold')"
    assert page.evaluate(injected + ".length") == 0
    assert page.evaluate("() => document.querySelectorAll('main script').length") == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    negated = page.locator("#article-events li", has_text="THREATEN")
    assert "[negated]" in (negated.text_content() or "")
    shoot(page, "article-hostile")


def test_everything_loads_from_the_server_itself(
    page: Page, site: tuple[str, dict[str, Event]]
) -> None:
    url, _ = site
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for view in ("timeline", "network", "map", "events"):
        open_view(page, url, view)
    page.goto(url + "docs")
    page.wait_for_selector(".swagger-ui .info")
    assert requested and all(r.startswith(url) or r.startswith("data:") for r in requested)
    shoot(page, "docs")
