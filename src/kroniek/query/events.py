"""Read-only questions about coded events: filtered lists and the PLOVER JSON export."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal, cast

import duckdb

from kroniek.errors import KroniekError, Msg
from kroniek.query.setting import PlaceRow, Setting, settings_of_events

DateMatch = Literal["overlap", "within"]
DATE_MATCHES: tuple[DateMatch, ...] = ("overlap", "within")
EventOrder = Literal[
    "document", "date", "-date", "type", "confidence", "-confidence", "reports", "-reports"
]
# How each order sorts, as SQL: constants only, chosen by name, never text from a user.
# Every order ends in the document order, so equal keys keep a stable sequence.
_DOCUMENT_ORDER = "d.published NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start"
_ORDER_SQL: dict[str, str] = {
    "document": _DOCUMENT_ORDER,
    "date": "e.date_start NULLS LAST, e.date_end NULLS LAST",
    "-date": "e.date_end DESC NULLS LAST, e.date_start DESC NULLS LAST",
    "type": "e.event_type",
    "confidence": "e.confidence",
    "-confidence": "e.confidence DESC",
    "reports": "reports",
    "-reports": "reports DESC",
}
EVENT_ORDERS: tuple[str, ...] = tuple(_ORDER_SQL)
AUX_MODES = ("historical", "future", "hypothetical", "negated", "reported")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``kroniek events`` and the export may filter on; None means any."""

    event_type: str | None = None
    actor: str | None = None
    """An actor id, export code or country code among the event's actors."""
    recipient: str | None = None
    country: str | None = None
    """A country among the actors or recipients."""
    date_from: date | None = None
    """First day of the ``from`` date's period (``2022-01`` → 2022-01-01)."""
    date_to: date | None = None
    """Last day of the ``to`` date's period (``2022-01`` → 2022-01-31)."""
    date_match: DateMatch = "overlap"
    """How an event's date period meets the from–to period: ``overlap`` keeps an event
    dated 2022-01 for ``--from 2022-01-10``; ``within`` keeps only periods inside it."""
    doc_id: str | None = None
    all_events: bool = False
    """Also events the text says did not happen (negated) or only may (hypothetical), and
    events that name no party at all: the default leaves them out, as the export does."""
    text: str | None = None
    """Words the sentence, the trigger or a party's name holds (case-insensitive)."""
    min_confidence: float | None = None
    aux: str | None = None
    """An auxiliary mode the event has (historical, future, reported, negated, …)."""
    sort: EventOrder = "document"
    limit: int | None = None
    offset: int = 0
    """Matching events to skip first (for paging; with ``limit``)."""


