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
from kroniek.errors import KroniekError, Msg

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
    needs: str = ""
    """"actor", "recipient" or "": a side that must name a party, else the words are a
    generic mention ("het rookverbod", "de verwoesting door de storm"), not an event."""


@dataclass(frozen=True, slots=True)
class PloverType:
    """PLOVER facts about one event type."""

    name: str
    quad_code: int
    event_scale: float
    cameo_roots: tuple[str, ...]
    mode_scales: dict[str, float]
    modes: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    """Indexes from lemmas and phrases to entries, plus PLOVER data and cue words."""

    version: str
    verbs: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[LexiconEntry]] = field(default_factory=lambda: defaultdict(list))
    phrases: list[tuple[tuple[str, ...], LexiconEntry]] = field(default_factory=list)
    plover: dict[str, PloverType] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    entries: dict[str, LexiconEntry] = field(default_factory=dict)
    """Rule id → entry."""
    future_types: dict[str, str] = field(default_factory=dict)
    """Type → the type it reduces to when reported in the future tense (AID → AGREE)."""

    def entry_of(self, rule_id: str) -> LexiconEntry | None:
        """The entry behind a rule id, also one a coding step extended ("a+verbal")."""
        return self.entries.get(rule_id.split("+", 1)[0])

    def scale(self, event_type: str, mode: str) -> float | None:
        """The PLOVER score of a type, or of its mode when the manual gives one."""
        plover = self.plover.get(event_type)
        if plover is None:
            return None
        return plover.mode_scales.get(mode, plover.event_scale)


def _data(name: str) -> dict[str, Any]:
    """A packaged TOML data file."""
    return read_toml(_DATA, name)


_ENTRY_KEYS = frozenset(
    {"id", "type", "mode", "context", "verbs", "nouns", "phrases", "actor", "recipient"}
    | {"also", "not_before", "verbal", "needs", "examples"}
)
_EXAMPLE_KEYS = frozenset({"text", "trigger", "actor", "recipient", "also", "none"})
_ROLES = frozenset({"subject", "object", "indirect_object", "possessor", "demonym"})
CUE_NAMES = frozenset(
    {"negation", "hypothetical", "unrealised", "future", "historical", "perfect_auxiliary"}
    | {"reported", "both", "request_verbs", "time_words", "relative", "verbal_attack"}
    | {"physical_force", "animals", "according_to", "infinitive_opener", "infinitive_marker"}
    | {"countries", "weak_prepositions", "passive_agent", "passive_auxiliary", "plural_article"}
    | {"protest_place", "list_glue", "complementisers", "speaker_after_quote"}
)
"""The cue lists the coder reads: the cue file must have exactly these."""
_CUE_EXAMPLE_KEYS = frozenset(
    {"text", "trigger", "aux", "type", "event", "none", "actor", "recipient", "quote", "speaker"}
)


def _invalid(name: str, entry: str, detail: str) -> KroniekError:
    """The error for a malformed data-file entry."""
    return KroniekError(Msg.E524.format(name=name, entry=entry, detail=detail))


def _check_coding(coding: str, plover: dict[str, PloverType], entry: str) -> None:
    """A "TYPE mode" coding names a PLOVER type and one of its modes."""
    event_type, _, mode = coding.partition(" ")
    known = plover.get(event_type)
    if known is None:
        raise _invalid("lexicon_nl.toml", entry, f"has unknown PLOVER type {event_type!r}")
    if mode.strip() and mode.strip() not in known.modes:
        raise _invalid("lexicon_nl.toml", entry, f"has unknown mode {mode!r} of {event_type}")


def _check_entry(raw: dict[str, Any], plover: dict[str, PloverType]) -> None:
    """A lexicon entry has known fields, PLOVER codings, known roles and examples."""
    entry = str(raw.get("id", "?"))
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise _invalid("lexicon_nl.toml", entry, f"has unknown fields {sorted(unknown)}")
    if "type" not in raw:
        raise _invalid("lexicon_nl.toml", entry, "has no type")
    _check_coding(f"{raw['type']} {raw.get('mode', '')}", plover, entry)
    for coding in [*raw.get("also", []), *([raw["verbal"]] if "verbal" in raw else [])]:
        _check_coding(coding, plover, entry)
    for role in [*raw.get("actor", []), *raw.get("recipient", [])]:
        if role not in _ROLES and not (role.startswith("pp:") and len(role) > 3):
            raise _invalid("lexicon_nl.toml", entry, f"has unknown role {role!r}")
    if raw.get("needs", "") not in ("", "actor", "recipient"):
        raise _invalid("lexicon_nl.toml", entry, f"needs {raw['needs']!r}: actor or recipient")
    if not raw.get("examples"):
        raise _invalid("lexicon_nl.toml", entry, "has no examples")
    for example in raw["examples"]:
        if set(example) - _EXAMPLE_KEYS or not {"text", "trigger"} <= set(example):
            raise _invalid("lexicon_nl.toml", entry, f"has a malformed example {example}")


def _cues(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The cue lists, checked: exactly the known lists, each with words and examples."""
    tables = {name: table for name, table in raw.items() if isinstance(table, dict)}
    if set(tables) != CUE_NAMES:
        extra, missing = sorted(set(tables) - CUE_NAMES), sorted(CUE_NAMES - set(tables))
        raise _invalid("cues_nl.toml", "lists", f"unknown {extra}, missing {missing}")
    for name, table in tables.items():
        if set(table) != {"words", "examples"} or not table["words"] or not table["examples"]:
            raise _invalid("cues_nl.toml", name, "needs exactly 'words' and 'examples'")
        for example in table["examples"]:
            if set(example) - _CUE_EXAMPLE_KEYS or not {"text", "trigger"} <= set(example):
                raise _invalid("cues_nl.toml", name, f"has a malformed example {example}")
    return {name: frozenset(w.casefold() for w in t["words"]) for name, t in tables.items()}


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
        needs=str(raw.get("needs", "")),
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
            frozenset(m["name"] for m in item.get("modes", [])),
        )
    return types


def build_lexicon() -> Lexicon:
    """Load the lexicon, the PLOVER reference data and the cue words."""
    raw = _data("lexicon_nl.toml")
    # The digest makes an edited lexicon code documents again.
    data = digest(_DATA, ["lexicon_nl.toml", "cues_nl.toml", "plover.toml"])
    lexicon = Lexicon(version=f"{raw['version']}+data.{data}")
    plover = _data("plover.toml")
    lexicon.plover = _plover_types(plover)
    lexicon.future_types = {
        source: str(target)
        for target, sources in plover["future_reduces_to"].items()
        for source in sources
    }
    ids = [str(item.get("id")) for item in raw["entry"]]
    if len(set(ids)) != len(ids):
        raise _invalid("lexicon_nl.toml", "id", "is used by two entries")
    for item in raw["entry"]:
        _check_entry(item, lexicon.plover)
        entry = _entry(item)
        lexicon.entries[entry.rule_id] = entry
        for lemma in item.get("verbs", []):
            lexicon.verbs[lemma.casefold()].append(entry)
        for lemma in item.get("nouns", []):
            lexicon.nouns[lemma.casefold()].append(entry)
        for phrase in item.get("phrases", []):
            lexicon.phrases.append((tuple(phrase.casefold().split()), entry))
    lexicon.cues = _cues(_data("cues_nl.toml"))
    return lexicon


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return build_lexicon()
