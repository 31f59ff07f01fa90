"""Dating coded events: which time expression governs each event, and what date it gives.

An event takes, in this order:

1. a date expression in its own clause (attached to the trigger or to a verb it
   hangs from: "die positie raakte hij *woensdag* kwijt, toen Tokajev ...");
2. else the date expression nearest to its trigger in the same sentence — but not
   one inside a comma-set relative clause the trigger is not in ("belde Loekasjenko,
   die anderhalf jaar geleden ... neersloeg, om hulp" does not date the call);
3. else, for each argument separately, a year in brackets after that argument's
   name earlier in the paragraph ("zoals in Georgië en in Oekraïne (2014)") —
   a journalistic convention that dates what happened to that name;
4. else the publication date, unless the event is historical: then the date
   is unknown and none is invented.

Durations ("dertig jaar lang") are never dates.  An era whose date is not known
("sinds het uiteenvallen van de Sovjet-Unie") is kept as text, with no value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kroniek.data_files import digest, read_toml
from kroniek.nlp.syntax import Tree
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    CodedEvents,
    Event,
    EventArgument,
    EventDate,
    ResolvedActors,
    Sentence,
    SourceDocument,
    TimePrecision,
)
from kroniek.time.expressions import TimeMention, find_time_expressions, resolve_time

DATING_VERSION = "kroniek-dating-1"
_BRACKETED_YEAR = re.compile(r"\s*\((1[89]\d\d|20\d\d)\)")
"""A year in brackets straight after a name: "Oekraïne (2014)"."""


def dating_version() -> str:
    """The dating rules' version with a digest of the time expression and number data."""
    time_data = digest("kroniek.time.data", ["time_nl.toml", "dating_nl.toml"])
    numbers = digest("kroniek.nlp.data", ["numbers_nl.toml"])
    return f"{DATING_VERSION}+data.{time_data}.{numbers}"


def date_events(
    doc: SourceDocument,
    analysed: AnalysedDocument,
    resolved: ResolvedActors,
    coded: CodedEvents,
) -> tuple[EventDate, ...]:
    """A date (or the honest absence of one) for every event of the document."""
    sentences = {s.index: s for s in analysed.sentences}
    mentions = {s.index: _dates_in(doc.text, s) for s in analysed.sentences}
    context = _Paragraphs(doc.text, analysed, resolved.mentions)
    dates: list[EventDate] = []
    for event in coded.events:
        sentence = sentences[event.sentence_index]
        dates += _date_of(doc, event, sentence, mentions[sentence.index], context)
    return tuple(dates)


class _Paragraphs:
    """Actor mentions followed by a bracketed year, by paragraph."""

    def __init__(
        self, text: str, analysed: AnalysedDocument, mentions: tuple[ActorMention, ...]
    ) -> None:
        block_of = {s.index: s.block_index for s in analysed.sentences}
        self.block_of = block_of
        self.years: dict[tuple[int, str], list[tuple[int, re.Match[str]]]] = {}
        for mention in mentions:
            match = _BRACKETED_YEAR.match(text, mention.end)
            if match and mention.code:
                key = (block_of[mention.sentence_index], mention.code)
                self.years.setdefault(key, []).append((mention.start, match))

    def year_of(self, event: Event, code: str) -> re.Match[str] | None:
        """The bracketed year after ``code``'s name in the event's paragraph, before its trigger."""
        key = (self.block_of[event.sentence_index], code)
        before = [m for start, m in self.years.get(key, []) if start < event.trigger_start]
        return before[-1] if before else None


def _dates_in(text: str, sentence: Sentence) -> list[TimeMention]:
    """The time expressions of a sentence that can date an event (not durations)."""
    found = find_time_expressions(text[sentence.start : sentence.end], offset=sentence.start)
    return [m for m in found if m.kind != "duration"]


def _date_of(
    doc: SourceDocument,
    event: Event,
    sentence: Sentence,
    candidates: list[TimeMention],
    context: _Paragraphs,
) -> list[EventDate]:
    """The dates of one event: one for all its arguments, or one per argument."""
    chosen = _governing(Tree.of(sentence), event, candidates)
    if chosen is not None:
        return [_from_expression(event.event_id, chosen, doc.published)]
    scoped = _bracketed_years(event, context)
    if scoped:
        return scoped
    if "historical" in event.aux:
        return [EventDate(event.event_id, None, None, "unresolved", None, None, "")]
    return [_from_publication(event.event_id, doc)]


