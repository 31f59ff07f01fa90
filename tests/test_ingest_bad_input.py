"""Bad input: one clear problem per bad file or line, and everything else still read."""

from __future__ import annotations

import io
import json
import os
import random
import sys
from pathlib import Path

import pytest
import trafilatura

from kroniek.config import IngestConfig
from kroniek.ingest import read_inputs
from kroniek.records import IngestProblem, SourceDocument

CONFIG = IngestConfig()
GOOD = "De gemeenteraad van Utrecht heeft ingestemd met een verbod op vuurwerk."


def read(*paths, config=CONFIG, stdin=None):
    return list(read_inputs([str(p) for p in paths], config, stdin=stdin))


def codes(items):
    """``E00x`` for each problem and ``doc`` for each document, in order."""
    return [item.reason[:4] if isinstance(item, IngestProblem) else "doc" for item in items]


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "zz_goed.txt"
    path.write_text(GOOD)
    return path


def read_with_good(bad, good_file, config=CONFIG):
    """Read a bad input followed by a good one: the good one must survive."""
    items = read(bad, good_file, config=config)
    assert isinstance(items[-1], SourceDocument)
    assert items[-1].text == GOOD
    return items[:-1]


def random_text_bytes(size):
    """Random bytes without NUL: not binary by the NUL test, yet no encoding fits."""
    rng = random.Random(20240101)
    return bytes(rng.randrange(1, 256) for _ in range(size))


def test_missing_path(tmp_path, good_file):
    (problem,) = read_with_good(tmp_path / "bestaat-niet.txt", good_file)
    assert problem.reason.startswith("E001")
    assert problem.origin == str(tmp_path / "bestaat-niet.txt")


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".json", ".csv", ".html"])
def test_binary_file(tmp_path, good_file, suffix):
    path = tmp_path / f"plaatje{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert codes(read_with_good(path, good_file)) == ["E002"]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".json", ".csv", ".html"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  \n"])
def test_empty_or_whitespace_file(tmp_path, good_file, suffix, content):
    path = tmp_path / f"leeg{suffix}"
    path.write_bytes(content)
    assert codes(read_with_good(path, good_file)) == ["E003"]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html"])
def test_undecodable_bytes(tmp_path, good_file, suffix):
    path = tmp_path / f"ruis{suffix}"
    path.write_bytes(random_text_bytes(4000))
    assert codes(read_with_good(path, good_file)) == ["E004"]


def test_utf8_bom_is_accepted_and_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2022-01 " + GOOD.encode("utf-8"))
    (doc,) = read(path)
    assert doc.text == GOOD
    assert doc.published == "2022-01"


