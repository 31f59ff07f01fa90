"""Drawing kroniek's records in a terminal: progress, tables, highlighted documents.

Everything here writes to a rich Console; nothing here reads or writes the
database.  Machine-readable output (``--json``) is built from the same records.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from kroniek.actors.knowledge import Actor
from kroniek.actors.lookup import ActorCard
from kroniek.evaluation.actor_coverage import CoverageReport, SampledResolution
from kroniek.evaluation.dyad_gold import VERDICTS, DyadScores
from kroniek.evaluation.event_scores import EventScores
from kroniek.evaluation.gold_file import GoldScores
from kroniek.evaluation.setting_scores import SettingScore
from kroniek.query.documents import DocumentRow, DocumentView
from kroniek.query.events import EventRow
from kroniek.query.setting import PlaceNameRow, QuoteRow
from kroniek.records import IngestProblem, RunSummary

_LABEL_STYLES = {
    "PER": "bold magenta",
    "LOC": "bold green",
    "ORG": "bold cyan",
    "MISC": "bold yellow",
    "PRO": "yellow",
    "EVE": "bold red",
}
_TITLE_CHARS = 30
_BLOCK_STYLES = {"title": "bold", "heading": "bold underline", "caption": "italic dim"}


class ProgressReporter:
    """The pipeline's Reporter for a terminal: a bar per stage with documents/s."""

    def __init__(self, console: Console, *, verbose: bool = False) -> None:
        self.console = console
        self.verbose = verbose
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None
        self._stage = ""

    def __enter__(self) -> ProgressReporter:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def stage(self, name: str, total: int | None) -> None:
        """Start a new bar; an unknown total shows a running count."""
        if self._task is not None:
            # Freeze the finished stage: its clock and spinner stop, its bar fills.
            done = self._progress.tasks[-1].completed
            self._progress.update(self._task, total=done, refresh=True)
            self._progress.stop_task(self._task)
        self._task = self._progress.add_task(name, total=total, rate="")
        self._stage = name

    def advance(self, label: str) -> None:
        """One more document done; refresh the documents/s figure."""
        if self._task is None:
            return
        self._progress.advance(self._task)
        task = self._progress.tasks[-1]
        speed = task.finished_speed or task.speed
        if speed:
            self._progress.update(self._task, rate=f"{speed:.2f} docs/s")
        if self.verbose:
            self._progress.console.print(f"[dim]done {self._stage}: {label}[/dim]", highlight=False)

    def problem(self, problem: IngestProblem) -> None:
        """Print one problem line above the bar."""
        self._progress.console.print(f"[red]error[/red] {problem.describe()}", highlight=False)

    def note(self, message: str) -> None:
        """Print a note line above the bar."""
        self._progress.console.print(f"[yellow]note[/yellow] {message}", highlight=False)


def summary_table(summary: RunSummary) -> Table:
    """The end-of-run summary as a two-column table."""
    table = Table(title=f"Run {summary.run_id}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("documents read", summary.documents_read),
        ("stored (new)", summary.stored_new),
        ("already stored", summary.already_stored),
        ("exact duplicates (recorded)", summary.duplicates),
        ("stored, language not analysed", summary.not_analysed_language),
        ("analysed with Frog", summary.analysed),
        ("sentences", summary.sentences),
        ("entity mentions", summary.mentions),
        ("documents with actors resolved", summary.actors_resolved),
        ("events coded", summary.events_coded),
        ("events placed", summary.events_placed),
        ("documents a later stage failed on", summary.stage_failures),
        ("failed", summary.failed),
    ]
    for name, value in rows:
        style = "red" if name == "failed" and value else None
        table.add_row(name, str(value), style=style)
    if summary.new_documents:
        table.caption = new_documents_line(summary.new_documents)
    return table


_IDS_SHOWN = 5


