"""Questions users ask of the knowledge base: list, show, search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from kroniek.actors.knowledge import Actor, KnowledgeBase, Tenure
from kroniek.actors.names import name_key
from kroniek.errors import Msg, NotFoundError


@dataclass(frozen=True, slots=True)
class ActorCard:
    """An actor with its names, tenures and (for alliances) member states."""

    actor: Actor
    tenures: tuple[Tenure, ...]
    members: tuple[tuple[str, date, date | None], ...]


def list_actors(
    kb: KnowledgeBase, kind: str | None = None, country: str | None = None
) -> list[Actor]:
    """Actors, optionally of one kind and/or country, sorted by id."""
    return [
        actor
        for actor_id, actor in sorted(kb.actors.items())
        if (kind is None or actor.kind == kind) and (country is None or actor.country == country)
    ]


def show_actor(kb: KnowledgeBase, actor_id: str) -> ActorCard:
    """One actor in full; NotFoundError for an unknown id."""
    actor = kb.actors.get(actor_id)
    if actor is None:
        raise NotFoundError(Msg.E301.format(actor_id=actor_id))
    return ActorCard(
        actor, tuple(kb.tenures.get(actor_id, [])), tuple(kb.members.get(actor.code, []))
    )


def search_actors(kb: KnowledgeBase, text: str, limit: int = 10) -> list[tuple[Actor, float]]:
    """Actors whose names match ``text``: exact key matches first, then the closest fuzzy ones."""
    key = name_key(text)
    results: dict[str, float] = {actor_id: 100.0 for actor_id in kb.by_key.get(key, set())}
    for acronym_id in kb.acronyms.get(text.strip(), set()):
        results[acronym_id] = 100.0
    for match, score, _ in process.extract(key, list(kb.by_key), scorer=fuzz.WRatio, limit=limit):
        for actor_id in kb.by_key[match]:
            results.setdefault(actor_id, float(score))
    ranked = sorted(results.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(kb.actors[actor_id], score) for actor_id, score in ranked]
