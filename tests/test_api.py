"""The HTTP API: every endpoint on a small known database, one error shape, no writes."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kroniek.api import create_app
from kroniek.api.assets import VENDOR, find_node_modules
from kroniek.cli import app as cli_app
from kroniek.query.export import COLUMN_TYPES, COLUMNS, EXPORTS
from kroniek.records import Event
from tests.api_helpers import HOSTILE, KZ_TEXT, XSS_TEXT, build_database

FILTER_PARAMS = ("type", "actor", "recipient", "country", "from", "to", "doc")
ENDPOINTS = (
    "/api/events",
    "/api/actors",
    "/api/network",
    "/api/places",
    "/api/stats/timeline",
    "/api/export",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Event]]:
    path = tmp_path_factory.mktemp("api") / "k.duckdb"
    return path, build_database(path)


@pytest.fixture(scope="module")
def client(database: tuple[Path, dict[str, Event]]) -> Iterator[TestClient]:
    with TestClient(create_app(database[0])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def events(database: tuple[Path, dict[str, Event]]) -> dict[str, Event]:
    return database[1]


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def assert_error(response: Any, status: int, code: str) -> None:
    """The one error shape: {"error": {"status", "code", "message"}} and nothing else."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"] and not body["error"]["message"].startswith(code)


def ids(body: dict[str, Any]) -> set[str]:
    return {e["event_id"] for e in body["events"]}


def test_events_page_through_with_a_total(client: TestClient) -> None:
    everything = get(client, "/api/events")
    assert everything["total"] == 4  # the negated THREATEN is left out, as in 'kroniek events'
    first = get(client, "/api/events?limit=3&offset=0")
    rest = get(client, "/api/events?limit=3&offset=3")
    assert (first["total"], len(first["events"]), len(rest["events"])) == (4, 3, 1)
    assert ids(first) | ids(rest) == ids(everything)
    assert get(client, "/api/events?all=true")["total"] == 5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=PROTEST", {"PROTEST"}),
        ("type=protest", {"PROTEST"}),
        ("actor=RUS", {"AID"}),
        ("actor=state:UKR", {"ACCUSE"}),
        ("recipient=DEU", {"CONSULT"}),
        ("country=KAZ", {"AID", "PROTEST"}),
        ("from=2022-02", {"ACCUSE"}),
        ("to=2022-01", {"AID", "PROTEST"}),
        # The protest is dated by its own "woensdag" (2022-01-05), not by publication.
        ("from=2022-01-06&to=2022-01-06", {"AID"}),
        ("from=2022-01-05&to=2022-01-05", {"PROTEST"}),
        ("doc=undated", {"CONSULT"}),
        ("country=RUS&all=true", {"AID", "ACCUSE", "THREATEN"}),
        # Text search in the sentence, the trigger or a party's name, in any case.
        ("q=AGRESSIE", {"ACCUSE"}),
        ("q=almaty", {"PROTEST"}),
        ("q=kazakh%20civilians", {"PROTEST"}),
        ("q=nowhere", set()),
        ("aux=negated", {"THREATEN"}),
        ("min_confidence=0.8", set()),
        ("min_confidence=0.75&type=AID", {"AID"}),
    ],
)
def test_filters_select_events(
    client: TestClient, events: dict[str, Event], query: str, expected: set[str]
) -> None:
    body = get(client, f"/api/events?{query}")
    assert ids(body) == {events[kind].event_id for kind in expected}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("document", ["AID", "PROTEST", "ACCUSE", "CONSULT"]),
        ("date", ["PROTEST", "AID", "ACCUSE", "CONSULT"]),
        ("-date", ["ACCUSE", "AID", "PROTEST", "CONSULT"]),
        ("type", ["ACCUSE", "AID", "CONSULT", "PROTEST"]),
        ("-reports", ["AID", "PROTEST", "ACCUSE", "CONSULT"]),
    ],
)
def test_events_sort(client: TestClient, sort: str, expected: list[str]) -> None:
    body = get(client, f"/api/events?sort={sort}")
    assert [e["event_type"] for e in body["events"]] == expected


