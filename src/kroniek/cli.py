"""The ``kroniek`` command: parses arguments and calls importable functions.

Exit codes: 0 everything stored; 1 the run finished but some inputs or
documents failed (each was reported, the summary counts them); 2 nothing could
be done (bad usage, Frog missing, database unreadable).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kroniek import __version__, pipeline
from kroniek.config import DEFAULT_DB, KroniekConfig
from kroniek.errors import KroniekError
from kroniek.query.documents import get_document, list_documents
from kroniek.records import RunSummary
from kroniek.store import open_for_reading
from kroniek.terminal import (
    ProgressReporter,
    document_json,
    documents_table,
    render_document,
    rows_json,
    summary_json,
    summary_table,
)

app = typer.Typer(
    name="kroniek",
    help=(
        "Political event data from Dutch news: who did what to whom, where and when.\n\n"
        "Example:  kroniek run examples/ && kroniek docs && kroniek show feed-001"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file to write or read.", show_default=True)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files or directories (walked recursively); '-' reads standard input.",
        show_default=False,
    ),
]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers",
        min=1,
        help="Frog servers working in parallel; each uses one core and about 1.5 GB.",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Print a line per finished document.")
]


def _fail(error: KroniekError) -> typer.Exit:
    """Print a KroniekError as one line and exit 2."""
    err.print(f"[red]error[/red] {error}", highlight=False)
    return typer.Exit(code=2)


def _run(
    paths: list[str],
    db: Path,
    workers: int,
    as_json: bool,
    verbose: bool,
    *,
    analyse: bool,
    command: str,
) -> None:
    """Shared body of ``ingest`` and ``run``."""
    config = KroniekConfig(db_path=db, workers=workers)
    try:
        with ProgressReporter(err, verbose=verbose) as reporter:
            summary = pipeline.run(
                paths, config, reporter, analyse=analyse, command=command, stdin=sys.stdin
            )
    except KroniekError as exc:
        raise _fail(exc) from exc
    _print_summary(summary, as_json)
    if summary.failed:
        raise typer.Exit(code=1)


def _print_summary(summary: RunSummary, as_json: bool) -> None:
    """The end-of-run summary, as a table or JSON on standard output."""
    if as_json:
        out.print_json(summary_json(summary))
    else:
        out.print(summary_table(summary))


@app.command()
def ingest(
    paths: PathsArgument = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Read news files into the database without analysing them.

    Formats: the seed text format (first line ' date YYYY-MM[-DD]'), plain .txt,
    .jsonl/.json and .csv with fields id, title, text, date, url, source, language
    (only text is required), and .html. Bad inputs are reported one line each;
    everything else is stored. Re-running the same input changes nothing.

    Example:  kroniek ingest examples/ --db news.duckdb
    """
    _run(paths or [], db, 1, as_json, verbose, analyse=False, command="ingest")


@app.command()
def run(
    paths: PathsArgument = None,
    db: DbOption = DEFAULT_DB,
    workers: WorkersOption = 1,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Ingest PATHS and run every analysis stage on what is not yet analysed.

    With no PATHS, analyses the documents already stored that wait for it
    (after 'kroniek ingest', or a run that was interrupted).

    Example:  kroniek run examples/ --db news.duckdb --workers 2
    """
    _run(paths or [], db, workers, as_json, verbose, analyse=True, command="run")


@app.command()
def docs(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List stored documents with date, language, status and counts.

    Example:  kroniek docs --json --db news.duckdb
    """
    try:
        con = open_for_reading(db)
    except KroniekError as exc:
        raise _fail(exc) from exc
    with con:
        rows = list_documents(con, limit)
    if as_json:
        print(rows_json(rows))
    else:
        out.print(documents_table(rows))


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, as listed by 'kroniek docs'.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one document with its blocks and entity mentions highlighted.

    Example:  kroniek show feed-001 --db news.duckdb
    """
    try:
        con = open_for_reading(db)
        with con:
            view = get_document(con, doc_id, str(db))
    except KroniekError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(document_json(view))
    else:
        render_document(out, view)


def _version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        out.print(f"kroniek {__version__}")
        raise typer.Exit


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """Political event data from Dutch news: who did what to whom, where and when."""
