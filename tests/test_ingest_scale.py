"""Large inputs: a directory of 10,000 files, and 50 MB files that must not be loaded."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from kroniek.config import IngestConfig
from kroniek.ingest import read_inputs
from kroniek.records import IngestProblem, SourceDocument

CONFIG = IngestConfig()
FIFTY_MB = 50 * 1024 * 1024


def make_many_files(root: Path, count: int) -> None:
    for number in range(count):
        day = number % 28 + 1
        text = f" date 2023-05-{day:02d} Bericht {number}: de gemeenteraad vergadert vandaag."
        (root / f"bericht_{number:05d}.txt").write_text(text, encoding="utf-8")


def test_directory_of_ten_thousand_files(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    make_many_files(root, 10_000)
    started = time.perf_counter()
    items = list(read_inputs([str(root)], CONFIG))
    elapsed = time.perf_counter() - started
    assert len(items) == 10_000
    assert all(isinstance(item, SourceDocument) for item in items)
    # Sorted by name, each origin the given path joined with the file name.
    assert [item.origin for item in items[:2]] == [
        str(root / "bericht_00000.txt"),
        str(root / "bericht_00001.txt"),
    ]
    assert items[-1].text.startswith("Bericht 9999:")
    assert len({item.doc_id for item in items}) == 10_000
    assert elapsed < 20, f"10,000 small files took {elapsed:.1f} s"


def test_directory_walk_streams(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    root.mkdir()
    make_many_files(root, 500)
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    stream = read_inputs([str(root)], CONFIG)
    first = next(stream)
    # The first document arrives after reading one file, not the whole directory.
    assert first.origin.endswith("bericht_00000.txt")
    assert opened == ["bericht_00000.txt"]
    stream.close()


def sparse_file(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_fifty_megabyte_text_file_is_refused_unread(tmp_path, monkeypatch):
    big = sparse_file(tmp_path / "groot.txt", FIFTY_MB)
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    (problem,) = read_inputs([str(big)], CONFIG)
    assert isinstance(problem, IngestProblem)
    assert problem.reason == "E008 file is 52.4 MB, above the 10.0 MB limit for one document"
    assert opened == []


def test_fifty_megabyte_sparse_jsonl_is_binary(tmp_path):
    big = sparse_file(tmp_path / "groot.jsonl", FIFTY_MB)
    (problem,) = read_inputs([str(big)], CONFIG)
    assert isinstance(problem, IngestProblem)
    assert problem.reason.startswith("E002")


def test_fifty_megabyte_line_is_skipped_in_bounded_memory(tmp_path):
    big = tmp_path / "een-regel.jsonl"
    with big.open("wb") as handle:
        handle.write(b'{"text": "')
        handle.write(b"a" * FIFTY_MB)
        handle.write(b'"}\n{"text": "Na de enorme regel gaat het lezen gewoon door."}\n')
    config = IngestConfig(max_document_chars=100_000)
    tracemalloc.start()
    try:
        items = list(read_inputs([str(big)], config))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(item).__name__ for item in items] == ["IngestProblem", "SourceDocument"]
    assert items[0].reason.startswith("E017")
    assert items[1].origin == f"{big}:2"
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB for a 50 MB line"


def test_large_jsonl_collection_streams(tmp_path):
    path = tmp_path / "veel.jsonl"
    line = '{"text": "Bericht %d over de begroting van de gemeente.", "language": "nl"}\n'
    path.write_text("".join(line % number for number in range(20_000)))
    stream = read_inputs([str(path)], CONFIG)
    first = next(stream)
    assert isinstance(first, SourceDocument)
    assert first.origin == f"{path}:1"
    assert sum(1 for _ in stream) == 19_999