_TYPE = re.compile(r"[A-Z_]{2,30}")
_ACTOR = re.compile(r"[\w:.\-]{1,100}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def checked_filter(
    *,
    event_type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    date_match: str = "overlap",
    doc_id: str | None = None,
    all_events: bool = False,
    text: str | None = None,
    min_confidence: float | None = None,
    aux: str | None = None,
    sort: str = "document",
    limit: int | None = None,
) -> EventFilter:
    """A filter from what a user typed, checked the same way for the CLI and the API.

    A value that cannot be a PLOVER type, an actor, a country or a date is an error
    naming the filter (E606), not a query that silently matches nothing. Codes typed
    in lower case are accepted. All values are bound as SQL parameters in any case;
    the check is for a clear answer, not for safety.
    """
    start, end = _date("from", date_from), _date("to", date_to)
    if start and end and end[1] < start[0]:
        raise KroniekError(Msg.E606.format(name="to", value=date_to, reason="before 'from'"))
    _one_of("date-match", date_match, DATE_MATCHES)
    _one_of("sort", sort, EVENT_ORDERS)
    if aux:
        _one_of("aux", aux, AUX_MODES)
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        reason = "not a confidence between 0 and 1"
        raise KroniekError(
            Msg.E606.format(name="min-confidence", value=min_confidence, reason=reason)
        )
    return EventFilter(
        event_type=_match("type", _upper(event_type), _TYPE, "not a PLOVER type like PROTEST"),
        actor=_match("actor", actor, _ACTOR, "not an actor id or code"),
        recipient=_match("recipient", recipient, _ACTOR, "not an actor id or code"),
        country=_match("country", _upper(country), _COUNTRY, "not a three-letter code"),
        date_from=start[0] if start else None,
        date_to=end[1] if end else None,
        date_match="within" if date_match == "within" else "overlap",
        doc_id=doc_id or None,
        # Asking for negated or hypothetical events is asking for what is left out by default.
        all_events=all_events or aux in ("negated", "hypothetical"),
        text=" ".join(text.split()) or None if text else None,
        min_confidence=min_confidence,
        aux=aux or None,
        sort=cast(EventOrder, sort),  # checked by _one_of above
        limit=limit,
    )


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> None:
    """E606 unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        reason = "not one of " + ", ".join(allowed)
        raise KroniekError(Msg.E606.format(name=name, value=value, reason=reason))


def _upper(value: str | None) -> str | None:
    """Codes are upper case; accept them typed in lower case."""
    return value.strip().upper() if value else None


def _match(name: str, value: str | None, pattern: re.Pattern[str], reason: str) -> str | None:
    """The value if it has the expected form, None if empty, else an error naming the filter."""
    if not value:
        return None
    if pattern.fullmatch(value) is None:
        raise KroniekError(Msg.E606.format(name=name, value=value, reason=reason))
    return value


def _date(name: str, value: str | None) -> tuple[date, date] | None:
    """The first and last day of a typed date of year, month or day precision."""
    if not value:
        return None
    found = _DATE.fullmatch(value.strip())
    reason = "not a date YYYY, YYYY-MM or YYYY-MM-DD"
    if found is None:
        raise KroniekError(Msg.E606.format(name=name, value=value, reason=reason))
    try:
        period = date_period(found.group(0))
    except ValueError as exc:
        raise KroniekError(Msg.E606.format(name=name, value=value, reason=exc)) from exc
    if period is None:
        raise KroniekError(Msg.E606.format(name=name, value=value, reason=reason))
    return period


def date_period(value: str | None) -> tuple[date, date] | None:
    """``2022-01-05``, ``2022-01`` or ``2014`` → the first and last day it may mean.

    A stored date is cut to what the words say, so it stands for a period: a month-dated
    event happened on some day of that month. None for an empty value; ValueError for a
    day or month that is not in the calendar.
    """
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with its document date, sentence and arguments, as stored."""

    event_id: str
    doc_id: str
    date: str | None
    """The event's own date (cut to its precision), the publication date it inherits, or
    None when no date is known (a historical event whose words give none)."""
    date_precision: str | None
    date_start: dt.date | None
    """First day of the period the date stands for (2022-01 → 2022-01-01)."""
    date_end: dt.date | None
    """Last day of it (2022-01 → 2022-01-31); the same day for a day-precise date."""
    published: str | None
    sentence_index: int
    event_type: str
    mode: str
    context: list[str]
    trigger_text: str
    trigger_start: int
    trigger_end: int
    aux: list[str]
    rule_id: str
    confidence: float
    quad_code: int | None
    event_scale: float | None
    coder: str
    coded_at: str
    sentence_text: str
    sentence_start: int
    title: str | None
    """The document's title, URL, source and language: who reported it, where."""
    url: str | None
    source: str | None
    language: str
    arguments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    setting: Setting = field(default_factory=Setting)
    """Place, every date row (per-argument ones too: "Oekraïne (2014)") and quantities."""
    mentions: list[dict[str, Any]] = field(default_factory=list)
    """Every report of the happening in the document, in text order (trigger span, text,
    sentence and rule); the first is the event's own trigger, so there is at least one."""

    @property
    def place(self) -> PlaceRow | None:
        """Where the event happened, if the setting stage found it."""
        return self.setting.places[0] if self.setting.places else None