def test_an_event_comes_with_its_evidence(client: TestClient, events: dict[str, Event]) -> None:
    protest = events["PROTEST"]
    body = get(client, f"/api/events/{protest.event_id}")
    evidence = body["evidence"]
    assert evidence["sentence"]["text"].startswith("Duizenden demonstranten")
    assert (evidence["rule"], evidence["confidence"], evidence["aux"]) == (
        "protest.protesteerden",
        0.75,
        [],
    )
    spans = {s["kind"]: s for s in evidence["spans"]}
    assert set(spans) == {"trigger", "actor", "place", "date", "quantity"}
    for found in evidence["spans"]:
        assert KZ_TEXT[found["start"] : found["end"]] == found["text"]
    assert spans["place"]["name"] == "Almaty" and spans["date"]["value"] == "2022-01-05"
    setting = body["event"]["setting"]
    assert setting["places"][0]["latitude"] == 43.25
    assert setting["quantities"][0] == {
        "kind": "crowd",
        "low": 1000,
        "high": 9999,
        "start": KZ_TEXT.index("Duizenden"),
        "end": KZ_TEXT.index("Duizenden") + 9,
        "text": "Duizenden",
    }
    assert body["plover"]["event"] == "PROTEST" and body["plover"]["rule"] == evidence["rule"]


def test_a_happening_reported_twice_is_one_event_with_both_reports(
    client: TestClient, events: dict[str, Event]
) -> None:
    aid = events["AID"]
    listed = {e["event_id"]: e for e in get(client, "/api/events")["events"]}
    assert [m["text"] for m in listed[aid.event_id]["mentions"]] == ["stuurde", "troepen"]
    assert len(listed[events["PROTEST"].event_id]["mentions"]) == 1
    body = get(client, f"/api/events/{aid.event_id}")
    triggers = [s["text"] for s in body["evidence"]["spans"] if s["kind"] == "trigger"]
    assert triggers == ["stuurde", "troepen"]
    assert body["plover"]["mentions"] == 2
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv").text)))
    assert {r["event_type"]: r["mentions"] for r in rows} == {
        "AID": "2",
        "PROTEST": "1",
        "ACCUSE": "1",
        "CONSULT": "1",
    }


def test_a_negated_event_is_found_by_id_with_its_aux_mode(
    client: TestClient, events: dict[str, Event]
) -> None:
    body = get(client, f"/api/events/{events['THREATEN'].event_id}")
    assert body["evidence"]["aux"] == ["negated"]
    assert body["event"]["setting"] == {"places": [], "dates": [], "quantities": []}


def test_a_document_has_every_span(client: TestClient) -> None:
    body = get(client, "/api/documents/kz-1")
    assert body["text"] == KZ_TEXT
    kinds = {s["kind"] for s in body["spans"]}
    assert kinds == {
        "mention",
        "actor_mention",
        "trigger",
        "actor",
        "recipient",
        "place",
        "date",
        "quantity",
        "quote",
        "place_mention",
    }
    assert all(KZ_TEXT[s["start"] : s["end"]] == s["text"] for s in body["spans"])
    assert len(body["events"]) == 2 and len(body["sentences"]) == 2


def test_the_hostile_document_is_returned_as_plain_text(client: TestClient) -> None:
    body = get(client, "/api/documents/xss")
    assert body["text"] == XSS_TEXT and body["text"].startswith(HOSTILE)
    assert len(body["events"]) == 2  # the article view shows negated events too


def test_timeline_counts_per_type_and_period(client: TestClient) -> None:
    day = get(client, "/api/stats/timeline?bucket=day")
    series = {s["event_type"]: s["counts"] for s in day["series"]}
    # The protest is dated by its own date (Wednesday 5 January), not the paper's (the 6th).
    assert day["periods"][0] == "2022-01-05" and series["PROTEST"][0] == 1
    assert day["periods"][1] == "2022-01-06" and series["AID"][1] == 1
    assert day["periods"][-1] == "2022-02-20" and len(day["periods"]) == 47
    assert day["undated"] == 1
    week = get(client, "/api/stats/timeline?bucket=week")
    assert week["periods"][0] == "2022-01-03"  # the Monday of that week
    month = get(client, "/api/stats/timeline?bucket=month&type=PROTEST")
    assert month["periods"] == ["2022-01-01"] and month["series"][0]["counts"] == [1]


