"""The event filter every list, chart and export endpoint shares, read from the query string.

The same filters as ``kroniek events``, checked by the same function
(``kroniek.query.events.checked_filter``): a value that cannot be a date, type, actor
or country is a 400 naming the filter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from kroniek.api.errors import ApiError
from kroniek.errors import KroniekError
from kroniek.query.events import DateMatch, EventFilter, checked_filter

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
    Query(
        alias="from",
        max_length=100,
        description="Events dated in or after this period, YYYY[-MM[-DD]] (see date_match).",
    ),
]
ToParam = Annotated[
    str | None,
    Query(
        alias="to",
        max_length=100,
        description="Events dated in or before this period, YYYY[-MM[-DD]]; to=2022-01 "
        "includes 31 January.",
    ),
]
DateMatchParam = Annotated[
    DateMatch,
    Query(
        description="overlap: an event whose date period overlaps from–to (a 2022-01 event "
        "for from=2022-01-10); within: only dates wholly inside it."
    ),
]
TextParam = Annotated[
    str | None,
    Query(alias="q", max_length=200, description="Words the sentence, trigger or a name holds."),
]
MinConfidenceParam = Annotated[
    float | None,
    Query(ge=0, le=1, description="Only events coded with at least this confidence."),
]
AuxParam = Annotated[
    str | None,
    Query(max_length=30, description="Only events with this auxiliary mode (historical, …)."),
]
DocParam = Annotated[str | None, Query(max_length=300, description="Only this document.")]
AllEventsParam = Annotated[
    bool,
    Query(
        alias="all",
        description="Also events the text says did not or only may happen, and events that "
        "name nobody (left out by default).",
    ),
]


def event_filter(
    *,
    event_type: TypeParam = None,
    actor: ActorParam = None,
    recipient: RecipientParam = None,
    country: CountryParam = None,
    date_from: FromParam = None,
    date_to: ToParam = None,
    date_match: DateMatchParam = "overlap",
    doc: DocParam = None,
    all_events: AllEventsParam = False,
    text: TextParam = None,
    min_confidence: MinConfidenceParam = None,
    aux: AuxParam = None,
) -> EventFilter:
    """FastAPI dependency: the query string's filters, checked as the CLI checks them."""
    try:
        return checked_filter(
            event_type=event_type,
            actor=actor,
            recipient=recipient,
            country=country,
            date_from=date_from,
            date_to=date_to,
            date_match=date_match,
            doc_id=doc,
            all_events=all_events,
            text=text,
            min_confidence=min_confidence,
            aux=aux,
        )
    except KroniekError as exc:
        raise ApiError(400, str(exc)) from exc
