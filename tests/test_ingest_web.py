"""News from the web, offline: pages and feeds from a news site on a loopback port."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from kroniek.cli import app as cli_app
from kroniek.config import IngestConfig
from kroniek.ingest import read_inputs
from kroniek.ingest.web import Fetcher
from kroniek.records import IngestProblem, SourceDocument

from .conftest import need_frog
from .web_server import SLOW_SECONDS, Site, news_site

FAST = IngestConfig(fetch_delay=0.0, fetch_timeout=SLOW_SECONDS / 3)
runner = CliRunner()


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with news_site() as running:
        yield running


def read(site: Site, *paths: str, feeds: tuple[str, ...] = ()) -> list[object]:
    return list(read_inputs([site.url(p) for p in paths], FAST, feeds=feeds))


def test_an_article_by_its_address(site: Site) -> None:
    [doc] = read(site, "protest.html")
    assert isinstance(doc, SourceDocument)
    assert doc.title == "Boeren blokkeren grensovergang bij Venlo"
    assert (doc.published, doc.date_precision) == ("2024-03-12", "day")
    assert doc.url == site.url("protest.html") and doc.origin == doc.url
    assert doc.source == "Het Grensblad" and doc.language == "nl"
    assert "Honderden boeren" in doc.text and "Home | Binnenland" not in doc.text
    assert site.requests[-1][1].startswith("kroniek/")  # it says who is asking


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("gone.html", "E030 cannot fetch: HTTP 404"),
        ("report.pdf", "E034 answer is application/pdf"),
        ("slow.html", f"E030 cannot fetch: no answer within {SLOW_SECONDS / 3:g} s"),
        ("to-file", "E030 cannot fetch: HTTP 302"),
    ],
)
def test_a_page_that_fails_is_one_problem_naming_its_address(
    site: Site, path: str, reason: str
) -> None:
    [found] = read(site, path)
    assert isinstance(found, IngestProblem)
    assert found.origin == site.url(path) and found.reason.startswith(reason), found


def test_a_redirect_between_web_pages_is_followed(site: Site) -> None:
    [doc] = read(site, "moved")
    assert isinstance(doc, SourceDocument) and "Honderden boeren" in doc.text


def test_only_web_addresses_are_fetched() -> None:
    fetched = Fetcher(FAST).get("file:///etc/passwd")
    assert isinstance(fetched, IngestProblem) and fetched.reason.startswith("E031")


def test_a_feed_gives_every_item_and_a_problem_per_bad_one(site: Site) -> None:
    found = read(site, feeds=(site.url("feed.rss"),))
    docs = [f for f in found if isinstance(f, SourceDocument)]
    problems = [f for f in found if isinstance(f, IngestProblem)]
    assert [d.url for d in docs] == [site.url("protest.html"), site.url("talks.html")]
    # The talks page has no title, date or site name: the feed's fill them in.
    talks = docs[1]
    assert talks.title == "Finland en Estland overleggen over Oostzee"
    assert talks.published == "2024-03-13" and talks.source == "Het Grensblad - Buitenland"
    reasons = sorted(p.reason[:4] for p in problems)
    assert reasons == ["E030", "E031", "E033"]
    assert next(p for p in problems if p.reason.startswith("E033")).line == 4


def test_an_atom_feed_and_a_feed_file(site: Site, tmp_path: Path) -> None:
    [doc] = read(site, feeds=(site.url("feed.atom"),))
    assert isinstance(doc, SourceDocument) and doc.url == site.url("talks.html")
    saved = tmp_path / "saved.rss"
    item = f"<item><link>{site.url('protest.html')}</link></item>"
    saved.write_text(f'<rss version="2.0"><channel><title>x</title>{item}</channel></rss>')
    [again] = read(site, feeds=(str(saved),))
    assert isinstance(again, SourceDocument) and again.url == site.url("protest.html")


def test_a_page_that_is_no_feed_is_a_clear_problem(site: Site) -> None:
    [found] = read(site, feeds=(site.url("protest.html"),))
    assert isinstance(found, IngestProblem) and found.reason.startswith("E032")
    [missing] = read(site, feeds=("no-such-feed.xml",))
    assert isinstance(missing, IngestProblem) and missing.reason.startswith("E001")


def test_items_already_stored_are_not_fetched_again(site: Site) -> None:
    before = site.fetched("protest.html")
    stored = {site.url("protest.html")}
    found = list(
        read_inputs([], FAST, feeds=(site.url("feed.rss"),), already_stored=stored.__contains__)
    )
    assert site.fetched("protest.html") == before
    assert [f.url for f in found if isinstance(f, SourceDocument)] == [site.url("talks.html")]


def test_requests_to_one_host_are_spaced() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(IngestConfig(fetch_delay=2.0, fetch_timeout=0.5), lambda: now[0], sleep)
    # Nothing listens on port 9 of the loopback: each request fails at once.
    fetcher.get("http://127.0.0.1:9/a")
    now[0] += 0.5
    fetcher.get("http://127.0.0.1:9/b")
    fetcher.get("http://localhost:9/c")  # another host name: no wait
    assert slept == [1.5]


def test_ingest_a_feed_twice_fetches_each_item_once(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "feed.duckdb"
    args = ["ingest", "--feed", site.url("feed.rss"), "--delay", "0", "--db", str(db), "--json"]
    first = runner.invoke(cli_app, args)
    assert first.exit_code == 1, first.output  # the bad items were reported
    assert json.loads(first.stdout)["stored_new"] == 2
    fetched = site.fetched("talks.html")
    second = runner.invoke(cli_app, args)
    assert json.loads(second.stdout)["stored_new"] == 0
    assert site.fetched("talks.html") == fetched
    with duckdb.connect(str(db), read_only=True) as con:
        urls = {row[0] for row in con.execute("SELECT url FROM documents").fetchall()}
    assert urls == {site.url("protest.html"), site.url("talks.html")}


def test_standard_input_takes_its_date_from_the_option(tmp_path: Path) -> None:
    db = tmp_path / "stdin.duckdb"
    text = (
        "Honderden boeren blokkeerden maandag de grens bij Venlo uit protest tegen nieuwe regels."
    )
    done = runner.invoke(cli_app, ["ingest", "-", "--date", "2024-03", "--db", str(db)], input=text)
    assert done.exit_code == 0, done.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT published, date_precision, notes FROM documents").fetchone()
    assert row == ("2024-03", "month", ["date from --date"])
    bad = runner.invoke(cli_app, ["ingest", "-", "--date", "maart", "--db", str(db)], input=text)
    assert bad.exit_code == 2 and "E035" in bad.output


def test_a_date_of_its_own_wins_over_the_option(tmp_path: Path) -> None:
    db = tmp_path / "own.duckdb"
    text = " date 2022-01-06 Rusland stuurde troepen naar Kazachstan op verzoek van de president."
    done = runner.invoke(cli_app, ["ingest", "-", "--date", "2024", "--db", str(db)], input=text)
    assert done.exit_code == 0, done.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT published, notes FROM documents").fetchone()
    assert row == ("2022-01-06", [])


@pytest.mark.frog
def test_run_codes_a_page_and_a_feed_with_real_frog(site: Site, tmp_path: Path) -> None:
    need_frog()
    db = tmp_path / "web.duckdb"
    page = runner.invoke(cli_app, ["run", site.url("protest.html"), "--db", str(db), "--json"])
    assert page.exit_code == 0, page.output
    assert json.loads(page.stdout)["events_coded"] > 0
    feed = ["run", "--feed", site.url("feed.atom"), "--delay", "0", "--db", str(db), "--json"]
    fed = runner.invoke(cli_app, feed)
    assert fed.exit_code == 0, fed.output
    assert json.loads(fed.stdout)["stored_new"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        coded = con.execute(
            "SELECT d.url, e.event_type FROM events e JOIN documents d USING (doc_id)"
        ).fetchall()
    assert (site.url("protest.html"), "PROTEST") in coded
    assert {url for url, _ in coded} == {site.url("protest.html"), site.url("talks.html")}