# The event date: the setting stage's date for all arguments when it ran on the document,
# the publication date when it has not run yet.
_EVENTS_SQL = """
WITH own AS (
    SELECT event_id, count(*) AS rows,
           any_value(value) FILTER (WHERE applies_to IS NULL) AS value,
           any_value(precision) FILTER (WHERE applies_to IS NULL) AS precision
    FROM event_dates GROUP BY event_id
), dated AS (
    SELECT e.*, CASE WHEN own.rows IS NULL THEN d.published ELSE own.value END AS event_date,
           CASE WHEN own.rows IS NULL THEN d.date_precision ELSE own.precision END AS precision
    FROM events e JOIN documents d USING (doc_id) LEFT JOIN own USING (event_id)
), periods AS (
    SELECT *,
        CASE length(event_date)
            WHEN 10 THEN TRY_CAST(event_date AS DATE)
            WHEN 7 THEN TRY_CAST(event_date || '-01' AS DATE)
            WHEN 4 THEN TRY_CAST(event_date || '-01-01' AS DATE) END AS date_start,
        CASE length(event_date)
            WHEN 10 THEN TRY_CAST(event_date AS DATE)
            WHEN 7 THEN last_day(TRY_CAST(event_date || '-01' AS DATE))
            WHEN 4 THEN TRY_CAST(event_date || '-12-31' AS DATE) END AS date_end
    FROM dated
)
SELECT e.event_id, e.doc_id, e.event_date, e.precision, e.date_start, e.date_end,
       d.published, e.sentence_index,
       e.event_type, e.mode, e.context, e.trigger_text, e.trigger_start, e.trigger_end, e.aux,
       e.rule_id, e.confidence, e.quad_code, e.event_scale, e.coder,
       strftime(e.coded_at, '%Y-%m-%d'),
       substr(d.text, s.start_char + 1, s.end_char - s.start_char), s.start_char,
       d.title, d.url, d.source, d.language,
       (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.event_id) AS reports
FROM periods e
JOIN documents d USING (doc_id)
JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
WHERE (? IS NULL OR e.event_type = ?)
  AND (? IS NULL OR e.doc_id = ?)
  AND (? IS NULL OR (CASE WHEN ? THEN e.date_start ELSE e.date_end END) >= ?)
  AND (? IS NULL OR (CASE WHEN ? THEN e.date_end ELSE e.date_start END) <= ?)
  AND (? OR (NOT list_contains(e.aux, 'negated') AND NOT list_contains(e.aux, 'hypothetical')
        AND EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
                    AND a.role IN ('actor', 'recipient'))))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role = 'actor' AND ? IN (a.actor_id, a.code, a.country)))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role = 'recipient' AND ? IN (a.actor_id, a.code, a.country)))
  AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
        AND a.role IN ('actor', 'recipient') AND a.country = ?))
  AND (? IS NULL OR e.confidence >= ?)
  AND (? IS NULL OR list_contains(e.aux, ?))
  AND (? IS NULL OR contains(lower(substr(d.text, s.start_char + 1, s.end_char - s.start_char)), ?)
        OR contains(lower(e.trigger_text), ?)
        OR EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.event_id
                   AND (contains(lower(a.name), ?) OR contains(lower(a.text), ?))))
"""


def _parameters(where: EventFilter) -> list[object]:
    """Bind values for _EVENTS_SQL: each filter for its NULL test and its comparison."""
    values: list[object] = []
    for value in (where.event_type, where.doc_id):
        values += [value, value]
    within = where.date_match == "within"
    for day in (where.date_from, where.date_to):
        values += [day, within, day]
    values.append(where.all_events)
    for value in (where.actor, where.recipient, where.country):
        values += [value, value]
    values += [where.min_confidence, where.min_confidence, where.aux, where.aux]
    text = where.text.lower() if where.text else None
    values += [text] * 5
    return values


def _ordered(where: EventFilter) -> str:
    """The events query in the filter's order (see ``_ORDER_SQL``)."""
    order = _ORDER_SQL[where.sort]
    if where.sort != "document":
        order += ", " + _DOCUMENT_ORDER
    return f"{_EVENTS_SQL} ORDER BY {order}"


def list_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[EventRow]:
    """Events matching the filter, oldest document first, with their arguments."""
    sql = _ordered(where) + (" LIMIT ?" if where.limit is not None else "") + " OFFSET ?"
    params = _parameters(where) + ([where.limit] if where.limit is not None else [])
    found = con.execute(sql, [*params, where.offset]).fetchall()
    rows = [EventRow(*row[:-1]) for row in found]  # the last column is the order's report count
    if not rows:
        return rows
    ids = [r.event_id for r in rows]
    arguments = _arguments(con, ids)
    settings = settings_of_events(con, ids)
    mentions = _mentions(con, ids)
    return [
        replace(
            row,
            arguments=dict(arguments.get(row.event_id, {})),
            setting=settings.get(row.event_id, Setting()),
            mentions=mentions.get(row.event_id) or [_own_trigger(row)],
        )
        for row in rows
    ]


def count_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> int:
    """How many events match the filter, ignoring its limit and offset."""
    row = con.execute(f"SELECT count(*) FROM ({_EVENTS_SQL})", _parameters(where)).fetchone()
    return int(row[0]) if row else 0


