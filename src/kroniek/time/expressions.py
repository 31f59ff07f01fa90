"""Find Dutch time expressions and resolve them against the publication date.

``find_time_expressions`` runs the rules of ``data/time_nl.toml`` over a text
and keeps the leftmost, longest matches.  ``resolve_time`` turns one match into
a date cut to the precision its words give, and never finer:

* Every resolution is a *span* of days: "woensdag" one day, "vorige week"
  Monday to Sunday of the week before publication, "in 2014" a whole year.
  The value is the finest calendar unit (day, month, year) that holds the
  whole span; a span that is not exactly that unit gets a note.  So "vorige
  week" is a month when the week lies in one month, a year when it straddles
  two, and nothing when it straddles New Year.
* A publication date known only to the month (``"2022-01"``) is every day of
  that month: a rule is resolved for each and the spans are joined.  When the
  joined span reaches at most a week outside the month ("woensdag",
  "gisteren") it is taken to fall within the publication month, with a note.
* A date without a year ("op 6 januari", "in december") takes the year that
  puts it nearest to the publication date: "28 december" read on 5 January is
  last year's, "3 januari" read on 28 December next year's.  Tense would
  settle more cases, but this module does not see it.
* Durations, times counted from another event and decades resolve to no
  value; eras do too, unless ``time_nl.toml`` lists the anchor's year.

dateparser reads the explicit dates (day, month name, year; numeric dates).
It is imported on first use only, so importing kroniek stays fast, and it is
asked only about the words a rule captured, never about free text: its own
relative dates claim day precision for "vorige week", put "woensdag" read on
a Wednesday in the week before, and do not read Dutch number words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kroniek.data_files import read_toml
from kroniek.errors import KroniekError, Msg
from kroniek.nlp.numbers import parse_amount, parse_number
from kroniek.records import TimePrecision

DATA_PACKAGE = "kroniek.time.data"
DATA_FILE = "time_nl.toml"
KINDS = frozenset({"date", "relative", "duration", "era"})
# Joins several notes; messages themselves use semicolons.
NOTE_SEPARATOR = " | "

# How near the publication month a span must stay (when the publication date
# is known only to the month) to be taken as falling in that month.
_NEAR_MONTH = dt.timedelta(days=7)
# Average month length, for fractions of a month ("anderhalve maand").
_DAYS_PER_MONTH = 30.44
_MONTHS_PER_YEAR = 12

# Placeholders for digits and names, which are not language-specific.  Each
# captures a named group that an action reads.
_GENERIC = {
    # One token: digits ("30", "2,5") or a word that kroniek.nlp.numbers must
    # read ("dertig", "anderhalf", "tientallen"); _plausible drops the rest.
    # numbers.number_pattern() would also find "een twintigtal", but makes
    # compiling the rules take a second, for forms time phrases hardly use.
    "number": r"(?P<number>\d+(?:[.,]\d+)*|[^\W\d_]+)",
    "year": r"(?P<year>1\d{3}|20\d{2})",
    "day": r"(?P<day>0?[1-9]|[12]\d|3[01])",
    "monthnum": r"(?P<monthnum>0?[1-9]|1[0-2])",
    # A first word, then capitalised words only: case matters here even
    # though the rest of a pattern ignores it.
    "name": r"(?P<name>[^\W\d_][\w-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w-]*)*)",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_A_MONTH = dt.timedelta(days=31)
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in a text."""

    start: int
    end: int
    text: str
    kind: str
    """date | relative | duration | era."""
    rule: str
    """The id of the time_nl.toml rule that matched."""


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """A time expression as a date cut to its precision, or None when it has none."""

    value: str | None
    """ISO date cut to the precision: 2022-01-05, 2022-01 or 2014."""
    precision: TimePrecision | None
    note: str | None
    """Why the value is less precise than the words, or missing: Msg texts, joined
    by NOTE_SEPARATOR when there are several."""