def test_network_edges_carry_counts_and_mean_scale(client: TestClient) -> None:
    body = get(client, "/api/network")
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(edges) == {("RUS", "KAZ"), ("UKR", "RUS"), ("FRA", "DEU")}
    assert edges[("RUS", "KAZ")]["events"] == 1
    assert edges[("RUS", "KAZ")]["mean_event_scale"] == 7.0
    nodes = {n["code"]: n for n in body["nodes"]}
    assert nodes["KAZ"]["events"] == 2 and "Kazakh civilians" in nodes["KAZ"]["names"]
    assert get(client, "/api/network?type=CONSULT")["edges"] == [
        {"source": "FRA", "target": "DEU", "events": 1, "mean_event_scale": 4.0}
    ]


def test_actors_with_event_counts(client: TestClient) -> None:
    actors = {a["actor_id"]: a for a in get(client, "/api/actors")["actors"]}
    assert actors["state:RUS"]["as_actor"] == 1 and actors["state:RUS"]["as_recipient"] == 1
    assert actors["state:RUS"]["events"] == 2
    assert actors["group:KAZ-CVL"]["name"] == "Kazakh civilians"


def test_places_with_coordinates_and_country_counts(client: TestClient) -> None:
    body = get(client, "/api/places")
    assert body["places"] == [
        {
            "geonameid": 1526384,
            "name": "Almaty",
            "latitude": 43.25,
            "longitude": 76.91,
            "country": "KAZ",
            "precision": "city",
            "events": 1,
        }
    ]
    countries = {c["country"]: c for c in body["countries"]}
    assert countries["KAZ"]["numeric"] == "398"
    assert (countries["KAZ"]["located"], countries["KAZ"]["involved"]) == (1, 2)
    assert body["unlocated"] == 3


def test_empty_setting_tables_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bare.duckdb"
    events = build_database(path, settings=False)
    with TestClient(create_app(path)) as bare:
        assert get(bare, "/api/places")["places"] == []
        protest = get(bare, f"/api/events/{events['PROTEST'].event_id}")
        assert protest["event"]["setting"]["places"] == []
        assert get(bare, "/api/stats/timeline?bucket=day")["periods"][0] == "2022-01-06"
        rows = list(csv.DictReader(io.StringIO(bare.get("/api/export?format=csv").text)))
        assert all(r["location_name"] == "" for r in rows)


def test_export_csv_has_one_row_per_dyad(client: TestClient) -> None:
    response = client.get("/api/export?format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == COLUMNS
    by_type = {r["event_type"]: r for r in rows}
    assert len(rows) == 4
    assert (by_type["AID"]["actor1_code"], by_type["AID"]["actor2_code"]) == ("RUS", "KAZ")
    assert by_type["PROTEST"]["location_name"] == "Almaty"
    protest = by_type["PROTEST"]
    assert (protest["date_start"], protest["date_end"]) == ("2022-01-05", "2022-01-05")
    assert protest["date_precision"] == "day" and protest["published"] == "2022-01-06"
    # The numbers the text gives are columns: "Duizenden demonstranten" is a crowd of 1000+.
    assert (protest["crowd"], protest["dead"]) == ("1000", "")
    assert protest["trigger"] == "protesteerden" and protest["sentence"].startswith("Duizenden")
    assert (protest["language"], protest["doc_id"]) == ("nl", "kz-1")
    assert by_type["CONSULT"]["date_start"] == by_type["CONSULT"]["date_precision"] == ""
    filtered = client.get("/api/export?format=csv&type=ACCUSE").text
    assert len(list(csv.DictReader(io.StringIO(filtered)))) == 1


def test_export_parquet_reads_back_typed(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/api/export?format=parquet&all=true")
    assert response.status_code == 200 and response.content.startswith(b"PAR1")
    path = tmp_path / "e.parquet"
    path.write_bytes(response.content)
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT event_type, event_scale, location_lat FROM read_parquet(?) ORDER BY 1",
            [str(path)],
        ).fetchall()
    assert rows[-2] == ("PROTEST", -5.0, 43.25)
    assert [r[0] for r in rows] == ["ACCUSE", "AID", "CONSULT", "PROTEST", "THREATEN"]
    with duckdb.connect() as con:
        described = con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(path)]).description
        types = {column[0]: str(column[1]) for column in described}
        threat = con.execute(
            "SELECT aux, date_start, crowd FROM read_parquet(?) WHERE event_type = 'THREATEN'",
            [str(path)],
        ).fetchone()
    assert (types["date_start"], types["date_end"], types["aux"]) == ("DATE", "DATE", "VARCHAR[]")
    assert (types["crowd"], types["confidence"]) == ("BIGINT", "DOUBLE")
    assert threat == (["negated"], date(2022, 2, 20), None)


