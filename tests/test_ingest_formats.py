"""Every input format, read through the public ``read_inputs``."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from kroniek.config import IngestConfig
from kroniek.ingest import read_inputs
from kroniek.records import IngestProblem, SourceDocument

DATA = Path(__file__).parent / "data" / "ingest"
CONFIG = IngestConfig()


def read(*paths, config=CONFIG, stdin=None):
    return list(read_inputs([str(p) for p in paths], config, stdin=stdin))


def docs_of(items):
    return [item for item in items if isinstance(item, SourceDocument)]


def problems_of(items):
    return [item for item in items if isinstance(item, IngestProblem)]


def block_texts(doc):
    return [doc.text[b.start : b.end] for b in doc.blocks]


def assert_blocks_exact(doc):
    """Blocks cover the stripped paragraphs of the text, in order, with no overlap."""
    previous_end = 0
    for index, block in enumerate(doc.blocks):
        assert block.index == index
        segment = doc.text[block.start : block.end]
        assert segment == segment.strip() != ""
        assert block.start >= previous_end
        assert doc.text[previous_end : block.start].strip() == ""
        previous_end = block.end
    assert doc.text[previous_end:].strip() == ""


# ---------------------------------------------------------------- seed text --


def test_seed_format_same_line_date():
    (doc,) = read(DATA / "formatie.txt")
    assert doc.published == "2023-11"
    assert doc.date_precision == "month"
    assert doc.language == "nl"
    assert doc.title is None
    assert doc.origin == str(DATA / "formatie.txt")
    assert doc.text.startswith("Na de verkiezingen van woensdag")
    assert "date" not in doc.text[:20]
    assert [b.kind for b in doc.blocks] == [
        "body", "body", "heading", "body", "caption", "heading", "body",
    ]  # fmt: skip
    texts = block_texts(doc)
    assert texts[2] == "Gesprekken"
    assert texts[4] == "Fractievoorzitters op weg naar de Tweede Kamer. Foto ANP"
    # The two-line paragraph is one block, its newline kept.
    assert texts[3].count("\n") == 1
    assert_blocks_exact(doc)


def test_seed_offsets_match_paragraphs_of_the_file():
    (doc,) = read(DATA / "formatie.txt")
    raw = (DATA / "formatie.txt").read_text(encoding="utf-8")
    body = re.sub(r"^ date \S+ ", "", raw)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    assert block_texts(doc) == paragraphs


def test_plain_text_without_date_line_has_unknown_date():
    (doc,) = read(DATA / "zonder_datum.txt")
    assert (doc.published, doc.date_precision, doc.notes) == (None, "unknown", ())
    assert [b.kind for b in doc.blocks] == ["body", "heading", "body"]


@pytest.mark.parametrize(
    ("first_line", "published", "precision"),
    [
        ("date 2022-01-06", "2022-01-06", "day"),
        ("DATE 2022-01", "2022-01", "month"),
        ("  Date 2022-01-06 ", "2022-01-06", "day"),
    ],
)
def test_date_line_variants(tmp_path, first_line, published, precision):
    path = tmp_path / "a.txt"
    path.write_text(f"{first_line}\nDe minister treedt af na kritiek op haar beleid.\n")
    (doc,) = read(path)
    assert (doc.published, doc.date_precision) == (published, precision)
    assert doc.text == "De minister treedt af na kritiek op haar beleid."


def test_unreadable_date_line_is_a_note_not_a_guess(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-13 De minister treedt af na kritiek op haar beleid.")
    (doc,) = read(path)
    assert (doc.published, doc.date_precision) == (None, "unknown")
    assert doc.notes[0].startswith("E012")
    assert doc.text.startswith("De minister")


def test_text_starting_with_the_word_date_is_not_a_date_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Date night in Amsterdam draws crowds to the canals every summer.")
    (doc,) = read(path)
    assert doc.text.startswith("Date night")
    assert doc.published is None


def test_crlf_line_endings_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes((DATA / "formatie.txt").read_bytes().replace(b"\n", b"\r\n"))
    (doc,) = read(path)
    (reference,) = read(DATA / "formatie.txt")
    assert "\r" not in doc.text
    assert doc.text == reference.text
    assert doc.blocks == reference.blocks


# ---------------------------------------------------------------- JSON Lines --


def test_jsonl_documents_and_problems_in_line_order():
    path = DATA / "artikelen.jsonl"
    items = read(path)
    summary = [
        (item.origin, "doc") if isinstance(item, SourceDocument) else (item.line, item.reason[:4])
        for item in items
    ]
    assert summary == [
        (f"{path}:1", "doc"),
        (f"{path}:2", "doc"),
        (f"{path}:4", "doc"),
        (5, "E005"),
        (6, "E006"),
        (7, "E014"),
        (f"{path}:8", "doc"),
    ]
    assert all(p.origin == str(path) for p in problems_of(items))


def test_jsonl_fields():
    first, english, numbered, last = docs_of(read(DATA / "artikelen.jsonl"))
    assert first.doc_id == "nos-001"
    assert first.title == "Kabinet valt over asielbeleid"
    assert first.text.startswith("Kabinet valt over asielbeleid\n\nHet vierde kabinet-Rutte")
    assert [b.kind for b in first.blocks] == ["title", "body", "body"]
    assert (first.published, first.date_precision) == ("2023-07-07", "day")
    assert (first.url, first.source) == ("https://example.org/nos-001", "NOS")
    assert_blocks_exact(first)
    assert english.language == "en"
    assert english.doc_id.startswith("h") and len(english.doc_id) == 17
    assert (english.published, english.date_precision) == ("2023-07", "month")
    assert numbered.doc_id == "42"
    assert numbered.notes and numbered.notes[0].startswith("E012")
    assert (last.published, last.source) == ("2023-02-14", "ANP")


def test_jsonl_field_of_wrong_type_is_noted(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {
        "text": "Het parlement in Tbilisi stemt over de omstreden wet.",
        "title": ["a"],
        "id": True,
    }
    path.write_text(json.dumps(record) + "\n")
    (doc,) = read(path)
    assert doc.title is None
    assert doc.doc_id.startswith("h")
    assert sorted(note[:4] for note in doc.notes) == ["E022", "E022"]


# ---------------------------------------------------------------------- JSON --


def test_json_list_streams_elements_with_line_numbers():
    path = DATA / "artikelen.json"
    items = read(path)
    assert [type(item).__name__ for item in items] == [
        "SourceDocument",
        "IngestProblem",
        "SourceDocument",
    ]
    first, problem, last = items
    assert first.origin == f"{path}:2"
    assert (first.doc_id, first.published, first.title) == (
        "json-1",
        "2022-01-06",
        "Premier reist naar Kiev",
    )
    assert (problem.line, problem.reason[:4]) == (8, "E014")
    assert last.origin == f"{path}:9"


def test_json_single_object():
    (doc,) = read(DATA / "enkel.json")
    assert doc.origin == str(DATA / "enkel.json")
    assert doc.doc_id == "enkel"
    assert (doc.published, doc.date_precision) == ("2021-05", "month")
    assert doc.text == "Een enkel object in een JSON-bestand is één document."


def test_json_values_split_across_chunks(tmp_path, monkeypatch):
    # A tiny read size makes every value cross several buffer boundaries.
    monkeypatch.setattr("kroniek.ingest.json_format._CHUNK_CHARS", 7)
    records = [
        {"id": f"r{i}", "text": f"Bericht nummer {i} over de gemeenteraad van Zwolle."}
        for i in range(5)
    ]
    path = tmp_path / "a.json"
    path.write_text("[\n" + ",\n".join(json.dumps(r) for r in records) + ",\n12345\n]\n")
    items = read(path)
    assert [d.doc_id for d in docs_of(items)] == [f"r{i}" for i in range(5)]
    assert [d.origin for d in docs_of(items)] == [f"{path}:{line}" for line in range(2, 7)]
    (problem,) = problems_of(items)
    assert (problem.line, problem.reason[:4]) == (7, "E014")


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('[{"text": "Een goed bericht over de raad."}, {"text": }]', 1),
        ('[\n{"text": "Een goed bericht over de raad."}\n{"text": "b"}\n]', 3),
        ('{"text": "Een goed bericht over de raad."} {"text": "b"}', 1),
        ('[\n{"text": "Een goed bericht over de raad."},\n', 3),
    ],
)
def test_malformed_json_file_keeps_what_came_before(tmp_path, content, line):
    path = tmp_path / "a.json"
    path.write_text(content)
    items = read(path)
    assert isinstance(items[0], SourceDocument)
    assert items[0].text == "Een goed bericht over de raad."
    assert len(items) == 2
    assert items[1].reason.startswith("E005")
    assert items[1].line == line


# ----------------------------------------------------------------------- CSV --


def test_csv_comma_with_multiline_quoted_text():
    path = DATA / "artikelen.csv"
    items = read(path)
    first, second, problem = items
    assert first.doc_id == "csv-1"
    assert first.origin == f"{path}:2"
    assert block_texts(first) == [
        "Stakingen bij het spoor",
        "Het personeel van de NS legt donderdag het werk neer.",
        "Reizigers moeten rekening houden met vertragingen.",
    ]
    assert "\r" not in first.text
    assert (first.source, first.published) == ("NOS", "2023-03-02")
    # The first record spans lines 2-4, so the second starts on line 5.
    assert second.origin == f"{path}:5"
    assert (second.title, second.source, second.published) == (None, None, "2023-03")
    assert (problem.line, problem.reason[:4]) == (6, "E018")


@pytest.mark.parametrize(
    ("name", "doc_id", "language"), [("puntkomma.csv", "semi-1", "nl"), ("tabs.csv", "tab-1", "de")]
)
def test_csv_semicolon_and_tab(name, doc_id, language):
    (doc,) = read(DATA / name)
    assert doc.doc_id == doc_id
    assert doc.language == language
    assert ";" in doc.text or name == "tabs.csv"


def test_csv_row_with_too_many_fields(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "id,text\n"
        "1,Een bericht, met een komma zonder aanhalingstekens\n"
        "2,Een goed bericht over de raad.\n"
    )
    problem, doc = read(path)
    assert (problem.line, problem.reason[:4]) == (2, "E019")
    assert doc.doc_id == "2"


# ---------------------------------------------------------------------- HTML --


def test_html_article_title_and_date():
    (doc,) = read(DATA / "pagina.html")
    assert doc.title == "Kabinet valt over asielbeleid"
    assert (doc.published, doc.date_precision) == ("2023-07-07", "day")
    assert doc.source == "Voorbeeldkrant"
    assert doc.language == "nl"
    assert [b.kind for b in doc.blocks] == ["title", "body", "heading", "body", "body"]
    # The <h1> repeats the title; it is not stored twice.
    assert doc.text.count("Kabinet valt over asielbeleid") == 1
    assert "Home" not in doc.text and "©" not in doc.text
    assert_blocks_exact(doc)


def test_html_copyright_year_is_not_a_date():
    (doc,) = read(DATA / "copyright_zonder_datum.html")
    assert (doc.published, doc.date_precision) == (None, "unknown")
    assert doc.title == "Gemeente schrapt subsidie"


def test_html_declared_8bit_charset_is_used(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Café in Oekraïne</title></head>'
        "<body><article><p>Het café in Oekraïne is na de aanval opnieuw geopend, "
        "zegt de eigenaar tegen de lokale krant.</p></article></body></html>"
    )
    path = tmp_path / "oud.html"
    path.write_bytes(page.encode("cp1252"))
    (doc,) = read(path)
    assert doc.title == "Café in Oekraïne"
    assert "Het café in Oekraïne is na de aanval" in doc.text


def test_htm_suffix_is_html(tmp_path):
    path = tmp_path / "pagina.HTM"
    shutil.copy(DATA / "pagina.html", path)
    (doc,) = read(path)
    assert doc.title == "Kabinet valt over asielbeleid"


# --------------------------------------------------------------------- stdin --


def test_stdin_seed_text():
    (doc,) = read("-", stdin=io.StringIO((DATA / "formatie.txt").read_text(encoding="utf-8")))
    (from_file,) = read(DATA / "formatie.txt")
    assert doc.origin == "-"
    assert doc.text == from_file.text
    assert doc.doc_id == from_file.doc_id
    assert doc.published == "2023-11"


def test_stdin_jsonl():
    lines = (
        '{"text": "De raad van Leiden stemt in met het plan."}\n'
        '\n  {"text": ""}\n'
        '{"id": "x", "text": "Tweede bericht."}\n'
    )
    first, problem, second = read("-", stdin=io.StringIO(lines))
    assert first.origin == "-:1"
    assert (problem.origin, problem.line, problem.reason[:4]) == ("-", 3, "E006")
    assert (second.origin, second.doc_id) == ("-:4", "x")


def test_stdin_jsonl_with_line_separator_inside_a_string():
    # U+2028 is legal inside a JSON string and must not split the line.
    lines = '{"text": "Eerste zin.\u2028Tweede zin."}\n{"text": "Nog een."}\n'
    first, second = read("-", stdin=io.StringIO(lines))
    assert first.text == "Eerste zin.\u2028Tweede zin."
    assert second.origin == "-:2"


def test_stdin_text_with_braces_inside_is_not_jsonl():
    text = "{Ingezonden}\nDe raad van Leiden stemt in met het plan voor nieuwe woningen."
    (doc,) = read("-", stdin=io.StringIO(text))
    assert doc.text == text


def test_stdin_between_paths_keeps_input_order():
    items = read(
        DATA / "enkel.json", "-", DATA / "zonder_datum.txt", stdin=io.StringIO("Een kort bericht.")
    )
    assert [item.origin for item in items] == [
        str(DATA / "enkel.json"),
        "-",
        str(DATA / "zonder_datum.txt"),
    ]


def test_directory_origins_join_the_path_as_given():
    items = read(str(DATA) + "/")
    origins = [item.origin for item in items]
    assert origins[0].startswith(f"{DATA}/artikelen.csv")
    assert not any("//" in origin for origin in origins)
    files = [origin.split(":")[0] for origin in origins]
    assert files == sorted(files)


# ------------------------------------------------------------------ identity --


def test_ids_and_hashes_are_stable_across_runs():
    first = {d.origin: (d.doc_id, d.content_hash) for d in docs_of(read(DATA))}
    second = {d.origin: (d.doc_id, d.content_hash) for d in docs_of(read(DATA))}
    assert first == second
    assert len(first) >= 12


def test_same_text_in_two_formats_has_the_same_hash(tmp_path):
    text = "De gemeenteraad van Utrecht stemt in met een vuurwerkverbod."
    (tmp_path / "a.txt").write_text(text + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "  " + text.replace(" ", "  ")}) + "\n")
    a, b = read(tmp_path)
    assert a.content_hash == b.content_hash
    assert a.doc_id == b.doc_id