def test_utf8_bom_csv_header(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbftext,id\n" + GOOD.encode("utf-8") + b",b1\n")
    (doc,) = read(path)
    assert (doc.doc_id, doc.text) == ("b1", GOOD)


def test_windows_1252_dutch_text_is_decoded(tmp_path):
    text = "Na eerdere volksopstanden, zoals in Georgië en in Oekraïne, greep Poetin in. " * 3
    path = tmp_path / "oud.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = read(path)
    assert doc.text == text.strip()


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "utf16.jsonl"
    path.write_bytes(
        json.dumps({"text": "Oekraïne en Georgië."}, ensure_ascii=False).encode("utf-16")
    )
    (doc,) = read(path)
    assert doc.text == "Oekraïne en Georgië."


ACCENTED = "Oekraïne en Georgië vragen de Europese Unie om snelle toetreding."


def test_undecodable_line_in_jsonl_refuses_only_that_line(tmp_path):
    # Valid UTF-8 accents with a stray byte: a damaged UTF-8 file, not Windows-1252.
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": ACCENTED}, ensure_ascii=False).encode("utf-8"),
        b'{"text": "kapot \xff bericht"}',
        json.dumps({"text": "Twee."}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = read(path)
    assert codes(items) == ["doc", "E004", "doc"]
    assert items[0].text == ACCENTED
    assert items[1].line == 2


def test_undecodable_line_after_the_encoding_sample(tmp_path):
    # The first 64 KiB are clean ASCII; the damage comes later and costs one line.
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": GOOD}).encode() + b"\n"
    count = 70_000 // len(good) + 1
    path.write_bytes(good * count + b'{"text": "kapot \xff\xfe"}\n' + good)
    items = read(path)
    assert len(items) == count + 2
    bad = [item for item in items if isinstance(item, IngestProblem)]
    assert [(p.line, p.reason[:4]) for p in bad] == [(count + 1, "E004")]


def test_undecodable_row_in_csv_refuses_only_that_row(tmp_path):
    path = tmp_path / "a.csv"
    content = "id,text\n1," + ACCENTED + "\n"
    path.write_bytes(content.encode("utf-8") + b"2,kapot \xff bericht\n3,Drie.\n")
    items = read(path)
    assert codes(items) == ["doc", "E004", "doc"]
    assert items[1].line == 3


def test_malformed_json_lines_do_not_stop_the_file(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"text": "Een."}\n{"text": "Twee.",}\nnull\n{"text": "Drie."\n{"text": "Vier."}\n'
    )
    items = read(path)
    assert codes(items) == ["doc", "E005", "E014", "E005", "doc"]
    assert [item.line for item in items if isinstance(item, IngestProblem)] == [2, 3, 4]
    assert items[-1].origin == f"{path}:5"


def test_deeply_nested_json_line_is_a_problem(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    assert codes(read(path)) == ["E005", "doc"]


def test_record_without_text(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Kop"}\n{"text": "   "}\n{"text": 12}\n{"text": "Vier."}\n')
    assert codes(read(path)) == ["E006", "E006", "E006", "doc"]


def test_json_value_not_an_object(tmp_path, good_file):
    path = tmp_path / "a.json"
    path.write_text('"alleen een string"')
    (problem,) = read_with_good(path, good_file)
    assert problem.reason.startswith("E014")
    assert (problem.origin, problem.line) == (str(path), None)


def test_csv_without_text_column_lists_its_columns(tmp_path, good_file):
    path = tmp_path / "a.csv"
    path.write_text("Titel;Tekst;Datum\nEen;Twee;Drie\n")
    (problem,) = read_with_good(path, good_file)
    assert problem.reason.startswith("E007")
    assert "Titel, Tekst, Datum" in problem.reason


def test_over_long_csv_record_stops_that_file_only(tmp_path, good_file):
    # An unclosed quote would pull the rest of the file into one field; the record
    # limit (six times max_document_chars plus 64 Ki) stops it.
    config = IngestConfig(max_document_chars=100)
    path = tmp_path / "a.csv"
    body = "\n".join(["nog steeds in het veld"] * 5000)
    path.write_text('id,text\n1,Goed.\n2,"Begin zonder einde\n' + body + "\n3,Nooit gelezen.\n")
    items = read_with_good(path, good_file, config=config)
    assert codes(items) == ["doc", "E020"]
    assert items[1].line == 3
    assert "longer than 66,136 characters" in items[1].reason


def test_document_above_max_chars(tmp_path):
    config = IngestConfig(max_document_chars=100)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x " * 80}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = read(path, config=config)
    assert codes(items) == ["E009", "doc"]
    assert items[0].line == 1
    assert f"{len(('x ' * 80).strip())} characters" in items[0].reason


def test_text_file_above_max_chars(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("woord " * 50)
    (problem,) = read(path, config=IngestConfig(max_document_chars=100))
    assert problem.reason.startswith("E009")


def test_single_document_file_above_max_bytes_is_not_opened(tmp_path, good_file, monkeypatch):
    path = tmp_path / "groot.html"
    path.write_text("<html><body><p>" + "tekst " * 500 + "</p></body></html>")
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    (problem,) = read_with_good(path, good_file, config=IngestConfig(max_file_bytes=1000))
    assert problem.reason.startswith("E008")
    assert "0.0 MB" in problem.reason
    assert opened == [good_file.name]


def test_empty_path_argument_is_not_the_current_directory(good_file):
    items = read("", good_file)
    assert codes(items) == ["E001", "doc"]


def test_unsupported_suffix(tmp_path, good_file):
    path = tmp_path / "notities.md"
    path.write_text("# Notities")
    (problem,) = read_with_good(path, good_file)
    assert (
        problem.reason
        == "E010 unsupported file type '.md' (use .txt, .json, .jsonl, .csv or .html)"
    )


def test_unreadable_file(tmp_path, good_file, monkeypatch):
    path = tmp_path / "geheim.txt"
    path.write_text(GOOD)
    path.chmod(0)
    if os.access(path, os.R_OK):
        # Running as root: permissions do not stop reading, so simulate the refusal.
        real_open = Path.open

        def refuse(self, *args, **kwargs):
            if self.name == "geheim.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    try:
        (problem,) = read_with_good(path, good_file)
    finally:
        path.chmod(0o644)
    assert problem.reason == "E013 cannot read: Permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_skipped_not_read(tmp_path, good_file):
    path = tmp_path / "pijp.txt"
    os.mkfifo(path)
    (problem,) = read_with_good(path, good_file)
    assert problem.reason.startswith("E025")


def test_symlink_loop_is_read_once(tmp_path):
    root = tmp_path / "map"
    root.mkdir()
    (root / "a.txt").write_text(GOOD)
    (root / "lus").symlink_to(root, target_is_directory=True)
    items = read(root)
    assert codes(items) == ["doc", "E026"]


def test_unsupported_files_in_a_directory_are_passed_over(tmp_path):
    (tmp_path / "README.md").write_text("# Over deze map")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "stuk.txt").write_text(GOOD)
    (doc,) = read(tmp_path)
    assert doc.origin.endswith("stuk.txt")
    # Named explicitly, the same file is a problem.
    assert codes(read(tmp_path / "README.md")) == ["E010"]


def test_hidden_entries_are_skipped(tmp_path):
    (tmp_path / ".verborgen").mkdir()
    (tmp_path / ".verborgen" / "a.txt").write_text(GOOD)
    (tmp_path / ".b.txt").write_text(GOOD)
    (tmp_path / "c.txt").write_text(GOOD)
    (doc,) = read(tmp_path)
    assert doc.origin == f"{tmp_path}{os.sep}c.txt"


def test_over_long_jsonl_line_is_skipped(tmp_path):
    config = IngestConfig(max_document_chars=100)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x" * 200_000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = read(path, config=config)
    assert codes(items) == ["E017", "doc"]
    assert items[1].origin == f"{path}:2"


def test_date_line_without_text(tmp_path, good_file):
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-01\n\n")
    assert codes(read_with_good(path, good_file)) == ["E023"]


def test_html_without_article_text(tmp_path, good_file):
    path = tmp_path / "a.html"
    page = "<html><head><title>Leeg</title></head><body><script>var a;</script></body></html>"
    path.write_text(page)
    assert codes(read_with_good(path, good_file)) == ["E011"]


def test_html_extractor_failure(tmp_path, good_file, monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("kapotte boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    path = tmp_path / "a.html"
    path.write_text("<html><body><p>tekst</p></body></html>")
    (problem,) = read_with_good(path, good_file)
    assert problem.reason.startswith("E024")
    assert "kapotte boom" in problem.reason


def test_empty_and_binary_stdin():
    assert codes(read("-", stdin=io.StringIO("  \n"))) == ["E003"]
    assert codes(read("-", stdin=io.StringIO("abc\x00def"))) == ["E002"]


def test_undecodable_stdin():
    stream = io.TextIOWrapper(io.BytesIO(b"kapot \xff\xfe"), encoding="utf-8")
    assert codes(read("-", stdin=stream)) == ["E004"]


def test_default_stdin_is_sys_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD))
    (doc,) = read("-")
    assert doc.text == GOOD