@dataclass(frozen=True, slots=True)
class TimeRule:
    """One rule of time_nl.toml, compiled."""

    rule_id: str
    kind: str
    action: str
    pattern: re.Pattern[str]
    days: tuple[int, int] | None
    weeks: int | None
    months: int | None
    years: int | None
    strict: bool


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The word lists of time_nl.toml, lower-cased."""

    months: dict[str, int]
    weekdays: dict[str, int]
    dayparts: dict[str, tuple[int, int]]
    seasons: dict[str, tuple[int, int]]
    units: dict[str, tuple[str, bool]]
    """Word to (unit, is plural)."""
    hedges: dict[str, tuple[int, int]]
    relations: dict[str, str]
    anchors: dict[str, int]
    """Anchor phrase (normalised) to the year it happened."""


@dataclass(frozen=True, slots=True)
class TimeData:
    """The compiled rules and word lists."""

    version: str
    rules: tuple[TimeRule, ...]
    by_id: dict[str, TimeRule]
    words: TimeWords


@dataclass(frozen=True, slots=True)
class _Span:
    """The first and last day a time expression can mean."""

    first: dt.date
    last: dt.date


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What an action makes of a match for one publication day."""

    span: _Span | None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Match:
    """A mention re-matched against its rule, with the word lists at hand."""

    rule: TimeRule
    groups: dict[str, str]
    text: str
    words: TimeWords

    def group(self, name: str) -> str | None:
        """A captured group, lower-cased, or None when it did not take part."""
        value = self.groups.get(name)
        return None if value is None else value.casefold()


# ---------------------------------------------------------------------------
# Loading the data file


def _read_data() -> dict[str, Any]:
    """The parsed time_nl.toml, read through importlib.resources (works from a wheel)."""
    return read_toml(DATA_PACKAGE, DATA_FILE)


