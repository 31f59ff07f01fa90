"""kroniek actors list / show / search."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kroniek.cli import app

runner = CliRunner()


def test_search_finds_a_person_in_either_spelling() -> None:
    for spelling in ("Poetin", "Putin", "Vladimir Poetin"):
        result = runner.invoke(app, ["actors", "search", spelling, "--json"])
        assert result.exit_code == 0
        top = json.loads(result.stdout)[0]
        assert top["actor"]["actor_id"] == "person:vladimir-putin", spelling


def test_show_a_person_with_dated_offices() -> None:
    result = runner.invoke(app, ["actors", "show", "person:dmitry-medvedev", "--json"])
    card = json.loads(result.stdout)
    roles = {(t["role"], t["start"][:4]) for t in card["tenures"]}
    assert ("head_of_state", "2008") in roles and ("head_of_government", "2012") in roles


def test_show_an_alliance_with_its_members() -> None:
    result = runner.invoke(app, ["actors", "show", "org:csto"])
    assert result.exit_code == 0 and "members:" in result.stdout and "KAZ" in result.stdout


def test_list_filters_by_kind_and_country() -> None:
    result = runner.invoke(
        app, ["actors", "list", "--kind", "person", "--country", "KAZ", "--json"]
    )
    listed = json.loads(result.stdout)
    assert listed and all(a["kind"] == "person" and a["country"] == "KAZ" for a in listed)
    assert any(a["actor_id"] == "person:kassym-jomart-tokayev" for a in listed)


def test_show_an_unknown_actor_fails_clearly() -> None:
    result = runner.invoke(app, ["actors", "show", "person:nobody"])
    assert result.exit_code == 2 and "E301" in result.stderr