def new_documents_line(ids: tuple[str, ...]) -> str:
    """The documents a run stored, by id, so the user knows what to 'kroniek show'."""
    shown = ", ".join(ids[:_IDS_SHOWN])
    more = (
        f" and {len(ids) - _IDS_SHOWN} more ('kroniek docs' lists them)"
        if len(ids) > _IDS_SHOWN
        else ""
    )
    return f"new: {shown}{more}; see one with 'kroniek show {ids[0]}'"


def documents_table(rows: list[DocumentRow]) -> Table:
    """The document list."""
    table = Table(title=f"{len(rows)} documents")
    table.add_column("id", no_wrap=True, min_width=17)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("status", no_wrap=True)
    table.add_column("sent./ment.", justify="right", no_wrap=True)
    table.add_column("title / origin", overflow="ellipsis", no_wrap=True, max_width=_TITLE_CHARS)
    for row in rows:
        status = row.status if row.language == "nl" else f"{row.language}: not analysed"
        table.add_row(
            row.doc_id,
            row.published or "unknown",
            status,
            f"{row.sentences}/{row.mentions}",
            # The file name says more than its folders in a narrow terminal.
            _shorten(row.title or row.origin.rsplit("/", 1)[-1], _TITLE_CHARS),
        )
    return table


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_document(console: Console, view: DocumentView) -> None:
    """Print a document: header, then each block with entity mentions highlighted."""
    row = view.row
    console.rule(f"[bold]{row.doc_id}")
    date = f"{row.published} ({row.date_precision} precision)" if row.published else "unknown"
    console.print(f"date: {date}   language: {row.language}   status: {row.status}")
    console.print(f"origin: {row.origin}" + (f"   url: {view.url}" if view.url else ""))
    if view.analyser:
        console.print(f"analysed by: {view.analyser}   sentences: {row.sentences}")
    for line in (*view.notes, *(f"duplicate seen at {d}" for d in view.duplicates)):
        console.print(f"[yellow]note[/yellow] {line}", highlight=False)
    if view.status_detail:
        console.print(f"[red]{view.status_detail}[/red]", highlight=False)
    console.print()
    for block in view.blocks:
        text = Text(block.text, style=_BLOCK_STYLES.get(block.kind, ""))
        for mention in view.mentions:
            if block.start <= mention.start and mention.end <= block.end:
                style = _LABEL_STYLES.get(mention.kind, "bold")
                text.stylize(style, mention.start - block.start, mention.end - block.start)
        prefix = "" if block.kind == "body" else f"[{block.kind}] "
        console.print(Text(prefix, style="dim") + text)
        console.print()
    _print_actors(console, view)
    legend = Text("entities: ")
    for label, style in _LABEL_STYLES.items():
        legend.append(label, style=style)
        legend.append(" ")
    console.print(legend)
    _print_mentions(console, view)


def _print_mentions(console: Console, view: DocumentView) -> None:
    """A table of the entity mentions with their offsets."""
    if not view.mentions:
        return
    table = Table(title="entity mentions")
    for column in ("label", "text", "start", "end", "sentence"):
        table.add_column(column)
    for mention in view.mentions:
        table.add_row(
            mention.kind, mention.text, str(mention.start), str(mention.end), str(mention.index)
        )
    console.print(table)


def _print_actors(console: Console, view: DocumentView) -> None:
    """A table of resolved actor mentions: who each span is, and how that was decided."""
    if not view.actors:
        return
    table = Table(title="actors (as of the document date)")
    for column in ("text", "actor", "country", "sector", "role", "conf.", "rule"):
        table.add_column(column, overflow="fold")
    for actor in view.actors:
        table.add_row(
            actor.text,
            actor.name or actor.actor_id or "[dim]unresolved[/dim]",
            actor.country or "",
            actor.sector or "",
            actor.role or "",
            f"{actor.confidence:.2f}",
            actor.method,
        )
    console.print(table)