def _alternation(words: list[str]) -> str:
    """A regex alternation of words, longest first so "gisteren" beats "gister"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _word_groups(raw: dict[str, Any]) -> dict[str, str]:
    """Placeholders for the word lists of the data file, each as a named group."""
    units = [w for unit in raw["units"].values() for w in unit["singular"] + unit["plural"]]
    lists = {
        "weekday": raw["weekdays"],
        "daypart": list(raw["dayparts"]),
        "month": raw["months"],
        "part": raw["parts"],
        "season": list(raw["seasons"]),
        "unit": units,
        "hedge": list(raw["hedges"]),
        "era_noun": raw["era_nouns"],
    }
    return {name: f"(?P<{name}>{_alternation(words)})" for name, words in lists.items()}


def _compile(rule_id: str, pattern: str, groups: dict[str, str]) -> re.Pattern[str]:
    """Expand placeholders, let spaces match any whitespace, and anchor at word edges."""

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in groups:
            raise KroniekError(Msg.E541.format(rule=rule_id, detail=f"unknown {{{name}}}"))
        return groups[name]

    expanded = _PLACEHOLDER.sub(expand, pattern.replace(" ", r"\s+"))
    try:
        return re.compile(rf"(?<!\w)(?:{expanded})(?!\w)", re.IGNORECASE)
    except re.error as error:
        raise KroniekError(Msg.E541.format(rule=rule_id, detail=str(error))) from error


def _rule(raw: dict[str, Any], groups: dict[str, str]) -> TimeRule:
    """A rule from its TOML table, checked against the known kinds and actions."""
    rule_id = str(raw.get("id", "?"))
    if raw.get("kind") not in KINDS:
        raise KroniekError(Msg.E541.format(rule=rule_id, detail=f"kind {raw.get('kind')!r}"))
    if raw.get("action") not in _ACTIONS:
        raise KroniekError(Msg.E541.format(rule=rule_id, detail=f"action {raw.get('action')!r}"))
    if not raw.get("examples"):
        raise KroniekError(Msg.E541.format(rule=rule_id, detail="no examples"))
    days = raw.get("days")
    return TimeRule(
        rule_id=rule_id,
        kind=raw["kind"],
        action=raw["action"],
        pattern=_compile(rule_id, raw["pattern"], groups),
        days=None if days is None else (int(days[0]), int(days[1])),
        weeks=raw.get("weeks"),
        months=raw.get("months"),
        years=raw.get("years"),
        strict=bool(raw.get("strict", False)),
    )


def _normalise(phrase: str) -> str:
    """Lower-case and single-space a phrase, for comparing anchors."""
    return " ".join(phrase.casefold().split())


def _words(raw: dict[str, Any]) -> TimeWords:
    """The word lists, keyed by their lower-cased spelling."""
    units = {
        word.casefold(): (unit, plural)
        for unit, forms in raw["units"].items()
        for plural, key in ((False, "singular"), (True, "plural"))
        for word in forms[key]
    }
    return TimeWords(
        months={m.casefold(): i for i, m in enumerate(raw["months"], start=1)},
        weekdays={d.casefold(): i for i, d in enumerate(raw["weekdays"])},
        dayparts={k.casefold(): (int(v[0]), int(v[1])) for k, v in raw["dayparts"].items()},
        seasons={k.casefold(): (int(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        units=units,
        hedges={_normalise(k): (int(v[0]), int(v[1])) for k, v in raw["hedges"].items()},
        relations={k.casefold(): str(v) for k, v in raw["relations"].items()},
        anchors={
            _normalise(phrase): int(anchor["year"])
            for anchor in raw["anchor"]
            for phrase in anchor["phrases"]
        },
    )


@cache
def time_data() -> TimeData:
    """Load and compile time_nl.toml once."""
    raw = _read_data()
    groups = _word_groups(raw) | _GENERIC
    rules = tuple(_rule(item, groups) for item in raw["rule"])
    by_id = {rule.rule_id: rule for rule in rules}
    if len(by_id) != len(rules):
        raise KroniekError(Msg.E541.format(rule="?", detail="two rules share an id"))
    return TimeData(str(raw["version"]), rules, by_id, _words(raw))


# ---------------------------------------------------------------------------
# Finding


def _quantity(word: str) -> tuple[float, float] | None:
    """The lowest and highest value a number word can mean, via kroniek.nlp.numbers."""
    value = parse_number(word)
    if value is not None:
        return float(value.low), float(value.high)
    amount = parse_amount(word)
    return None if amount is None else (amount, amount)


def _decade(word: str) -> int | None:
    """The tens of a decade ("negentig", "'90" -> 90), or None."""
    quantity = _quantity(word.lstrip("'’"))
    if quantity is None or quantity[0] != quantity[1]:
        return None
    tens = quantity[0]
    return int(tens) if tens.is_integer() and 0 <= tens < 100 and tens % 10 == 0 else None


def _plausible(rule: TimeRule, match: re.Match[str]) -> bool:
    """Drop a match whose {number} is not a number: the placeholder takes any word."""
    number = match.groupdict().get("number")
    if number is None:
        return True
    if rule.action == "decade":
        return _decade(number) is not None
    return _quantity(number) is not None


def _candidates(text: str, data: TimeData) -> Iterator[tuple[int, int, int, re.Match[str]]]:
    """Every plausible match of every rule, as (start, -length, rule order, match)."""
    for order, rule in enumerate(data.rules):
        for match in rule.pattern.finditer(text):
            if _plausible(rule, match):
                yield match.start(), match.start() - match.end(), order, match


def find_time_expressions(text: str, offset: int = 0) -> list[TimeMention]:
    """Time expressions in ``text``, leftmost-longest and not overlapping.

    Offsets are shifted by ``offset``, so a sentence's mentions point into its
    document.
    """
    data = time_data()
    mentions: list[TimeMention] = []
    taken_until = 0
    for start, _, order, match in sorted(_candidates(text, data), key=lambda c: c[:3]):
        if start < taken_until:
            continue
        rule = data.rules[order]
        mentions.append(
            TimeMention(
                start + offset, match.end() + offset, match.group(), rule.kind, rule.rule_id
            )
        )
        taken_until = match.end()
    return mentions


# ---------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """Shift a date by whole months, keeping the day where the month has it."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(
        year=year, month=month + 1, day=min(day.day, _month_end(year, month + 1).day)
    )


def _monday(day: dt.date) -> dt.date:
    """The Monday of the week a date falls in."""
    return day - dt.timedelta(days=day.weekday())


