"""Speed of kroniek's analysis stage against Frog alone, in one run.

    .venv/bin/python bench/bench_analyse.py [PATH ...] [--repeat N]

PATHs default to examples/ (plus the seed article when ../shared is present).
Three timings over the same documents and the same warm Frog server:

  frog alone      the block requests kroniek sends, answered by Frog (no parsing, no alignment)
  kroniek analyse the same requests plus parsing, alignment and record building
  kroniek store   writing those analyses into a fresh DuckDB file
  later stages    actors, events, places, dates, quantities and quotes on those analyses
                  (stages 3-7, in memory; their data is loaded once before timing)

Machines here are noisy, so the ratios are the figures to compare across runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kroniek import pipeline
from kroniek.config import FrogConfig, IngestConfig, KroniekConfig
from kroniek.ingest import read_inputs
from kroniek.nlp.frog import FrogAnalyser, block_pieces, request_line
from kroniek.nlp.frog_server import FrogServer
from kroniek.records import AnalysedDocument, SourceDocument
from kroniek.stages import DocumentRecords
from kroniek.store import Writer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_6025a2aa08f2cf15.txt"


def load(paths: list[str]) -> list[SourceDocument]:
    """The Dutch documents among the inputs."""
    docs = [d for d in read_inputs(paths, IngestConfig()) if isinstance(d, SourceDocument)]
    return [d for d in docs if d.language == "nl"]


def frog_alone(server: FrogServer, docs: list[SourceDocument], config: FrogConfig) -> float:
    """Seconds Frog needs to answer every request kroniek would send."""
    started = time.perf_counter()
    for doc in docs:
        for block in doc.blocks:
            for _, piece in block_pieces(doc.text, block, config.max_block_chars):
                server.request(request_line(piece))
    return time.perf_counter() - started


def analyse(
    analyser: FrogAnalyser, docs: list[SourceDocument]
) -> tuple[float, list[AnalysedDocument]]:
    """Seconds the analyser needs for every document, and its results."""
    started = time.perf_counter()
    results = [analyser.analyse(doc) for doc in docs]
    return time.perf_counter() - started, results


def store(docs: list[SourceDocument], results: list[AnalysedDocument]) -> float:
    """Seconds to write documents and analyses into a new database."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with Writer(Path(folder) / "bench.duckdb") as writer:
            for doc, result in zip(docs, results, strict=True):
                writer.store_document(doc, "stored")
                writer.store_analysis(result)
        return time.perf_counter() - started


def later_stages(docs: list[SourceDocument], results: list[AnalysedDocument]) -> float:
    """Seconds for stages 3-7 on analysed documents, composed as a run composes them,
    without the database."""
    chain = pipeline.document_stages(KroniekConfig())
    started = time.perf_counter()
    for doc, analysed in zip(docs, results, strict=True):
        pipeline.process(DocumentRecords(doc, analysed), chain)
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="inputs (default: examples/ and the seed)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median is shown")
    args = parser.parse_args()
    paths = args.paths or [str(ROOT / "examples")] + ([str(SEED)] if SEED.exists() else [])
    docs = load(paths)
    config = FrogConfig()
    startup = time.perf_counter()
    with FrogAnalyser(config) as analyser:
        startup = time.perf_counter() - startup
        server = analyser._server
        assert isinstance(server, FrogServer)
        analyse(analyser, docs[:1])  # warm-up: first requests are slower
        alone, ours, stored, later = [], [], [], []
        tokens = 0
        for _ in range(args.repeat):
            alone.append(frog_alone(server, docs, config))
            seconds, results = analyse(analyser, docs)
            ours.append(seconds)
            stored.append(store(docs, results))
            later_stages(docs[:1], results[:1])  # loads the knowledge base, lexicon, gazetteer
            later.append(later_stages(docs, results))
            tokens = sum(len(s.tokens) for r in results for s in r.sentences)
    frog_s, ours_s, store_s, later_s = (statistics.median(x) for x in (alone, ours, stored, later))
    print(
        f"documents {len(docs)}, tokens {tokens}, rounds {args.repeat}, "
        f"server start {startup:.1f} s, Python {sys.version.split()[0]}"
    )
    print(f"{'stage':<18}{'seconds':>9}{'tokens/s':>10}{'docs/s':>9}{'x frog':>8}")
    for name, seconds in (
        ("frog alone", frog_s),
        ("kroniek analyse", ours_s),
        ("kroniek store", store_s),
        ("analyse + store", ours_s + store_s),
        ("later stages", later_s),
        ("whole pipeline", ours_s + store_s + later_s),
    ):
        print(
            f"{name:<18}{seconds:9.2f}{tokens / seconds:10.0f}{len(docs) / seconds:9.2f}"
            f"{seconds / frog_s:8.2f}"
        )


if __name__ == "__main__":
    main()