def actors_table(actors: list[Actor]) -> Table:
    """The knowledge base's actors, one per row."""
    table = Table(title=f"{len(actors)} actors")
    for column in ("id", "kind", "name", "code", "country", "sector"):
        table.add_column(column, overflow="fold")
    for actor in actors:
        table.add_row(
            actor.actor_id,
            actor.kind,
            actor.name,
            actor.code,
            actor.country or "",
            actor.sector or "",
        )
    return table


def actor_card(console: Console, card: ActorCard) -> None:
    """One actor with its names, dated offices and alliance members."""
    actor = card.actor
    console.rule(f"[bold]{actor.name}")
    console.print(
        f"id: {actor.actor_id}   kind: {actor.kind}   code: {actor.code}   "
        f"country: {actor.country or '-'}   sector: {actor.sector or '-'}"
    )
    console.print("names: " + "; ".join(actor.names), highlight=False)
    if card.tenures:
        table = Table(title="offices")
        for column in ("country", "role", "title", "sector", "from", "to"):
            table.add_column(column)
        for t in card.tenures:
            table.add_row(t.country, t.role, t.title_nl, t.sector, str(t.start), str(t.end or ""))
        console.print(table)
    if card.members:
        members = ", ".join(
            f"{c} ({start}{' - ' + str(end) if end else ''})" for c, start, end in card.members
        )
        console.print(f"members: {members}", highlight=False)


def search_table(results: list[tuple[Actor, float]]) -> Table:
    """Search results with their match score."""
    table = Table(title="matches")
    for column in ("score", "id", "kind", "name", "country"):
        table.add_column(column, overflow="fold")
    for actor, score in results:
        table.add_row(f"{score:.0f}", actor.actor_id, actor.kind, actor.name, actor.country or "")
    return table


def coverage_table(report: CoverageReport) -> Table:
    """Actor coverage per split part, entity type and mention level."""
    table = Table(title=f"EventDNA actor coverage ({report.documents} documents)")
    for column in ("part", "type", "level", "gold", "resolved", "share"):
        table.add_column(
            column, justify="right" if column in ("gold", "resolved", "share") else "left"
        )
    for row in report.rows:
        table.add_row(
            row.part, row.label, row.level, str(row.gold), str(row.resolved), f"{row.share:.1%}"
        )
    return table


def sample_tsv(sample: tuple[SampledResolution, ...]) -> str:
    """The hand-check sample as TSV, with an empty 'correct' column to fill in."""
    header = "doc_id\ttext\tactor_id\tname\tcountry\tsector\tmethod\tcorrect\tcontext\n"
    lines = [
        "\t".join(
            (
                s.doc_id,
                s.text,
                s.actor_id,
                s.name,
                s.country,
                s.sector,
                s.method,
                "",
                s.context.replace("\t", " "),
            )
        )
        for s in sample
    ]
    return header + "\n".join(lines) + "\n"


def _arguments_text(arguments: list[dict[str, object]]) -> str:
    """Actors or recipients as codes, with sector where known (``RUS MIL``)."""
    parts = []
    for argument in arguments:
        code = argument.get("code") or f"?{argument.get('text')}"
        sector = argument.get("sector")
        parts.append(f"{code} {sector}" if sector else str(code))
    return ", ".join(parts)


def _date_text(row: EventRow) -> str:
    """The event date, or each argument's own date ("UKR 2014, GEO ?"); "?" when unknown."""
    own = [d for d in row.setting.dates if d.applies_to]
    if own:
        return ", ".join(f"{d.applies_to} {d.value or '?'}" for d in own)
    return row.date or "?"


def _place_text(row: EventRow) -> str:
    """Where: the place's name and, for a country, nothing more; for a city its country."""
    place = row.place
    if place is None:
        return ""
    return place.name if place.precision == "country" else f"{place.name} {place.country}"


def _quantities_text(row: EventRow) -> str:
    """Counts attached to the event: "70 troops", "1000-9999 crowd"."""
    parts = []
    for q in row.setting.quantities:
        amount = str(q.low) if q.low == q.high else f"{q.low}-{q.high}"
        parts.append(f"{amount} {q.kind}")
    return ", ".join(parts)


