"""Who acts on whom: actors with their event counts, and the actor → recipient network.

Only resolved arguments count (those with an export code); an unresolved span of text is
not an actor another article could be compared with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb

from kroniek.query.events import EventFilter, EventRow
from kroniek.query.scope import matching_events


@dataclass(frozen=True, slots=True)
class ActorCount:
    """One resolved actor and how often it is an event's actor or recipient."""

    actor_id: str
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    as_actor: int
    as_recipient: int
    events: int
    """Distinct events it takes part in, in either role."""


@dataclass(frozen=True, slots=True)
class Node:
    """An actor code in the network, named after its most frequent name."""

    code: str
    name: str
    names: list[str]
    """Up to five names seen with this code, most frequent first."""
    country: str | None
    events: int


@dataclass(frozen=True, slots=True)
class Edge:
    """Events with ``source`` among the actors and ``target`` among the recipients."""

    source: str
    target: str
    events: int
    mean_event_scale: float | None
    """Mean PLOVER event scale (−10 conflict … +10 cooperation) of events that have one."""


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes and weighted, directed edges."""

    nodes: list[Node]
    edges: list[Edge]


def actor_counts(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[ActorCount]:
    """Resolved actors of the matching events, most active first."""
    first_seen: dict[str, dict[str, Any]] = {}
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    events: dict[str, set[str]] = defaultdict(set)
    for row in matching_events(con, where):
        for role in ("actor", "recipient"):
            for argument in _resolved(row, role):
                actor_id = str(argument["actor_id"])
                first_seen.setdefault(actor_id, argument)
                roles[actor_id][role] += 1
                events[actor_id].add(row.event_id)
    counts = [
        ActorCount(
            actor_id=actor_id,
            name=argument.get("name"),
            code=argument.get("code"),
            country=argument.get("country"),
            sector=argument.get("sector"),
            as_actor=roles[actor_id]["actor"],
            as_recipient=roles[actor_id]["recipient"],
            events=len(events[actor_id]),
        )
        for actor_id, argument in first_seen.items()
    ]
    return sorted(counts, key=lambda a: (-a.events, a.actor_id))


def network(con: duckdb.DuckDBPyConnection, where: EventFilter) -> Network:
    """Actor codes as nodes; an edge per (actor code, recipient code) pair of the events."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, str | None] = {}
    node_events: dict[str, set[str]] = defaultdict(set)
    edge_events: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for row in matching_events(con, where):
        actors, recipients = _resolved(row, "actor"), _resolved(row, "recipient")
        for argument in actors + recipients:
            code = str(argument["code"])
            names[code][str(argument.get("name") or code)] += 1
            countries.setdefault(code, argument.get("country"))
            node_events[code].add(row.event_id)
        # A compound argument ("Belarus, Armenia and Kyrgyzstan") is one event per dyad,
        # but a pair is counted once per event even when its codes repeat.
        pairs = {(str(a["code"]), str(r["code"])) for a in actors for r in recipients}
        for pair in pairs:
            edge_events[pair].append(row.event_scale)
    nodes = [
        Node(
            code=code,
            name=counter.most_common(1)[0][0],
            names=[name for name, _ in counter.most_common(5)],
            country=countries.get(code),
            events=len(node_events[code]),
        )
        for code, counter in sorted(names.items())
    ]
    edges = [
        Edge(source, target, len(scales), _mean([s for s in scales if s is not None]))
        for (source, target), scales in sorted(edge_events.items())
    ]
    return Network(nodes, edges)


def _resolved(row: EventRow, role: str) -> list[dict[str, Any]]:
    """The event's arguments in a role that resolved to an actor with a code."""
    return [a for a in row.arguments.get(role, []) if a.get("actor_id") and a.get("code")]


def _mean(values: list[float]) -> float | None:
    """Arithmetic mean rounded to two decimals, or None for no values."""
    return round(sum(values) / len(values), 2) if values else None
