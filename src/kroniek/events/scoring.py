"""PLOVER quad codes and event scales for coded events."""

from __future__ import annotations

from dataclasses import replace

from kroniek.events.lexicon import Lexicon
from kroniek.records import Event


def with_scales(events: list[Event], rules: Lexicon) -> list[Event]:
    """The events with their quad code and event scale from the PLOVER reference data."""
    scored = []
    for event in events:
        plover = rules.plover.get(event.event_type)
        scored.append(
            replace(
                event,
                quad_code=plover.quad_code if plover else 0,
                event_scale=rules.scale(event.event_type, event.mode),
            )
        )
    return scored