_MEDIUM = 100
"""Terminal width from which event tables also show reports and aux modes."""
_WIDE = 120
"""Terminal width from which event tables also show counts, the rule and the sentence."""


def events_table(
    rows: list[EventRow], *, width: int = _WIDE, total: int | None = None, hidden: int = 0
) -> Table:
    """Events: who did what to whom, when, where, with trigger; more columns when wider.

    At 80 columns six columns fit without breaking a word (a long cell is cut with an
    ellipsis instead); ``total`` is how many match when ``rows`` is one page of them,
    ``hidden`` how many of ``rows`` 'kroniek events' leaves out (negated, hypothetical).
    """
    title = (
        f"{len(rows)} of {total} events"
        if total is not None and total > len(rows)
        else f"{len(rows)} events"
    )
    if hidden:
        title += f" ({hidden} negated, hypothetical or naming nobody: not in 'kroniek events')"
    table = Table(title=title)
    columns = ["date", "actor", "event", "recipient", "where", "trigger"]
    columns += ["reports", "aux"] if width >= _MEDIUM else []
    columns += ["count", "rule", "doc:sentence"] if width >= _WIDE else []
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=column in ("date", "event"))
    for row in rows:
        event = row.event_type + (f" ({row.mode})" if row.mode and width >= _WIDE else "")
        cells = [
            _date_text(row),
            _arguments_text(row.arguments.get("actor", [])),
            event,
            _arguments_text(row.arguments.get("recipient", [])),
            _place_text(row),
            row.trigger_text,
        ]
        if width >= _MEDIUM:
            cells += [str(len(row.mentions)), ", ".join(row.aux)]
        if width >= _WIDE:
            cells += [_quantities_text(row), row.rule_id, f"{row.doc_id}:{row.sentence_index}"]
        table.add_row(*cells)
    return table


def places_table(rows: list[PlaceNameRow]) -> Table:
    """The places a document names, with the gazetteer entry each resolved to."""
    table = Table(title=f"{len(rows)} places named")
    for column in ("text", "place", "country", "lat", "lon", "precision"):
        table.add_column(column, justify="right" if column in ("lat", "lon") else "left")
    for row in rows:
        table.add_row(
            row.text,
            row.name,
            row.country,
            f"{row.latitude:.2f}",
            f"{row.longitude:.2f}",
            row.precision,
        )
    return table