def _governing(tree: Tree, event: Event, candidates: list[TimeMention]) -> TimeMention | None:
    """The expression in the trigger's clause, else the one nearest to the trigger.

    An expression inside a comma-set relative clause ("Loekasjenko, die anderhalf jaar
    geleden de protesten neersloeg, ...") dates only the events of that clause.
    """
    trigger = _token_at(tree, event.trigger_start)
    if not candidates or trigger is None:
        return None
    path = set(tree.climb(trigger))
    for mention in candidates:
        heads = {tree.token(i).head for i in _tokens_in(tree, mention.start, mention.end)}
        if heads & path:
            return mention
    enclosing = _relative_clauses(tree)
    here = {span for span in enclosing if span[0] <= event.trigger_start < span[1]}
    usable = [
        m
        for m in candidates
        if {span for span in enclosing if span[0] <= m.start < span[1]} <= here
    ]
    if not usable:
        return None
    return min(usable, key=lambda m: abs(m.start - event.trigger_start))


def _relative_clauses(tree: Tree) -> list[tuple[int, int]]:
    """Character spans of comma-set relative clauses: from ", die" to the next comma."""
    openers = relative_pronouns()
    tokens = tree.sentence.tokens
    spans = []
    for index, token in enumerate(tokens[1:], start=1):
        if token.text.casefold() in openers and tokens[index - 1].text == ",":
            end = next((t.start for t in tokens[index:] if t.text == ","), tree.sentence.end)
            spans.append((token.start, end))
    return spans


@lru_cache(maxsize=1)
def relative_pronouns() -> frozenset[str]:
    """Words that open a relative clause after a comma."""
    return frozenset(read_toml("kroniek.time.data", "dating_nl.toml")["relative_pronouns"])


def _token_at(tree: Tree, start: int) -> int | None:
    """The index of the token starting at (or covering) a character offset."""
    for token in tree.sentence.tokens:
        if token.start <= start < token.end:
            return token.index
    return None


def _tokens_in(tree: Tree, start: int, end: int) -> list[int]:
    """Indexes of the tokens inside a character span."""
    return [t.index for t in tree.sentence.tokens if start <= t.start and t.end <= end]


def _from_expression(event_id: str, mention: TimeMention, published: str | None) -> EventDate:
    """The event date a time expression gives."""
    resolved = resolve_time(mention, published)
    return EventDate(
        event_id,
        resolved.value,
        resolved.precision,
        "expression" if resolved.value else "unresolved",
        mention.start,
        mention.end,
        mention.text,
        resolved.note,
    )


def _from_publication(event_id: str, doc: SourceDocument) -> EventDate:
    """The publication date, at its own precision, for an event with no time of its own."""
    if doc.published is None:
        return EventDate(event_id, None, None, "unresolved", None, None, "")
    length = len(doc.published)
    precision: TimePrecision = "day" if length == 10 else "month" if length == 7 else "year"
    return EventDate(event_id, doc.published, precision, "publication", None, None, doc.published)


def _bracketed_years(event: Event, context: _Paragraphs) -> list[EventDate]:
    """Per-argument dates from "Name (year)" earlier in the event's paragraph.

    The arguments without such a year get an unresolved date of their own, so a
    reader sees which part of a compound event is dated and which is not.
    """
    for group in (event.recipients, event.actors):
        years = {code: context.year_of(event, code) for code in _coded(group)}
        if any(years.values()):
            return _scoped(event, years)
    return []


def _scoped(event: Event, years: dict[str, re.Match[str] | None]) -> list[EventDate]:
    """One date row per argument code: its bracketed year, or unresolved."""
    dates = []
    for code, match in years.items():
        if match is None:
            dates.append(
                EventDate(event.event_id, None, None, "unresolved", None, None, "", None, code)
            )
        else:
            dates.append(
                EventDate(
                    event.event_id,
                    match.group(1),
                    "year",
                    "expression",
                    match.start(1),
                    match.end(1),
                    match.group(1),
                    None,
                    code,
                )
            )
    return dates


def _coded(arguments: Iterable[EventArgument]) -> Iterable[str]:
    """The codes of the arguments, each once."""
    seen: set[str] = set()
    for argument in arguments:
        if argument.code and argument.code not in seen:
            seen.add(argument.code)
            yield argument.code