def test_export_plover_jsonl(client: TestClient) -> None:
    lines = client.get("/api/export?format=plover-jsonl&country=KAZ").text.splitlines()
    assert sorted(json.loads(line)["event"] for line in lines) == ["AID", "PROTEST"]


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/nothing", 404, "E601"),
        ("/api/events/no-such-event", 404, "E604"),
        ("/api/documents/no-such-doc", 404, "E605"),
        ("/api/events?limit=0", 422, "E603"),
        ("/api/events?limit=many", 422, "E603"),
        ("/api/events?offset=-1", 422, "E603"),
        ("/api/stats/timeline?bucket=decade", 422, "E603"),
        ("/api/export?format=xml", 422, "E603"),
        ("/api/events?from=2022-13-01", 400, "E606"),
        ("/api/events?from=22-01", 400, "E606"),
        ("/api/events?from=2022-03&to=2022-01", 400, "E606"),
        ("/api/events?aux=sometimes", 400, "E606"),
        ("/api/events?sort=random", 422, "E603"),
        ("/api/events?min_confidence=2", 422, "E603"),
        ("/api/events?country=Kazakhstan", 400, "E606"),
        ("/api/events?type=PRO TEST", 400, "E606"),
        ("/vendor/package.json", 404, "E601"),
    ],
)
def test_errors_have_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert_error(client.get(url), status, code)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/events", "/api/events/x", "/api/documents/kz-1", "/"])
def test_nothing_can_be_written(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json={"event_type": "PROTEST"})
    assert_error(response, 405, "E602")
    assert get(client, "/api/events?all=true")["total"] == 5