def _arguments(
    con: duckdb.DuckDBPyConnection, event_ids: list[str]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Arguments of the given events: event id → role → argument dicts in order."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for (
        event_id,
        role,
        start,
        end,
        text,
        actor_id,
        name,
        code,
        country,
        sector,
        method,
        confidence,
    ) in con.execute(
        "SELECT event_id, role, start_char, end_char, text, actor_id, name, code, country, "
        "sector, method, confidence FROM event_arguments WHERE list_contains(?, event_id) "
        "ORDER BY event_id, role, position",
        [event_ids],
    ).fetchall():
        grouped[event_id][role].append(
            {
                "code": code,
                "name": name,
                "country": country,
                "sector": sector,
                "actor_id": actor_id,
                "text": text,
                "start": start,
                "end": end,
                "method": method,
                "confidence": confidence,
            }
        )
    return grouped


def _mentions(
    con: duckdb.DuckDBPyConnection, event_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """The reports of the given events: event id → mention dicts in text order."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event_id, sentence_index, start, end, text, rule in con.execute(
        "SELECT event_id, sentence_index, trigger_start, trigger_end, trigger_text, rule_id "
        "FROM event_mentions WHERE list_contains(?, event_id) ORDER BY event_id, position",
        [event_ids],
    ).fetchall():
        mention = {"sentence_index": sentence_index, "start": start, "end": end}
        grouped[event_id].append(mention | {"text": text, "rule": rule})
    return grouped


def _own_trigger(row: EventRow) -> dict[str, Any]:
    """The event's own trigger as its one report (stored before reports were kept)."""
    return {
        "sentence_index": row.sentence_index,
        "start": row.trigger_start,
        "end": row.trigger_end,
        "text": row.trigger_text,
        "rule": row.rule_id,
    }


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> EventRow | None:
    """One event by id, negated or not; None when there is none."""
    found = con.execute("SELECT doc_id FROM events WHERE event_id = ?", [event_id]).fetchone()
    if found is None:
        return None
    rows = list_events(con, EventFilter(doc_id=str(found[0]), all_events=True))
    return next((r for r in rows if r.event_id == event_id), None)


def plover_record(row: EventRow) -> dict[str, Any]:
    """One event in PLOVER's JSON field names, plus kroniek's evidence fields."""
    offset = row.sentence_start
    return {
        "id": row.event_id,
        "date": row.date,
        "date_precision": row.date_precision,
        "date_start": row.date_start.isoformat() if row.date_start else None,
        "date_end": row.date_end.isoformat() if row.date_end else None,
        "actor": row.arguments.get("actor", []),
        "recipient": row.arguments.get("recipient", []),
        "event": row.event_type,
        "mode": row.mode,
        "context": row.context,
        "event_loc": _event_loc(row.place),
        "size": {_SIZE_NAMES.get(q.kind, q.kind): q.low for q in row.setting.quantities},
        "event_text": row.sentence_text,
        "quad_code": row.quad_code,
        "event_scale": row.event_scale,
        "coder": row.coder,
        "coded_date": row.coded_at,
        "doc_id": row.doc_id,
        "document": {
            "title": row.title,
            "url": row.url,
            "source": row.source,
            "published": row.published,
            "language": row.language,
        },
        "sentence_index": row.sentence_index,
        "mentions": len(row.mentions),
        "evidence": {
            "trigger": {
                "text": row.trigger_text,
                "start": row.trigger_start,
                "end": row.trigger_end,
                "sentence_offset": row.trigger_start - offset,
            },
            "mentions": row.mentions,
            "source": row.arguments.get("source", []),
            "dates": [asdict(d) for d in row.setting.dates],
            "quantities": [asdict(q) for q in row.setting.quantities],
        },
        "aux": row.aux,
        "confidence": row.confidence,
        "rule": row.rule_id,
    }


# PLOVER's size object names the dead "dead"; troops and crowd are our additions.
_SIZE_NAMES = {"killed": "dead"}
# PLOVER's location resolution codes: 4 city, 2 province, 1 country.
_RESOLUTION = {"city": 4, "region": 2, "country": 1}


def _event_loc(place: PlaceRow | None) -> dict[str, Any] | None:
    """The event's place as PLOVER's location object (GeoNames field names)."""
    if place is None:
        return None
    return {
        "extracted_place": place.text,
        "resolved_place": place.name,
        "geonameid": place.geonameid,
        "lat": place.latitude,
        "lon": place.longitude,
        "country_code": place.country,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "resolution": _RESOLUTION[place.precision],
        "basis": place.basis,
        "start": place.start,
        "end": place.end,
    }


def plover_records(con: duckdb.DuckDBPyConnection, where: EventFilter) -> Iterator[dict[str, Any]]:
    """Every matching event as a PLOVER record."""
    for row in list_events(con, where):
        yield plover_record(row)
