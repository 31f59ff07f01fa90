"""The Dutch event lexicon and PLOVER reference data, loaded from data files.

``data/lexicon_nl.toml`` maps verb lemmas, noun lemmas and support-verb
phrases to a PLOVER type, mode and context, with where each entry expects its
actor and recipient.  ``data/plover.toml`` holds PLOVER's quad codes, event
scales and CAMEO roots; ``data/cues_nl.toml`` the words that mark auxiliary
modes.  Every entry carries an example that a test codes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kroniek.data_files import digest, read_toml

_DATA = "kroniek.events.data"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One trigger rule: what it matches and what it codes."""

    rule_id: str
    event_type: str
    mode: str
    context: tuple[str, ...]
    actor_roles: tuple[str, ...]
    recipient_roles: tuple[str, ...]
    also: tuple[tuple[str, str], ...] = ()
    """Further (type, mode) codings the manual asks for on the same words, e.g. a prison
    sentence is SANCTION convict and also COERCE arrest."""
    not_before: frozenset[str] = frozenset()
    """Words that, right after the trigger, mark another sense of it."""
    verbal: tuple[str, str] | None = None
    """The (type, mode) of the word's verbal sense ("valt de premier aan op zijn beleid"),
    chosen when cue words of verbal attack and none of physical force surround it."""


@dataclass(frozen=True, slots=True)
class PloverType:
    """PLOVER facts about one event type."""

    name: str
    quad_code: int
    event_scale: float
    cameo_roots: tuple[str, ...]
    mode_scales: dict[str, float]


@dataclass
class Lexicon:
    """Indexes from lemmas and phrases to entries, plus PLOVER data and cue words."""

    version: str
    verbs: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    phrases: list[tuple[tuple[str, ...], LexiconEntry]] = field(default_factory=list)
    plover: dict[str, PloverType] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def scale(self, event_type: str, mode: str) -> float | None:
        """The PLOVER score of a type, or of its mode when the manual gives one."""
        plover = self.plover.get(event_type)
        if plover is None:
            return None
        return plover.mode_scales.get(mode, plover.event_scale)


def _data(name: str) -> dict[str, Any]:
    """A packaged TOML data file."""
    return read_toml(_DATA, name)


def _entry(raw: dict[str, Any]) -> LexiconEntry:
    """A lexicon entry from its TOML table."""
    return LexiconEntry(
        rule_id=raw["id"],
        event_type=raw["type"],
        mode=raw.get("mode", ""),
        context=tuple(raw.get("context", [])),
        actor_roles=tuple(raw.get("actor", ["subject"])),
        recipient_roles=tuple(raw.get("recipient", ["object"])),
        also=tuple(_type_and_mode(coding) for coding in raw.get("also", [])),
        verbal=_type_and_mode(raw["verbal"]) if "verbal" in raw else None,
        not_before=frozenset(w.casefold() for w in raw.get("not_before", [])),
    )


def _type_and_mode(coding: str) -> tuple[str, str]:
    """ "COERCE arrest" → ("COERCE", "arrest")."""
    event_type, _, mode = coding.partition(" ")
    return event_type, mode.strip()


def _plover_types(raw: dict[str, Any]) -> dict[str, PloverType]:
    """PLOVER type facts from plover.toml."""
    types = {}
    for item in raw["type"]:
        scales = {
            m["name"]: float(m["event_scale"]) for m in item.get("modes", []) if "event_scale" in m
        }
        types[item["name"]] = PloverType(
            item["name"],
            int(item["quad_code"]),
            float(item["event_scale"]),
            tuple(item.get("cameo_roots", [])),
            scales,
        )
    return types


def build_lexicon() -> Lexicon:
    """Load the lexicon, the PLOVER reference data and the cue words."""
    raw = _data("lexicon_nl.toml")
    # The digest makes an edited lexicon code documents again.
    data = digest(_DATA, ["lexicon_nl.toml", "cues_nl.toml", "plover.toml"])
    lexicon = Lexicon(version=f"{raw['version']}+data.{data}")
    for item in raw["entry"]:
        entry = _entry(item)
        for lemma in item.get("verbs", []):
            lexicon.verbs[lemma.casefold()].append(entry)
        for lemma in item.get("nouns", []):
            lexicon.nouns[lemma.casefold()].append(entry)
        for phrase in item.get("phrases", []):
            lexicon.phrases.append((tuple(phrase.casefold().split()), entry))
    lexicon.plover = _plover_types(_data("plover.toml"))
    lexicon.cues = {
        name: frozenset(w.casefold() for w in table["words"])
        for name, table in _data("cues_nl.toml").items()
        if isinstance(table, dict) and "words" in table
    }
    return lexicon


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return build_lexicon()
