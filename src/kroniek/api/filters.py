"""The event filter every list, chart and export endpoint shares, read from the query string.

The same filters as ``kroniek events``. Values are checked here, before any query: a
value that cannot be a date, type, actor or country is a 400 naming the filter. All values
are bound as SQL parameters in any case; the check is for a clear answer, not for safety.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import Query

from kroniek.api.errors import ApiError
from kroniek.errors import Msg
from kroniek.query.events import EventFilter

_TYPE = re.compile(r"[A-Z_]{2,30}")
_ACTOR = re.compile(r"[\w:.\-]{1,100}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

TypeParam = Annotated[
    str | None, Query(alias="type", max_length=100, description="PLOVER type, e.g. PROTEST.")
]
ActorParam = Annotated[
    str | None,
    Query(max_length=200, description="Actor id, code or country among the event's actors."),
]
RecipientParam = Annotated[
    str | None, Query(max_length=200, description="Same, among the event's recipients.")
]
CountryParam = Annotated[
    str | None,
    Query(max_length=100, description="ISO3 code among the actors or recipients, e.g. KAZ."),
]
FromParam = Annotated[
    str | None,
    Query(alias="from", max_length=100, description="Publication date from, YYYY[-MM[-DD]]."),
]
ToParam = Annotated[
    str | None,
    Query(alias="to", max_length=100, description="Publication date up to, YYYY[-MM[-DD]]."),
]
DocParam = Annotated[str | None, Query(max_length=300, description="Only this document.")]
NegatedParam = Annotated[bool, Query(description="Also events the text says did not happen.")]


def event_filter(
    *,
    event_type: TypeParam = None,
    actor: ActorParam = None,
    recipient: RecipientParam = None,
    country: CountryParam = None,
    date_from: FromParam = None,
    date_to: ToParam = None,
    doc: DocParam = None,
    include_negated: NegatedParam = False,
) -> EventFilter:
    """FastAPI dependency: the query string's filters as an EventFilter, or a 400."""
    start = _date("from", date_from)
    end = _date("to", date_to)
    if start and end and end < start:
        raise ApiError(400, Msg.E606.format(name="to", value=end, reason="before 'from'"))
    return EventFilter(
        event_type=_match("type", _upper(event_type), _TYPE, "not a PLOVER type like PROTEST"),
        actor=_match("actor", actor, _ACTOR, "not an actor id or code"),
        recipient=_match("recipient", recipient, _ACTOR, "not an actor id or code"),
        country=_match("country", _upper(country), _COUNTRY, "not a three-letter code"),
        date_from=start,
        date_to=_inclusive_end(end),
        doc_id=doc or None,
        include_negated=include_negated,
    )


def _upper(value: str | None) -> str | None:
    """Codes are upper case; accept them typed in lower case."""
    return value.strip().upper() if value else None


def _match(name: str, value: str | None, pattern: re.Pattern[str], reason: str) -> str | None:
    """The value if it has the expected form, None if empty, else a 400 naming the filter."""
    if not value:
        return None
    if pattern.fullmatch(value) is None:
        raise ApiError(400, Msg.E606.format(name=name, value=value, reason=reason))
    return value


def _date(name: str, value: str | None) -> str | None:
    """A date of year, month or day precision that exists in the calendar, or a 400."""
    if not value:
        return None
    found = _DATE.fullmatch(value)
    reason = "not a date YYYY, YYYY-MM or YYYY-MM-DD"
    if found is None:
        raise ApiError(400, Msg.E606.format(name=name, value=value, reason=reason))
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ApiError(400, Msg.E606.format(name=name, value=value, reason=exc)) from exc
    return value


def _inclusive_end(value: str | None) -> str | None:
    """Make ``to=2022-01`` include 2022-01-31 and ``to=2022`` all of 2022.

    Dates are compared as text, and ``'2022-01-31' <= '2022-01'`` is false; appending
    a character above every digit and dash keeps every date that starts with the prefix.
    """
    return value + "~" if value and len(value) < 10 else value