def _granule(unit: str, day: dt.date) -> _Span:
    """The calendar day, week (Monday-Sunday), month or year that holds a date."""
    if unit == "week":
        return _Span(_monday(day), _monday(day) + dt.timedelta(days=6))
    if unit == "month":
        return _Span(day.replace(day=1), _month_end(day.year, day.month))
    if unit == "year":
        return _Span(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    return _Span(day, day)


def _back(pub: dt.date, unit: str, amount: float) -> tuple[dt.date, str] | None:
    """The date ``amount`` units before ``pub``, and the unit that date is known to.

    Whole years and months shift by the calendar; a year and a half is
    eighteen months, so it is known to the month; fractions of a month or week
    are counted in days.  Fractions of a day are not dates.
    """
    if unit == "decade":
        unit, amount = "year", amount * 10
    if unit == "year" and amount.is_integer():
        return _add_months(pub, -int(amount) * _MONTHS_PER_YEAR), "year"
    if unit == "year":
        unit, amount = "month", amount * _MONTHS_PER_YEAR
    if unit == "month" and amount.is_integer():
        return _add_months(pub, -int(amount)), "month"
    if unit == "month":
        return pub - dt.timedelta(days=round(amount * _DAYS_PER_MONTH)), "month"
    if unit == "week":
        return pub - dt.timedelta(days=round(amount * 7)), "week"
    if amount.is_integer():
        return pub - dt.timedelta(days=int(amount)), "day"
    return None


def _cut(span: _Span) -> tuple[str, TimePrecision] | None:
    """The finest calendar unit that holds the whole span, as an ISO value."""
    first, last = span.first, span.last
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None


# ---------------------------------------------------------------------------
# Actions: one per kind of rule, named by ``action`` in time_nl.toml.  Each
# takes the match and one possible publication day (None when unknown).

_Action = Callable[[_Match, dt.date | None], _Outcome]


def _no_publication(m: _Match) -> _Outcome:
    """The outcome of a relative expression without a publication date."""
    return _Outcome(None, (Msg.E544.format(text=m.text),))


def _with_daypart(m: _Match, day: dt.date, days: tuple[int, int] = (0, 0)) -> _Span:
    """The days a named day covers, widened by a day part ("nacht" runs into the next)."""
    extra = m.words.dayparts.get(m.group("daypart") or "", (0, 0))
    first = day + dt.timedelta(days=days[0] + extra[0])
    return _Span(first, day + dt.timedelta(days=days[1] + extra[1]))


def _weekday(m: _Match, pub: dt.date | None) -> _Outcome:
    """The last such weekday on or before publication (before it, when ``strict``).

    With ``weeks`` the weekday of that week instead ("vorige week woensdag").
    """
    if pub is None:
        return _no_publication(m)
    target = m.words.weekdays[m.group("weekday") or ""]
    if m.rule.weeks is not None:
        day = _monday(pub) + dt.timedelta(days=7 * m.rule.weeks + target)
    else:
        back = (pub.weekday() - target) % 7
        day = pub - dt.timedelta(days=back or (7 if m.rule.strict else 0))
    return _Outcome(_with_daypart(m, day))


def _shift(m: _Match, pub: dt.date | None) -> _Outcome:
    """Days, or the calendar week, month or year, counted from publication."""
    if pub is None:
        return _no_publication(m)
    rule = m.rule
    if rule.weeks is not None:
        return _Outcome(_granule("week", pub + dt.timedelta(days=7 * rule.weeks)))
    if rule.months is not None:
        return _Outcome(_granule("month", _add_months(pub, rule.months)))
    if rule.years is not None:
        return _Outcome(_granule("year", _add_months(pub, _MONTHS_PER_YEAR * rule.years)))
    return _Outcome(_with_daypart(m, pub, rule.days or (0, 0)))


def _weekend(m: _Match, pub: dt.date | None) -> _Outcome:
    """The last Saturday and Sunday before publication (a Sunday paper: this one)."""
    if pub is None:
        return _no_publication(m)
    saturday = 5
    back = (pub.weekday() - saturday) % 7 or 7
    first = pub - dt.timedelta(days=back)
    return _Outcome(_Span(first, first + dt.timedelta(days=1)))


def _unit_and_count(m: _Match) -> tuple[str, tuple[float, float] | None]:
    """The unit of a match and how many: a bare singular is one, a bare plural unknown.

    A hedge widens the count ("ruim twee" is two to three).
    """
    unit, plural = m.words.units[m.group("unit") or ""]
    number = m.group("number")
    if number is None:
        return unit, None if plural else (1.0, 1.0)
    count = _quantity(number)
    below, above = m.words.hedges.get(_normalise(m.group("hedge") or ""), (0, 0))
    if count is None:
        return unit, None
    return unit, (max(0.0, count[0] + below), count[1] + above)


def _ago(m: _Match, pub: dt.date | None) -> _Outcome:
    """``number`` units before publication, known to the unit ("anderhalf jaar": month)."""
    if pub is None:
        return _no_publication(m)
    unit, count = _unit_and_count(m)
    earliest = None if count is None else _back(pub, unit, count[1])
    latest = None if count is None else _back(pub, unit, count[0])
    if earliest is None or latest is None:
        return _Outcome(None, (Msg.E558.format(text=m.text, unit=unit),))
    first = _granule(earliest[1], earliest[0]).first
    return _Outcome(_Span(first, _granule(latest[1], latest[0]).last))


def _period(m: _Match, pub: dt.date | None) -> _Outcome:
    """The period from ``number`` units before publication up to it ("de afgelopen drie dagen")."""
    if pub is None:
        return _no_publication(m)
    unit, count = _unit_and_count(m)
    start = None if count is None else _back(pub, unit, count[1])
    if start is None:
        return _Outcome(None, (Msg.E558.format(text=m.text, unit=unit),))
    return _Outcome(_Span(start[0], pub))


@lru_cache(maxsize=4096)
def _dateparser_fields(text: str) -> tuple[int, int, int, str] | None:
    """Year, month, day and period (day, month, ...) that dateparser reads in ``text``."""
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj
    return int(found.year), int(found.month), int(found.day), str(data.period)


@cache
def _date_parser() -> Any:
    """A Dutch-only dateparser for absolute dates, imported on first use.

    Only the absolute-date parsers run: the relative one would answer for
    words our own rules resolve (and claim day precision for "vorige week").
    Language detection is off (one language given), so nothing is downloaded.
    """
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]  # noqa: PLC0415

    settings = {
        "DATE_ORDER": "DMY",
        "PARSERS": ["absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=["nl"], settings=settings)


# A leap year stands in for a missing year, so "29 februari" parses; the
# real year is chosen afterwards.
_STAND_IN_YEAR = "2000"


def _calendar_fields(m: _Match) -> tuple[int | None, int, int | None] | None:
    """Year (None if unstated), month and day (None if unstated), read by dateparser.

    dateparser's answer is checked against the captured digits, so a date it
    "corrects" is refused rather than trusted.
    """
    day, year = m.group("day"), m.group("year")
    month = m.group("month") or m.group("monthnum")
    sep = m.group("sep") or " "
    text = sep.join(p for p in (day, month, year or _STAND_IN_YEAR) if p is not None)
    fields = _dateparser_fields(text)
    if fields is None or fields[3] != ("day" if day else "month"):
        return None
    if (day and int(day) != fields[2]) or (year and int(year) != fields[0]):
        return None
    return (fields[0] if year else None), fields[1], (fields[2] if day else None)


def _nearest(pub: dt.date, month: int, day: int | None, weekday: int | None) -> _Span | None:
    """The month (or day of it) in the year before, of or after ``pub`` that lies nearest it.

    A stated weekday ("dinsdag 4 januari") rules out the years where the day
    falls on another weekday.
    """
    best: tuple[int, int, _Span] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        if day is not None and day > _month_end(year, month).day:
            continue  # 29 February outside a leap year
        if (
            day is not None
            and weekday is not None
            and dt.date(year, month, day).weekday() != weekday
        ):
            continue
        span = _Span(
            dt.date(year, month, day or 1),
            dt.date(year, month, day) if day else _month_end(year, month),
        )
        gap = max((span.first - pub).days, (pub - span.last).days, 0)
        # On equal gaps the past wins: news reports more than it announces.
        key = (gap, 0 if span.last <= pub else 1, span)
        best = key if best is None or key[:2] < best[:2] else best
    return None if best is None else best[2]


def _calendar(m: _Match, pub: dt.date | None) -> _Outcome:
    """An explicit date; without a year, the one nearest publication."""
    fields = _calendar_fields(m)
    if fields is None:
        return _Outcome(None, (Msg.E557.format(text=m.text),))
    year, month, day = fields
    if year is not None:
        last = dt.date(year, month, day) if day else _month_end(year, month)
        return _Outcome(_Span(dt.date(year, month, day or 1), last))
    if pub is None:
        return _no_publication(m)
    weekday = m.words.weekdays.get(m.group("weekday") or "")
    span = _nearest(pub, month, day, weekday)
    if span is None:
        return _Outcome(None, (Msg.E557.format(text=m.text),))
    stated = " ".join(m.groups[k] for k in ("day", "month") if k in m.groups)
    return _Outcome(span, (Msg.E551.format(value=stated),))


def _year(m: _Match, pub: dt.date | None) -> _Outcome:
    """A year written in digits."""
    year = int(m.group("year") or 0)
    return _Outcome(_Span(dt.date(year, 1, 1), dt.date(year, 12, 31)))


def _season(m: _Match, pub: dt.date | None) -> _Outcome:
    """A season of a year: its months, which a year holds."""
    year = int(m.group("year") or 0)
    first, last = m.words.seasons[m.group("season") or ""]
    return _Outcome(_Span(dt.date(year, first, 1), _month_end(year, last)))


def _decade_action(m: _Match, pub: dt.date | None) -> _Outcome:
    """A decade: no value, but the note names it.

    "de jaren twintig" read in 2022 is the 1920s: a decade of this century is
    meant only once it is over.
    """
    tens = _decade(m.group("number") or "") or 0
    # Without a publication date the last century is the likelier reading.
    over = pub is not None and 2000 + tens + 10 <= pub.year
    century = 2000 if over else 1900
    return _Outcome(None, (Msg.E553.format(first=century + tens),))


def _duration(m: _Match, pub: dt.date | None) -> _Outcome:
    """A length of time: no date."""
    return _Outcome(None, (Msg.E559.format(text=m.text),))


def _counted(m: _Match, pub: dt.date | None) -> _Outcome:
    """Counted from another event ("twee dagen later"): no date without that event's."""
    return _Outcome(None, (Msg.E549.format(text=m.text),))


def _era(m: _Match, pub: dt.date | None) -> _Outcome:
    """An event used as an anchor: its year when time_nl.toml lists it and the words say
    since or during it; otherwise no date."""
    anchor = m.groups.get("anchor") or ""
    year = m.words.anchors.get(_normalise(anchor))
    if year is None:
        return _Outcome(None, (Msg.E554.format(anchor=anchor),))
    relation = m.words.relations.get(m.group("relation") or "", "at")
    if relation in ("before", "after"):
        word = m.groups.get("relation", "").lower()
        note = Msg.E556.format(relation=word, anchor=anchor, year=year)
        return _Outcome(None, (note,))
    span = _Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return _Outcome(span, (Msg.E555.format(anchor=anchor, year=year),))


_ACTIONS: dict[str, _Action] = {
    "weekday": _weekday,
    "shift": _shift,
    "weekend": _weekend,
    "ago": _ago,
    "period": _period,
    "calendar": _calendar,
    "year": _year,
    "season": _season,
    "decade": _decade_action,
    "duration": _duration,
    "counted": _counted,
    "era": _era,
}


# ---------------------------------------------------------------------------
# Resolving


def _publication(published: str | None) -> _Span | None:
    """The days the publication date may be: one, a whole month or a whole year."""
    if published is None or not published.strip():
        return None
    found = _PUBLISHED.fullmatch(published.strip())
    try:
        if found is None:
            raise ValueError(published)
        year, month, day = found.groups()
        if day is not None:
            date = dt.date(int(year), int(month), int(day))
            return _Span(date, date)
        if month is None:
            return _Span(dt.date(int(year), 1, 1), dt.date(int(year), 12, 31))
        return _Span(dt.date(int(year), int(month), 1), _month_end(int(year), int(month)))
    except ValueError as error:
        raise KroniekError(Msg.E542.format(value=published)) from error


def _rematch(mention: TimeMention) -> _Match:
    """Match a mention's words against its rule again, to recover what it captured."""
    data = time_data()
    rule = data.by_id.get(mention.rule)
    found = None if rule is None else rule.pattern.fullmatch(mention.text)
    if rule is None or found is None:
        raise KroniekError(Msg.E543.format(text=mention.text, rule=mention.rule))
    groups = {k: v for k, v in found.groupdict().items() if v is not None}
    return _Match(rule, groups, mention.text, data.words)


def _days(span: _Span) -> Iterator[dt.date]:
    """Every day of a span."""
    day = span.first
    while day <= span.last:
        yield day
        day += dt.timedelta(days=1)


def _join(outcomes: list[_Outcome]) -> _Outcome:
    """One outcome for all possible publication days: the union of their spans."""
    if any(o.span is None for o in outcomes):
        return next(o for o in outcomes if o.span is None)
    spans = [o.span for o in outcomes if o.span is not None]
    union = _Span(min(s.first for s in spans), max(s.last for s in spans))
    return _Outcome(union, outcomes[0].notes)


def _over_month(m: _Match, pub: _Span) -> tuple[_Outcome, str | None]:
    """Resolve against every day of a month- or year-precision publication date.

    Returns the outcome and, when the day mattered, the note that says so.
    A span that reaches at most a week outside the month is clipped to it.
    """
    action = _ACTIONS[m.rule.action]
    outcomes = [action(m, day) for day in _days(pub)]
    joined = _join(outcomes)
    span = joined.span
    if span is None or all(o == outcomes[0] for o in outcomes):
        return joined, None
    # The publication period as it was given: a month (2022-01) or a year (2022).
    period = pub.first.isoformat()[:7] if pub.last - pub.first < _A_MONTH else str(pub.first.year)
    near = span.first >= pub.first - _NEAR_MONTH and span.last <= pub.last + _NEAR_MONTH
    if near:
        clipped = _Span(max(span.first, pub.first), min(span.last, pub.last))
        return _Outcome(clipped, joined.notes), Msg.E546.format(text=m.text, period=period)
    return joined, Msg.E545.format(text=m.text, period=period)


def _precision_notes(
    m: _Match, span: _Span, cut: tuple[str, TimePrecision], *, covers: bool
) -> list[str]:
    """Notes for a span wider than its value (when ``covers``), a part ("begin"), "sinds"."""
    value, precision = cut
    notes = []
    if covers and _granule(precision, span.first) != span:
        notes.append(
            Msg.E547.format(text=m.text, first=span.first, last=span.last, precision=precision)
        )
    part = m.group("part")
    if part is not None:
        notes.append(Msg.E550.format(part=part, precision=precision))
    if m.words.relations.get(m.group("relation") or "") == "since":
        notes.append(Msg.E552.format(value=value))
    return notes


def resolve_time(mention: TimeMention, published: str | None) -> ResolvedTime:
    """A mention's date, cut to the precision its words and the publication date give.

    ``published`` is "YYYY-MM-DD", "YYYY-MM" or None.  Raises KroniekError for
    a malformed publication date or a mention that its rule does not match.
    """
    m = _rematch(mention)
    pub = _publication(published)
    month_note = None
    if pub is None:
        outcome = _ACTIONS[m.rule.action](m, None)
    elif pub.first == pub.last:
        outcome = _ACTIONS[m.rule.action](m, pub.first)
    else:
        outcome, month_note = _over_month(m, pub)
    notes = list(outcome.notes)
    if month_note is not None:
        notes.insert(0, month_note)
    span = outcome.span
    cut = None if span is None else _cut(span)
    if span is not None and cut is None:
        notes.append(Msg.E548.format(text=m.text, first=span.first, last=span.last))
    elif span is not None and cut is not None:
        # The month note already explains why a day became a month.
        notes.extend(_precision_notes(m, span, cut, covers=month_note is None))
    value, precision = cut if cut is not None else (None, None)
    return ResolvedTime(value, precision, NOTE_SEPARATOR.join(notes) or None)
