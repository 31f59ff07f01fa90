"""One event per happening: the second half of stage 5.

News repeats itself: the title, the lead and the body report the same arrest, the
same request for help, the same troop deployment. Reports in different sentences of
one document join one event when they are of the same PLOVER type, their parties are
compatible (for each side the same country-level codes, or one report names nobody or
only someone unknown), and nothing says they differ: a negated or hypothetical report joins only
reports that are so too; reports that happen in different countries or whose sentences
name different years stay apart; background (historical) reports are never joined, as
articles recall many past events of one kind ("the protests of 2020", "the protests of
2014"). The joined event keeps the first report's trigger and evidence, the best-known
parties of all reports, and every report as a mention.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kroniek.events.clause import YEAR
from kroniek.records import AnalysedDocument, Event, EventArgument, EventMention, EventQuantity

UNKNOWN = "UNK"
_DISTINGUISHING_AUX = frozenset({"negated", "hypothetical"})


@dataclass
class _Happening:
    """Reports joined so far, with where and in which years they happen."""

    event: Event
    mentions: list[EventMention]
    countries: set[str]
    years: set[int]


@dataclass(frozen=True, slots=True)
class Setting:
    """What tells reports apart besides their parties: each clause event's country (where
    its words place it) and the years each sentence names."""

    countries: dict[str, str]
    years: dict[int, frozenset[int]]


def _codes(arguments: tuple[EventArgument, ...]) -> frozenset[str]:
    """The known country-level codes of one side (UNK and unresolved words left out)."""
    return frozenset(a.country or a.code or "" for a in arguments) - {UNKNOWN, ""}


def _compatible(one: tuple[EventArgument, ...], other: tuple[EventArgument, ...]) -> bool:
    """One side of two reports: the same parties, or one names nobody known."""
    mine, theirs = _codes(one), _codes(other)
    return not mine or not theirs or bool(mine & theirs)


def _same_happening(joined: _Happening, report: Event, setting: Setting) -> bool:
    """Whether a report can be another report of a happening joined so far.

    Reports in one sentence join too ("de protesten kregen het karakter van een
    opstand"): one sentence rarely reports two acts of one type between the same
    parties, and when it names other parties the sides are not compatible.
    """
    if "historical" in joined.event.aux or "historical" in report.aux:
        return False
    country = setting.countries.get(report.event_id)
    if country is not None and joined.countries and country not in joined.countries:
        return False
    years = setting.years.get(report.sentence_index, frozenset())
    if years and joined.years and not years & joined.years:
        return False
    return _compatible_reports(joined.event, report)


def _compatible_reports(joined: Event, report: Event) -> bool:
    """Same type, nothing that sets them apart, compatible parties on both sides."""
    if joined.event_type != report.event_type:
        return False
    if set(joined.aux) & _DISTINGUISHING_AUX != set(report.aux) & _DISTINGUISHING_AUX:
        return False
    return _compatible(joined.actors, report.actors) and _compatible(
        joined.recipients, report.recipients
    )


def _better(
    mine: tuple[EventArgument, ...], theirs: tuple[EventArgument, ...]
) -> tuple[EventArgument, ...]:
    """The side that names more known parties (the first report's on a tie)."""
    return theirs if len(_codes(theirs)) > len(_codes(mine)) else mine


def _mention(event: Event) -> EventMention:
    """An event's own report as a mention."""
    return EventMention(
        event.sentence_index,
        event.trigger_start,
        event.trigger_end,
        event.trigger_text,
        event.rule_id,
    )


def join_happenings(
    events: list[Event], quantities: tuple[EventQuantity, ...], setting: Setting | None = None
) -> tuple[list[Event], tuple[EventQuantity, ...]]:
    """The document's events with each happening once, and the numbers moved to them."""
    setting = setting or Setting({}, {})
    happenings: list[_Happening] = []
    moved: dict[str, str] = {}
    for report in events:
        target = next((h for h in happenings if _same_happening(h, report, setting)), None)
        country = setting.countries.get(report.event_id)
        years = setting.years.get(report.sentence_index, frozenset())
        if target is None:
            happenings.append(
                _Happening(report, [_mention(report)], {country} if country else set(), set(years))
            )
            continue
        if country:
            target.countries.add(country)
        target.years |= years
        joined = target.event
        target.event = replace(
            joined,
            actors=_better(joined.actors, report.actors),
            recipients=_better(joined.recipients, report.recipients),
            source=joined.source or report.source,
            confidence=max(joined.confidence, report.confidence),
        )
        target.mentions.append(_mention(report))
        moved[report.event_id] = joined.event_id
    joined_events = [replace(h.event, mentions=tuple(h.mentions)) for h in happenings]
    numbers = tuple(replace(q, event_id=moved.get(q.event_id, q.event_id)) for q in quantities)
    return joined_events, numbers


def years_named(analysed: AnalysedDocument) -> dict[int, frozenset[int]]:
    """Sentence index → the four-digit years it names."""
    return {
        sentence.index: frozenset(int(t.text) for t in sentence.tokens if YEAR.match(t.text))
        for sentence in analysed.sentences
    }
