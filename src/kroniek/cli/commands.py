"""The ``kroniek`` command: parses arguments and calls importable functions.

Exit codes: 0 everything stored; 1 the run finished but some inputs or
documents failed (each was reported, the summary counts them); 2 nothing could
be done (bad usage, Frog missing, database unreadable).
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, TypeVar

import duckdb
import typer
from rich.console import Console

from kroniek import __version__, pipeline
from kroniek.actors.knowledge import knowledge_base
from kroniek.actors.lookup import list_actors, search_actors, show_actor
from kroniek.actors.phoenix import phoenix_to_tsv
from kroniek.cli.help import PlainHelpCommand, PlainHelpGroup
from kroniek.cli.terminal import (
    ProgressReporter,
    actor_card,
    actors_table,
    coverage_table,
    documents_table,
    dyad_scores_dict,
    dyad_scores_table,
    event_scores_table,
    events_table,
    gold_table,
    judged_rows_tsv,
    misses_table,
    places_table,
    quotes_table,
    render_document,
    sample_tsv,
    search_table,
    setting_scores_table,
    summary_table,
)
from kroniek.config import DEFAULT_DB, IngestConfig, KroniekConfig
from kroniek.errors import KroniekError, Msg
from kroniek.evaluation.actor_coverage import evaluate_actor_coverage
from kroniek.evaluation.dyad_gold import evaluate_dyads, points_into_eventdna
from kroniek.evaluation.event_scores import EventScores, evaluate_events
from kroniek.evaluation.gold_file import evaluate_gold
from kroniek.evaluation.setting_scores import evaluate_settings
from kroniek.ingest.dates import typed_date
from kroniek.query.documents import get_document, list_documents
from kroniek.query.events import (
    AUX_MODES,
    EVENT_ORDERS,
    EventFilter,
    checked_filter,
    count_events,
    list_events,
)
from kroniek.query.export import EXPORTS, export_bytes
from kroniek.query.serialise import document_json, events_page_json, to_json
from kroniek.query.setting import place_mentions_of_document, quotes_of_document
from kroniek.records import RunSummary
from kroniek.store import open_for_reading

T = TypeVar("T")

app = typer.Typer(
    name="kroniek",
    help=(
        "Political event data from Dutch news: who did what to whom, where and when.\n\n"
        "Example:  kroniek run examples/ && kroniek docs && kroniek show feed-001"
    ),
    no_args_is_help=True,
    # Markdown: a docstring's lines join into paragraphs that wrap to the terminal.
    rich_markup_mode="markdown",
    cls=PlainHelpGroup,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file to write or read.", show_default=True)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
# The EventDNA evaluations' arguments.
EventDnaFolder = Annotated[
    Path,
    typer.Argument(
        help="EventDNA folder (DNAF files + ERE_TO_PLOVER.tsv).", exists=True, file_okay=False
    ),
]
EvalDbOption = Annotated[
    Path, typer.Option("--db", help="Database for the analysed gold documents (reused).")
]
# The event filters, shared by 'events' and 'export'.
TypeOption = Annotated[
    str | None, typer.Option("--type", help="PLOVER type, e.g. PROTEST.", metavar="TYPE")
]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Actor id, code or country among the actors.", metavar="ACTOR"),
]
RecipientOption = Annotated[
    str | None, typer.Option("--recipient", help="Same, among the recipients.", metavar="ACTOR")
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", help="ISO3 code among actors or recipients.", metavar="ISO3"),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", help="YYYY[-MM[-DD]]: events dated in or after this period.", metavar="DATE"
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="YYYY[-MM[-DD]]: events dated in or before this period (--to 2022-01 "
        "includes 31 January).",
        metavar="DATE",
    ),
]
DateMatchOption = Annotated[
    str,
    typer.Option(
        "--date-match",
        help="overlap: keep an event whose date period overlaps --from/--to (an event dated "
        "2022-01 for --from 2022-01-10); within: only dates wholly inside them.",
        metavar="overlap|within",
    ),
]
SearchOption = Annotated[
    str | None,
    typer.Option(
        "--search",
        help="Words the sentence, trigger or a party's name holds (any case).",
        metavar="WORDS",
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only events coded with at least this.",
        metavar="0-1",
    ),
]
AuxOption = Annotated[
    str | None,
    typer.Option(
        "--aux",
        help="Only events with this auxiliary mode: " + ", ".join(AUX_MODES) + ".",
        metavar="MODE",
    ),
]
AllEventsOption = Annotated[
    bool,
    typer.Option(
        "--all",
        "--include-negated",
        help="Also events the text says did not or only may happen, and events that name "
        "nobody (left out by default).",
    ),
]
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, directories (walked recursively) or web addresses (http[s]://, fetched "
        "and extracted); '-' reads standard input.",
        show_default=False,
        metavar="PATH_OR_URL",
    ),
]
FeedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--feed",
        help="RSS or Atom feed (address or file); each item not stored yet is fetched once. "
        "Repeatable.",
        metavar="URL_OR_FILE",
        show_default=False,
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Publication date YYYY[-MM[-DD]] for inputs that carry none (standard input, "
        "a plain .txt, a page without one).",
        metavar="DATE",
        show_default=False,
    ),
]
DelayOption = Annotated[
    float,
    typer.Option(
        "--delay",
        min=0.0,
        help="Seconds between two requests to the same web server.",
        metavar="SECONDS",
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


ActorFilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Extra actor file (TSV; see 'kroniek actors import'); repeatable. "
        "Also read from $KRONIEK_ACTORS (paths separated by ':').",
        exists=True,
        dir_okay=False,
    ),
]


def _actor_files(given: list[Path] | None) -> tuple[Path, ...]:
    """User actor files from the option and the environment, in that order."""
    from_env = [Path(p) for p in os.environ.get("KRONIEK_ACTORS", "").split(os.pathsep) if p]
    return tuple(dict.fromkeys([*(given or []), *from_env]))


def _fail(error: KroniekError) -> typer.Exit:
    """Print a KroniekError as one line and exit 2."""
    err.print(f"[red]error[/red] {error}", highlight=False)
    return typer.Exit(code=2)


def _open_filtered(db: Path, **typed: Any) -> tuple[duckdb.DuckDBPyConnection, EventFilter]:
    """The database and the event filter of ``events`` and ``export``, checked as the API
    checks them (``typed`` are ``checked_filter``'s keywords)."""
    try:
        where = checked_filter(**typed)
        return open_for_reading(db), where
    except KroniekError as exc:
        raise _fail(exc) from exc


def _with_progress(work: Callable[[ProgressReporter], T]) -> T:
    """Run ``work`` with a progress display; a KroniekError becomes one line and exit 2."""
    try:
        with ProgressReporter(err) as reporter:
            return work(reporter)
    except KroniekError as exc:
        raise _fail(exc) from exc


def _ingest_config(date: str | None, delay: float) -> IngestConfig:
    """How to read the inputs: the date for undated ones, the pause between requests."""
    try:
        default_date = typed_date(date) if date is not None else None
    except KroniekError as exc:
        raise _fail(exc) from exc
    return IngestConfig(default_date=default_date, fetch_delay=delay)


def _run(
    paths: list[str],
    config: KroniekConfig,
    as_json: bool,
    verbose: bool,
    *,
    analyse: bool,
    command: str,
    feeds: list[str] | None = None,
) -> None:
    """Shared body of ``ingest`` and ``run``."""
    try:
        with ProgressReporter(err, verbose=verbose) as reporter:
            summary = pipeline.run(
                paths,
                config,
                reporter,
                analyse=analyse,
                command=command,
                stdin=sys.stdin,
                feeds=feeds or (),
            )
    except KroniekError as exc:
        raise _fail(exc) from exc
    _print_summary(summary, as_json)
    if summary.failed:
        raise typer.Exit(code=1)


def _print_summary(summary: RunSummary, as_json: bool) -> None:
    """The end-of-run summary, as a table or JSON on standard output."""
    if as_json:
        out.print_json(to_json({**asdict(summary), "failed": summary.failed}))
    else:
        out.print(summary_table(summary))


@app.command(cls=PlainHelpCommand)
def ingest(
    paths: PathsArgument = None,
    db: DbOption = DEFAULT_DB,
    feed: FeedOption = None,
    date: DateOption = None,
    delay: DelayOption = 1.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Read news files, web pages and feeds into the database without analysing them.

    Formats: the seed text format (first line ' date YYYY-MM[-DD]'), plain .txt,
    .jsonl/.json and .csv with fields id, title, text, date, url, source, language
    (only text is required), .html, web addresses and RSS/Atom feeds (--feed). Bad
    inputs are reported one line each; everything else is stored. Re-running the same
    input changes nothing; a feed item already stored is not fetched again.

    Example:  kroniek ingest examples/ --db news.duckdb
    """
    config = KroniekConfig(db_path=db, ingest=_ingest_config(date, delay))
    _run(paths or [], config, as_json, verbose, analyse=False, command="ingest", feeds=feed)


@app.command(cls=PlainHelpCommand)
def run(
    paths: PathsArgument = None,
    db: DbOption = DEFAULT_DB,
    workers: WorkersOption = 1,
    feed: FeedOption = None,
    date: DateOption = None,
    delay: DelayOption = 1.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """Read news (files, web pages, feeds) and run every analysis stage on what waits.

    Stages: [1] ingest, [2] analyse with Frog, [3] resolve actors, [4] code events,
    [5] complete them from the whole document (arguments, one event per happening),
    [6] place and [7] date them. With no inputs, runs the later stages on documents
    already stored that wait for them (after 'kroniek ingest', an interrupted run, or a
    new actor knowledge base). Re-running changes nothing that is already done.

    Examples:

      kroniek run examples/ --db news.duckdb --workers 2

      kroniek run https://example.org/nieuws/artikel.html

      kroniek run --feed https://example.org/buitenland.rss   (new items only)

      cat artikel.txt | kroniek run - --date 2022-01-06
    """
    config = KroniekConfig(
        db_path=db,
        workers=workers,
        actor_files=_actor_files(actors),
        ingest=_ingest_config(date, delay),
    )
    _run(paths or [], config, as_json, verbose, analyse=True, command="run", feeds=feed)


@app.command(cls=PlainHelpCommand)
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
        print(to_json(rows))
    else:
        out.print(documents_table(rows))


@app.command(cls=PlainHelpCommand)
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, as listed by 'kroniek docs'.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one document: blocks, entities and actors highlighted, events, places, quotes.

    Example:  kroniek show feed-001 --db news.duckdb
    """
    try:
        con = open_for_reading(db)
        with con:
            view = get_document(con, doc_id, str(db))
            coded = list_events(con, EventFilter(doc_id=doc_id, all_events=True))
            listed = count_events(con, EventFilter(doc_id=doc_id))
            places = place_mentions_of_document(con, doc_id)
            quotes = quotes_of_document(con, doc_id)
    except KroniekError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(to_json(document_json(view, coded, quotes, places)))
    else:
        render_document(out, view)
        if coded:
            out.print(events_table(coded, width=out.width, hidden=len(coded) - listed))
        if places:
            out.print(places_table(places))
        if quotes:
            out.print(quotes_table(quotes))


@app.command(cls=PlainHelpCommand)
def events(
    db: DbOption = DEFAULT_DB,
    event_type: TypeOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    country: CountryOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    date_match: DateMatchOption = "overlap",
    doc: Annotated[str | None, typer.Option(help="Only this document.", metavar="DOC_ID")] = None,
    search: SearchOption = None,
    min_confidence: MinConfidenceOption = None,
    aux: AuxOption = None,
    all_events: AllEventsOption = False,
    sort: Annotated[
        str,
        typer.Option(
            help="Order: " + ", ".join(EVENT_ORDERS) + " ('-' for descending).", metavar="ORDER"
        ),
    ] = "document",
    limit: Annotated[
        int | None, typer.Option(help="Show at most this many.", metavar="COUNT")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List coded events: who did what to whom, when, where, with the trigger and rule.

    Example:  kroniek events --type PROTEST --country KAZ
    """
    con, where = _open_filtered(
        db,
        event_type=event_type,
        actor=actor,
        recipient=recipient,
        country=country,
        date_from=date_from,
        date_to=date_to,
        date_match=date_match,
        doc_id=doc,
        text=search,
        min_confidence=min_confidence,
        aux=aux,
        all_events=all_events,
        sort=sort,
        limit=limit,
    )
    with con:
        rows = list_events(con, where)
        total = count_events(con, where)
    if as_json:
        print(to_json(events_page_json(rows, total, where.limit, where.offset)))
    else:
        out.print(events_table(rows, width=out.width, total=total))


@app.command(cls=PlainHelpCommand)
def export(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help=", ".join(
                f"{e.name} ({e.description}{'; needs --out' if e.binary else ''})"
                for e in EXPORTS.values()
            )
            + ".",
        ),
    ] = "plover-jsonl",
    output: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: standard output).")
    ] = None,
    event_type: TypeOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    country: CountryOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    date_match: DateMatchOption = "overlap",
    search: SearchOption = None,
    min_confidence: MinConfidenceOption = None,
    aux: AuxOption = None,
    all_events: AllEventsOption = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="Start the CSV with a byte-order mark, so Excel reads it as UTF-8 "
            "(pandas and R read it either way).",
        ),
    ] = False,
) -> None:
    """Export events as PLOVER JSON lines, CSV dyads or Parquet; filters as 'kroniek events'.

    Every column is described in docs/data-dictionary.md.

    Example:  kroniek export --format csv --country KAZ --out kaz.csv
    """
    chosen = EXPORTS.get(output_format)
    if chosen is None:
        names = ", ".join(EXPORTS)
        raise _fail(KroniekError(Msg.E401.format(value=output_format, names=names)))
    if chosen.binary and output is None:
        raise _fail(KroniekError(Msg.E610.format(name=chosen.name)))
    con, where = _open_filtered(
        db,
        event_type=event_type,
        actor=actor,
        recipient=recipient,
        country=country,
        date_from=date_from,
        date_to=date_to,
        date_match=date_match,
        text=search,
        min_confidence=min_confidence,
        aux=aux,
        all_events=all_events,
    )
    with con:
        content, count = export_bytes(con, where, output_format)
    if excel and chosen.name == "csv":
        content = codecs.BOM_UTF8 + content
    if output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        output.write_bytes(content)
        err.print(f"wrote {count} {chosen.unit} to {output}")


@app.command(cls=PlainHelpCommand)
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the dashboard and the read-only JSON API until Ctrl-C.

    The database is opened read-only and stays open: stop the server before a
    'kroniek run' writes to the same file. Dashboard at /, API under /api,
    its documentation at /docs (OpenAPI at /openapi.json). See docs/dashboard.md.

    Example:  kroniek serve --db news.duckdb --port 8000
    """
    # Imported here: FastAPI and uvicorn are only needed by this command.
    from kroniek.api import server  # noqa: PLC0415

    try:
        server.check_database(db)
        server.check_port(host, port)
    except KroniekError as exc:
        raise _fail(exc) from exc
    address = server.url(host, port)
    out.print(f"Dashboard: {address}  (API docs: {address}docs)", highlight=False, soft_wrap=True)
    server.serve(db, host, port)


def _command_group(name: str, help_text: str) -> typer.Typer:
    """A group of subcommands: ``kroniek NAME ...``."""
    group = typer.Typer(help=help_text, no_args_is_help=True, cls=PlainHelpGroup)
    app.add_typer(group, name=name)
    return group


actors_app = _command_group(
    "actors",
    "The actor knowledge base: states, organisations, seats of power, people with dated "
    "roles.\n\nExample:  kroniek actors search Poetin",
)


@actors_app.command("list", cls=PlainHelpCommand)
def actors_list(
    kind: Annotated[
        str | None,
        typer.Option(help="state, historical_state, organisation, seat, person or group."),
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 code, e.g. KAZ.")] = None,
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """List actors of the knowledge base.

    Example:  kroniek actors list --kind person --country KAZ
    """
    found = list_actors(knowledge_base(_actor_files(actors)), kind, country)
    if as_json:
        print(to_json(found))
    else:
        out.print(actors_table(found))


@actors_app.command("show", cls=PlainHelpCommand)
def actors_show(
    actor_id: Annotated[str, typer.Argument(help="Actor id, e.g. person:vladimir-putin.")],
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """Show one actor with its names, dated offices and members.

    Example:  kroniek actors show org:csto
    """
    try:
        card = show_actor(knowledge_base(_actor_files(actors)), actor_id)
    except KroniekError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(to_json(card))
    else:
        actor_card(out, card)


@actors_app.command("search", cls=PlainHelpCommand)
def actors_search(
    text: Annotated[str, typer.Argument(help="A name in any spelling: Poetin, Putin, NAVO.")],
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 10,
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """Find actors by name, tolerant of Dutch/English transliteration.

    Example:  kroniek actors search "Kasym-Zjomart Tokajev"
    """
    results = search_actors(knowledge_base(_actor_files(actors)), text, limit)
    if as_json:
        print(to_json([{"score": score, "actor": actor} for actor, score in results]))
    else:
        out.print(search_table(results))


@actors_app.command("import", cls=PlainHelpCommand)
def actors_import(
    source: Annotated[
        Path, typer.Argument(help="A Phoenix/PETRARCH .actors dictionary.", exists=True)
    ],
    to: Annotated[Path, typer.Option("--to", help="User actor file to write.")] = Path(
        "kroniek-actors.tsv"
    ),
) -> None:
    """Convert a Phoenix/PETRARCH actor dictionary into a user actor file.

    The result is a TSV you can edit; pass it to 'kroniek run --actors FILE'
    or list it in $KRONIEK_ACTORS.

    Example:  kroniek actors import Phoenix.Countries.actors.txt --to phoenix.tsv
    """
    with source.open(encoding="utf-8", errors="replace") as lines:
        text, count = phoenix_to_tsv(lines)
    if count == 0:
        raise _fail(KroniekError(Msg.E302.format(path=source)))
    to.write_text(text, encoding="utf-8")
    out.print(f"wrote {count} entries to {to}; use: kroniek run --actors {to} …")


eval_app = _command_group(
    "eval",
    "Measure kroniek against gold data.\n\nExample:  kroniek eval actors "
    "../shared/data/eventdna-dev --db eval.duckdb",
)


@eval_app.command("actors", cls=PlainHelpCommand)
def eval_actors(
    folder: Annotated[
        Path, typer.Argument(help="EventDNA folder with DNAF files.", exists=True, file_okay=False)
    ],
    db: Annotated[
        Path, typer.Option("--db", help="Database for the analysed gold documents (reused).")
    ] = Path("eval-eventdna.duckdb"),
    workers: WorkersOption = 2,
    sample: Annotated[int, typer.Option(help="Resolutions to draw for checking by hand.")] = 100,
    sample_out: Annotated[
        Path | None, typer.Option(help="Write the sample as TSV to this file.")
    ] = None,
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """Share of EventDNA's gold PER/ORG/LOC mentions resolved to an actor.

    The first run analyses the 1,387 documents with Frog into --db (a few
    minutes); later runs only re-resolve actors.

    Example:  kroniek eval actors ../shared/data/eventdna-dev --sample-out sample.tsv
    """
    config = KroniekConfig(db_path=db, workers=workers, actor_files=_actor_files(actors))
    report = _with_progress(
        lambda reporter: evaluate_actor_coverage(folder, config, reporter, sample_size=sample)
    )
    if sample_out is not None:
        sample_out.write_text(sample_tsv(report.sample), encoding="utf-8")
    if as_json:
        print(to_json(report))
    else:
        out.print(coverage_table(report))


@eval_app.command("eventdna", cls=PlainHelpCommand)
def eval_eventdna(
    folder: EventDnaFolder,
    db: EvalDbOption = Path("eval-eventdna.duckdb"),
    workers: WorkersOption = 2,
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
    mapping: Annotated[
        str,
        typer.Option(
            "--mapping",
            help="v2 (ERE_TO_PLOVER_v2.tsv: scored and ignored subtypes), v1 (the first, "
            "strict mapping) or a mapping file.",
        ),
    ] = "v2",
) -> None:
    """Precision, recall and F1 per PLOVER type against EventDNA's events.

    Scored as ../shared/README.md describes: same mapped type in the same sentence;
    with mapping v2 a prediction beside a gold event of an "ignored" subtype is set
    aside. Shown for the tune part, the measure part and all documents.

    Example:  kroniek eval eventdna ../shared/data/eventdna-dev --mapping v1
    """
    config = KroniekConfig(db_path=db, workers=workers, actor_files=_actor_files(actors))
    scores = _with_progress(
        lambda reporter: evaluate_events(folder, config, reporter, mapping_name=mapping)
    )
    if as_json:
        print(to_json({part: _scores_dict(s) for part, s in scores.items()}))
        return
    for part, result in scores.items():
        out.print(event_scores_table(part, result))
    out.print(misses_table(scores["tune"]))


@eval_app.command("setting", cls=PlainHelpCommand)
def eval_setting(
    folder: EventDnaFolder,
    db: EvalDbOption = Path("eval-eventdna.duckdb"),
    workers: WorkersOption = 2,
    sample: Annotated[
        Path | None,
        typer.Option("--sample", help="Write 60 resolutions of the measure part here (TSV)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """How often event places and dates agree with EventDNA's Place and Time arguments.

    'resolved': share of gold places (times) with one of our place names (time
    expressions) inside; 'agrees': for gold events we found, share whose place
    (date) we took from the gold argument's words. EventDNA has no publication
    dates: check date values by hand with --sample.

    Example:  kroniek eval setting ../shared/data/eventdna-dev --sample check.tsv
    """
    config = KroniekConfig(db_path=db, workers=workers)
    scores, rows = _with_progress(lambda reporter: evaluate_settings(folder, config, reporter))
    if sample is not None:
        lines = ["doc\tkind\tgold words\tours\tcorrect (y/n)"]
        lines += [f"{r.doc_id}\t{r.kind}\t{r.gold_text}\t{r.ours}\t" for r in rows]
        sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if as_json:
        print(to_json({part: [asdict(s) for s in found] for part, found in scores.items()}))
        return
    for part, found in scores.items():
        out.print(setting_scores_table(part, found))


@eval_app.command("gold", cls=PlainHelpCommand)
def eval_gold(
    path: Annotated[
        Path,
        typer.Argument(
            help="Gold JSONL file: our own documents (docs/events.md) or dyads on EventDNA "
            "leads (gold/README.md).",
            exists=True,
            dir_okay=False,
        ),
    ],
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="EventDNA folder, for a gold file that points into its documents.",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Database for the coded gold documents (reused) [default: eval-gold.duckdb, "
            "eval-eventdna.duckdb for EventDNA leads].",
            show_default=False,
        ),
    ] = None,
    workers: WorkersOption = 2,
    rows_out: Annotated[
        Path | None,
        typer.Option(help="Write every judged row of the tune part here (TSV), to study."),
    ] = None,
    as_json: JsonOption = False,
    actors: ActorFilesOption = None,
) -> None:
    """Exported rows against hand-coded (actor, type, recipient) events.

    On the dyad gold of EventDNA leads, per part (tune, measure): row precision (right
    actor, type and recipient), recall of the required events, reversed rows, and what
    the other rows got wrong: no actor, wrong actor, wrong recipient, wrong type; and how
    happenings were joined: rows whose reports cover two gold events (merged apart) and
    right rows that repeat a gold event another row already codes (repeated).

    Example:  kroniek eval gold gold/eventdna_dyads.jsonl ../shared/data/eventdna-dev

    Example:  kroniek eval gold gold/events_nl.jsonl
    """
    if not points_into_eventdna(path):
        config = KroniekConfig(
            db_path=db or Path("eval-gold.duckdb"), actor_files=_actor_files(actors)
        )
        own = _with_progress(lambda reporter: evaluate_gold(path, config, reporter))
        if as_json:
            print(to_json(own))
        else:
            out.print(gold_table(own))
        return
    if folder is None:
        raise _fail(KroniekError(Msg.E404.format(path=path)))
    config = KroniekConfig(
        db_path=db or Path("eval-eventdna.duckdb"),
        workers=workers,
        actor_files=_actor_files(actors),
    )
    scores = _with_progress(lambda reporter: evaluate_dyads(path, folder, config, reporter))
    if rows_out is not None:
        rows_out.write_text(judged_rows_tsv(scores["tune"]), encoding="utf-8")
    if as_json:
        print(to_json({part: dyad_scores_dict(s) for part, s in scores.items()}))
    else:
        out.print(dyad_scores_table(scores))


def _scores_dict(scores: EventScores) -> dict[str, object]:
    """Scores with the derived precision/recall/F1 spelled out, for JSON."""
    return {
        "documents": scores.documents,
        "types": [
            {
                "type": t.plover_type,
                "predicted": t.predicted,
                "correct": t.correct,
                "gold": t.gold,
                "found": t.found,
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "f1": round(t.f1, 4),
                "outside_mapping": t.outside_mapping,
                "precision_in_reach": round(t.precision_in_reach, 4),
            }
            for t in scores.types
        ],
        "actor_overlap": round(scores.actor_overlap, 4),
        "recipient_overlap": round(scores.recipient_overlap, 4),
        "confusion": scores.confusion,
        "misses": scores.misses,
    }


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