def test_an_unexpected_failure_is_a_500_without_internals(
    database: tuple[Path, dict[str, Event]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("kroniek.api.routes.network", broken)
    with TestClient(create_app(database[0]), raise_server_exceptions=False) as failing:
        response = failing.get("/api/network")
    assert_error(response, 500, "E608")
    assert "secret" not in response.text


def test_an_unreadable_database_is_a_503(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "missing.duckdb")) as nowhere:
        assert_error(nowhere.get("/api/events"), 503, "E607")


INJECTIONS = (
    "x' OR '1'='1",
    "PROTEST'; DROP TABLE events; --",
    '1" OR 1=1 --',
    "2022-01-01' OR 'a'='a",
    "') UNION SELECT * FROM documents --",
)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name", FILTER_PARAMS)
def test_sql_injection_in_any_filter_selects_nothing(
    client: TestClient, name: str, endpoint: str, value: str
) -> None:
    response = client.get(endpoint, params={name: value})
    if response.status_code == 400:
        assert_error(response, 400, "E606")
        return
    assert response.status_code == 200, response.text
    if endpoint == "/api/events":
        assert response.json()["total"] == 0
    if endpoint == "/api/network":
        assert response.json() == {"nodes": [], "edges": []}


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_paths_and_choices_is_refused(client: TestClient, value: str) -> None:
    quoted = value.replace("/", "%2F")
    assert_error(client.get(f"/api/events/{quoted}"), 404, "E604")
    assert_error(client.get(f"/api/documents/{quoted}"), 404, "E605")
    assert_error(client.get("/api/stats/timeline", params={"bucket": value}), 422, "E603")
    assert_error(client.get("/api/export", params={"format": value}), 422, "E603")
    assert get(client, "/api/events?all=true")["total"] == 5


def test_dashboard_page_and_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and "<title>kroniek</title>" in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert client.get("/static/app.js").status_code == 200


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(get(client, "/openapi.json")["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents/{doc_id}",
        "/api/actors",
        "/api/network",
        "/api/places",
        "/api/stats/timeline",
        "/api/stats/summary",
        "/api/export",
    } <= paths


def test_swagger_ui_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/vendor/swagger-ui-bundle.js" in page and "/vendor/swagger-ui.css" in page
    assert "https://" not in page and "http://" not in page


@pytest.mark.skipif(
    not (find_node_modules() / "echarts").is_dir(), reason="node_modules absent: run 'npm ci'"
)
def test_every_vendor_file_is_installed(client: TestClient) -> None:
    for name in VENDOR:
        assert client.get(f"/vendor/{name}").status_code == 200, name


def test_missing_node_modules_is_named(
    database: tuple[Path, dict[str, Event]], tmp_path: Path
) -> None:
    with TestClient(create_app(database[0], node_modules=tmp_path)) as bare:
        response = bare.get("/vendor/echarts.min.js")
    assert_error(response, 404, "E609")
    assert "npm ci" in response.json()["error"]["message"]


def test_summary_lists_types_and_countries(client: TestClient) -> None:
    body = get(client, "/api/stats/summary")
    assert body["documents"] == 3 and body["events"] == 5
    # The negated threat is stored but not shown; the undated CONSULT is shown, not dated.
    assert (body["shown"], body["dated"]) == (4, 3)
    assert [t["event_type"] for t in body["types"]] == [
        "ACCUSE",
        "AID",
        "CONSULT",
        "PROTEST",
        "THREATEN",
    ]
    assert body["countries"] == ["DEU", "FRA", "KAZ", "RUS", "UKR"]
    assert (body["first_date"], body["last_date"]) == ("2022-01-06", "2022-02-20")


# ---- the command line -----------------------------------------------------------------

runner = CliRunner()


def test_serve_help_teaches() -> None:
    result = runner.invoke(cli_app, ["serve", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Example:  kroniek serve --db news.duckdb --port 8000" in result.output
    assert "127.0.0.1" in result.output and "8000" in result.output


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "E202" in result.output


def test_serve_refuses_a_busy_port(database: tuple[Path, dict[str, Event]]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = runner.invoke(cli_app, ["serve", "--db", str(database[0]), "--port", str(port)])
    assert result.exit_code == 2 and "E611" in result.output


def test_cli_export_csv_and_parquet(
    database: tuple[Path, dict[str, Event]], tmp_path: Path
) -> None:
    db = str(database[0])
    shown = runner.invoke(cli_app, ["export", "--format", "csv", "--type", "AID", "--db", db])
    assert shown.exit_code == 0, shown.output
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert [r["event_type"] for r in rows] == ["AID"]
    refused = runner.invoke(cli_app, ["export", "--format", "parquet", "--db", db])
    assert refused.exit_code == 2 and "E610" in refused.output
    out = tmp_path / "e.parquet"
    written = runner.invoke(
        cli_app, ["export", "--format", "parquet", "--out", str(out), "--db", db]
    )
    assert written.exit_code == 0 and out.read_bytes().startswith(b"PAR1")
    unknown = runner.invoke(cli_app, ["export", "--format", "xml", "--db", db])
    assert unknown.exit_code == 2 and "E401" in unknown.output


def test_cli_event_tables_fit_80_columns_and_say_the_total(
    database: tuple[Path, dict[str, Event]],
) -> None:
    db = str(database[0])
    narrow = runner.invoke(cli_app, ["events", "--limit", "2", "--db", db], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.stdout.splitlines()
    assert "2 of 4 events" in lines[0]
    assert all(len(line) <= 80 for line in lines)
    # A word is shown whole or cut with an ellipsis, never broken over two lines.
    words = re.findall(r"[\w…]+", narrow.stdout)
    assert "stuurde" in words and not any(w in words for w in ("stuur", "stuurd"))
    wide = runner.invoke(cli_app, ["events", "--db", db], env={"COLUMNS": "160"})
    assert "4 events" in wide.stdout and "rule" in wide.stdout and " of " not in wide.stdout
    shown = runner.invoke(cli_app, ["show", "xss", "--db", db], env={"COLUMNS": "100"})
    assert "2 events (1 negated, hypothetical or naming nobody" in " ".join(shown.stdout.split())


def test_cli_events_search_sort_and_aux(database: tuple[Path, dict[str, Event]]) -> None:
    db = str(database[0])
    found = runner.invoke(cli_app, ["events", "--search", "Agressie", "--json", "--db", db])
    assert [e["event_type"] for e in json.loads(found.stdout)["events"]] == ["ACCUSE"]
    ordered = runner.invoke(cli_app, ["events", "--sort", "-date", "--json", "--db", db])
    assert json.loads(ordered.stdout)["events"][0]["event_type"] == "ACCUSE"
    negated = runner.invoke(cli_app, ["events", "--aux", "negated", "--json", "--db", db])
    assert [e["event_type"] for e in json.loads(negated.stdout)["events"]] == ["THREATEN"]
    wrong = runner.invoke(cli_app, ["events", "--sort", "random", "--db", db])
    assert wrong.exit_code == 2 and "E606" in wrong.output


def test_cli_export_csv_for_excel_starts_with_a_byte_order_mark(
    database: tuple[Path, dict[str, Event]], tmp_path: Path
) -> None:
    out = tmp_path / "excel.csv"
    args = ["export", "--format", "csv", "--excel", "--out", str(out), "--db", str(database[0])]
    assert runner.invoke(cli_app, args).exit_code == 0
    content = out.read_bytes()
    assert content.startswith(b"\xef\xbb\xbfevent_id,date_start,")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {r["event_type"] for r in rows} == {"AID", "PROTEST", "ACCUSE", "CONSULT"}


def test_the_data_dictionary_describes_every_column_with_its_type() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md").read_text()
    documented = {
        cells[1].strip("` "): cells[2].strip()
        for line in text.splitlines()
        if line.startswith("| `") and len(cells := line.split("|")) > 3
    }
    assert list(documented) == list(COLUMNS)
    assert documented == {c: COLUMN_TYPES.get(c, "VARCHAR") for c in COLUMNS}


@pytest.mark.parametrize(
    ("option", "value", "parameter"),
    [
        ("--type", "PROTEST' OR 1=1 --", "type"),
        ("--from", "01-01-2022", "from"),
        ("--to", "2022-02-30", "to"),
        ("--country", "Kazachstan", "country"),
    ],
)
def test_the_cli_refuses_what_the_api_refuses(
    client: TestClient,
    database: tuple[Path, dict[str, Event]],
    option: str,
    value: str,
    parameter: str,
) -> None:
    db, _ = database
    result = CliRunner().invoke(cli_app, ["events", option, value, "--db", str(db)])
    assert result.exit_code == 2 and "E606" in result.output, result.output
    assert_error(client.get("/api/events", params={parameter: value}), 400, "E606")


def test_cli_json_and_the_api_are_one_serialiser(
    client: TestClient, database: tuple[Path, dict[str, Event]]
) -> None:
    db, _ = database
    runner = CliRunner()
    cli = json.loads(
        runner.invoke(cli_app, ["events", "--type", "protest", "--db", str(db), "--json"]).output
    )
    api = get(client, "/api/events?type=PROTEST&limit=1000")
    assert cli["events"] == api["events"] and cli["total"] == api["total"] == 1
    shown = json.loads(runner.invoke(cli_app, ["show", "kz-1", "--db", str(db), "--json"]).output)
    served = get(client, "/api/documents/kz-1")
    assert {k: shown[k] for k in served} == served


def test_the_dashboard_offers_every_export_format_and_no_other() -> None:
    script = (Path(__file__).parent.parent / "src/kroniek/web/static/app.js").read_text("utf-8")
    offered = set(re.findall(r'\["export-[a-z]+", "([a-z-]+)"\]', script))
    assert offered == set(EXPORTS)
