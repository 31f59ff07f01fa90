"""PLOVER quad codes and event scales for coded events."""

from __future__ import annotations

from kroniek.events.lexicon import Lexicon
from kroniek.records import CodedEvents


def plover_scales(coded: CodedEvents, rules: Lexicon) -> dict[str, tuple[int, float | None]]:
    """Event id → (quad code, event scale) from the PLOVER reference data."""
    result: dict[str, tuple[int, float | None]] = {}
    for event in coded.events:
        plover = rules.plover.get(event.event_type)
        quad = plover.quad_code if plover else 0
        result[event.event_id] = (quad, rules.scale(event.event_type, event.mode))
    return result
