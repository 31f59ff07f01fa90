"""Phoenix/PETRARCH dictionaries into user actor files, and user files into the knowledge base."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from kroniek.actors.knowledge import build_knowledge_base
from kroniek.actors.phoenix import parse_phoenix, phoenix_to_tsv
from kroniek.actors.resolve import person_status
from kroniek.cli import app

# A made-up dictionary in the TABARI layout: a person with dated roles, an IGO, a group.
DICTIONARY = """\
# test dictionary
JOHAN_DE_TESTER_  # a made-up minister
+J._DE_TESTER_
+MINISTER_DE_TESTER
\t[NLDELI 700101-100301]
\t[NLDGOV 100302-151231]
\t[NLDELI]
WERELDBOND_VAN_TESTERS_ [IGOBUS]
+WBT_
BRIGADE_VAN_HET_NOORDEN_ [ABCREB] # an armed group
"""


def test_entries_names_synonyms_and_dated_codes() -> None:
    person, league, brigade = parse_phoenix(DICTIONARY.splitlines())
    assert person.name == "Johan De Tester"
    assert person.synonyms == ["J. De Tester", "Minister De Tester"]
    assert person.codes == [
        ("NLDELI", "1970-01-01", "2010-03-01"),
        ("NLDGOV", "2010-03-02", "2015-12-31"),
        ("NLDELI", "", ""),
    ]
    assert league.codes == [("IGOBUS", "", "")] and league.synonyms == ["Wbt"]
    assert brigade.codes == [("ABCREB", "", "")]


def test_eight_digit_dates_and_open_ranges() -> None:
    (entry,) = parse_phoenix(["IEMAND_", "\t[IGOUNO >20070101]", "\t[KORGOV <061201]"])
    assert entry.codes == [("IGOUNO", "2007-01-01", ""), ("KORGOV", "", "2006-12-01")]


def test_imported_actors_resolve_with_the_sector_of_the_date(tmp_path: Path) -> None:
    text, count = phoenix_to_tsv(DICTIONARY.splitlines())
    assert count == 3
    user_file = tmp_path / "phoenix.tsv"
    user_file.write_text(text, encoding="utf-8")
    kb = build_knowledge_base((user_file,))
    assert re.fullmatch(r"actors-nl\.\d{4}-\d{2}\+data\.[0-9a-f]{8}\+user\.[0-9a-f]{8}", kb.version)
    person = kb.actors["user:phoenix-johan-de-tester"]
    assert person_status(kb, person, date(2012, 1, 1))[:2] == ("NLD", "GOV")
    assert person_status(kb, person, date(2005, 1, 1))[:2] == ("NLD", "ELI")
    assert kb.actors["user:phoenix-wereldbond-van-testers"].kind == "organisation"


def test_import_command_writes_a_user_file(tmp_path: Path) -> None:
    source = tmp_path / "test.actors"
    source.write_text(DICTIONARY, encoding="utf-8")
    target = tmp_path / "mine.tsv"
    result = CliRunner().invoke(app, ["actors", "import", str(source), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "wrote 3 entries" in result.stdout
    assert target.read_text(encoding="utf-8").startswith("actor_id\tkind\tname")


def test_import_of_a_file_without_entries_fails_clearly(tmp_path: Path) -> None:
    source = tmp_path / "empty.actors"
    source.write_text("# nothing here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["actors", "import", str(source), "--to", str(tmp_path / "x")])
    assert result.exit_code == 2 and "E302" in result.stderr