def quotes_table(rows: list[QuoteRow]) -> Table:
    """Quotations and their speakers."""
    table = Table(title=f"{len(rows)} quotations")
    table.add_column("speaker", overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("words", overflow="fold")
    for row in rows:
        speaker = row.speaker_code or row.speaker_text or "?"
        table.add_row(speaker, "quote" if row.direct else "reported", row.text)
    return table


def event_scores_table(part: str, scores: EventScores) -> Table:
    """Precision, recall and F1 per PLOVER type, with argument overlap in the caption."""
    table = Table(
        title=f"EventDNA events, {part} ({scores.documents} documents)",
        caption=f"actor overlap {scores.actor_overlap:.1%}, "
        f"recipient overlap {scores.recipient_overlap:.1%} of correct events; "
        "'off map': wrong predictions inside a gold event of an unscored ERE subtype, "
        "'P in reach': precision without them (a diagnostic)",
    )
    columns = ("type", "predicted", "correct", "gold", "found", "P", "R", "F1", "off map")
    for column in (*columns, "P in reach"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for t in scores.types:
        table.add_row(
            t.plover_type,
            str(t.predicted),
            str(t.correct),
            str(t.gold),
            str(t.found),
            f"{t.precision:.2f}",
            f"{t.recall:.2f}",
            f"{t.f1:.2f}",
            str(t.outside_mapping),
            f"{t.precision_in_reach:.2f}",
        )
    return table


def setting_scores_table(part: str, scores: list[SettingScore]) -> Table:
    """Places and times against EventDNA's Place and Time arguments."""
    table = Table(title=f"EventDNA places and times, {part}")
    for column in ("kind", "gold", "resolved", "share", "events found", "agrees", "share "):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for s in scores:
        table.add_row(
            s.kind,
            str(s.gold),
            str(s.resolved),
            f"{s.resolved_share:.2f}",
            str(s.found_events),
            str(s.agrees),
            f"{s.agreement:.2f}",
        )
    return table


def misses_table(scores: EventScores) -> Table:
    """Gold events no prediction found, to read, and the commonest confusions."""
    table = Table(title="missed gold events (tune part)")
    for column in ("doc", "sentence", "type", "gold trigger"):
        table.add_column(column, overflow="fold")
    for doc_id, sentence, kind, trigger in scores.misses:
        table.add_row(doc_id, str(sentence), kind, trigger)
    return table


def gold_table(scores: GoldScores) -> Table:
    """Dyad and type-only precision/recall against a gold file, and what was missed."""

    def ratio(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.2f}" if whole else "-"

    table = Table(title=f"gold file: {scores.documents} documents", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("dyad precision", ratio(scores.dyads_matched_predicted, scores.predicted))
    table.add_row("dyad recall", ratio(scores.dyads_matched_expected, scores.expected))
    table.add_row("type precision", ratio(scores.types_matched_predicted, scores.predicted))
    table.add_row("type recall", ratio(scores.types_matched_expected, scores.expected))
    for doc_id, actor, kind, recipient in scores.missed:
        table.add_row(f"missed {doc_id}", f"{actor} {kind} {recipient}")
    return table


def dyad_scores_table(scores: dict[str, DyadScores]) -> Table:
    """Row precision, recall, what went wrong and how happenings were joined, one column
    per part of the split (so the table fits a narrow terminal)."""
    table = Table(title="Dyad gold: exported rows at country level")
    table.add_column("figure")
    for part in scores:
        table.add_column(part, justify="right")
    lines: list[tuple[str, Callable[[DyadScores], str]]] = [
        ("documents", lambda f: str(f.documents)),
        ("rows", lambda f: str(f.rows)),
        ("precision (right rows)", lambda f: f"{f.precision:.2f}"),
        ("required gold events", lambda f: str(f.required)),
        ("recall", lambda f: f"{f.recall:.2f}"),
        *((verdict, _share_of(verdict)) for verdict in VERDICTS[1:]),
        ("rows without actor/UNK", lambda f: f"{f.without_actor:.0%}"),
        ("merged apart", lambda f: str(f.merged_apart)),
        ("repeated", lambda f: str(f.repeated)),
    ]
    for name, shown in lines:
        table.add_row(name, *(shown(found) for found in scores.values()))
    return table


def _share_of(verdict: str) -> Callable[[DyadScores], str]:
    """The share of rows with one verdict, as a percentage."""
    return lambda found: f"{found.share(verdict):.0%}"


def dyad_scores_dict(found: DyadScores) -> dict[str, object]:
    """The scores of one part for JSON."""
    return {
        "documents": found.documents,
        "rows": found.rows,
        "precision": round(found.precision, 4),
        "required": found.required,
        "found": found.found,
        "recall": round(found.recall, 4),
        "verdicts": dict(found.verdicts),
        "without_actor": round(found.without_actor, 4),
        "merged_apart": found.merged_apart,
        "repeated": found.repeated,
    }


def judged_rows_tsv(found: DyadScores) -> str:
    """Every judged row: document, verdict, type, actor and recipient codes."""
    lines = ["doc\tevent\tverdict\ttype\tactors\trecipients"]
    for row, verdict in found.judged:
        actors, recipients = ",".join(sorted(row.actors)), ",".join(sorted(row.recipients))
        lines.append(
            f"{row.doc_id}\t{row.event_id}\t{verdict}\t{row.event_type}\t{actors}\t{recipients}"
        )
    return "\n".join(lines) + "\n"
