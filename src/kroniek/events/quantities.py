"""Numbers attached to events: troops sent, people killed, injured or arrested, crowds.

``data/quantities_nl.toml`` holds, per kind, word patterns such as
``{number} {noun}`` ("zo'n 5.000 betogers") or
``{number} {people} {gap} {died}`` ("40 mensen werden gedood"); this module
turns them into regular expressions over one sentence's text.  Numbers come from
``kroniek.nlp.numbers``.  A hedge ("minstens 12 doden") stays in the mention's text
and the figure is the stated one: event data records what was reported, and the
text shows how sure the report was.

When patterns of several kinds count the same number, the kind listed first in
the data file keeps it: "200 betogers werden opgepakt" is 200 arrests, not a crowd
of 200, and "70 militairen sneuvelden" is 70 killed, not a deployment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kroniek.data_files import read_toml
from kroniek.errors import KroniekError, Msg
from kroniek.nlp.numbers import (
    fold,
    hedge_pattern,
    normalise,
    number_pattern,
    parse_number,
    word_pattern,
)

_DATA = "kroniek.events.data"
_FILE = "quantities_nl.toml"

# Slots every pattern may use; a kind's own lists must not reuse these names.
_BUILTIN = frozenset({"number", "gap", "words", "people"})
# Slots that bring their own leading space, because they may match no words at all.
_SELF_SPACED = frozenset({"gap", "words"})
# A word inside a clause: letters or figures, with apostrophes, hyphens, "2.500".
_WORD = r"[\w'’-]+(?:[.,]\w+)*"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)]|$))"
_FOUR_DIGITS = re.compile(r"\d{4}")
_LAST_WORD = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A counted phrase in a sentence: "70 man", "duizenden demonstranten"."""

    kind: str  # troops | killed | injured | arrested | crowd
    low: int
    high: int
    start: int  # character offsets into the text given, shifted by `offset`
    end: int
    text: str  # text[start:end], the whole "70 man" / "duizenden demonstranten" phrase


@dataclass(frozen=True, slots=True)
class QuantityKind:
    """One kind of quantity: its compiled patterns and the smallest count it accepts."""

    name: str
    minimum: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class QuantityRules:
    """All kinds in order of priority, and the words that make four digits a year."""

    kinds: tuple[QuantityKind, ...]
    years: tuple[int, int]
    year_words: frozenset[str]
    coordination: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A pattern match that counts something, before kinds compete for its number."""

    rank: int  # the kind's place in the data file: lower wins
    kind: str
    low: int
    high: int
    start: int
    end: int
    number: tuple[int, int]

    def beats(self, other: _Candidate) -> bool:
        """Earlier kind first, then the longer phrase, then the earlier one."""
        mine = (self.rank, self.start - self.end, self.start)
        return mine < (other.rank, other.start - other.end, other.start)


# -- compiling patterns -------------------------------------------------------------


def _literal(token: str) -> str:
    """ "a|b" -> one of the words; "*soldaten" also ends a compound ("VN-soldaten")."""
    alternatives = []
    for word in token.split("|"):
        if not word.strip("*"):
            raise ValueError(f"empty word in '{token}'")
        core = word_pattern(word.lstrip("*"))
        alternatives.append(rf"(?:[^\W\d_]+-?)?{core}" if word.startswith("*") else core)
    return "(?:" + "|".join(alternatives) + r")(?!\w)"


def _token(token: str, slots: Mapping[str, str]) -> tuple[str, bool]:
    """One pattern item as a regex, and whether it is a word that needs a space before it."""
    if token == "$":
        return _CLAUSE_END, False
    if token[0] in "!&":
        look = "?!" if token[0] == "!" else "?="
        return rf"({look}\s+{_literal(token[1:])})", False
    if token.startswith("{") and token.endswith("}"):
        name = token[1:-1]
        if name not in slots:
            raise ValueError(f"unknown slot {token}")
        return slots[name], name not in _SELF_SPACED
    return _literal(token), True


def _sequence(text: str, slots: Mapping[str, str]) -> str:
    """A regex for a space-separated pattern; see the header of the data file."""
    parts: list[str] = []
    started = False
    for token in text.split():
        optional = len(token) > 1 and token.endswith("?")
        regex, word = _token(token.removesuffix("?") if optional else token, slots)
        if not word:
            # Zero-width items and self-spaced slots attach to the word before them.
            if not started or optional:
                raise ValueError(f"'{token}' must follow a word and cannot be optional")
            parts.append(regex)
        elif not started:
            parts.append(rf"(?:{regex}\s+)?" if optional else regex)
            started = not optional
        else:
            parts.append(rf"(?:\s+{regex})?" if optional else rf"\s+{regex}")
    if not started:
        raise ValueError("a pattern needs at least one word that is not optional")
    return "".join(parts)


def _choice(entries: list[str]) -> str:
    """A regex for one of several list entries, longest first for the longest phrase."""
    if not entries or not all(isinstance(e, str) for e in entries):
        raise ValueError(f"expected a non-empty list of words, got {entries!r}")
    ordered = sorted(entries, key=lambda e: (-len(e), e))
    return "(?:" + "|".join(_sequence(e, {}) for e in ordered) + ")"


def _words_slot(raw: Mapping[str, Any], figures: bool) -> str:
    """{gap} or {words}: a few words of the same clause, fewest first."""
    stops = _choice([normalise(w) for w in raw["gap"]["stop_words"]])
    no_figure = "" if figures else r"(?!\d)"
    return rf"(?:\s+(?!{stops}){no_figure}{_WORD}){{0,{int(raw['gap']['max_words'])}}}?"


def _modifiers(raw: Mapping[str, Any]) -> str:
    """Adjectives such as "Nederlandse" that may stand before a noun, each with its space."""
    mods = raw["modifiers"]
    ending = normalise(mods["ending"])
    stem = int(mods["min_letters"]) - len(ending)
    # A hyphenated head is allowed: "34-jarige", "pro-Russische".
    adjective = rf"(?:\w+-)?[^\W\d_]{{{stem},}}{word_pattern(ending)}(?!\w)"
    # A number word ending in -e ("twee", "drie") is never an adjective here; joined
    # adjectives count as one: "Nederlandse en Belgische".
    joined = rf"{adjective}(?:{_joiner(raw)}\s+{adjective})?"
    return rf"(?:(?!{number_pattern()}(?!-)){joined}\s+){{0,{int(mods['max_words'])}}}"


def _list_slots(lists: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, str]:
    """Slots for word lists; the nouns named in [modifiers] may follow adjectives."""
    modified = set(raw["modifiers"]["slots"])
    adjectives = _modifiers(raw)
    return {
        name: (adjectives if name in modified else "") + _choice(list(entries))
        for name, entries in lists.items()
    }


def _joiner(raw: Mapping[str, Any]) -> str:
    """What joins two groups of people: a comma, "en", "of", each with its spacing."""
    joiners = []
    for word in raw["coordination"]["joiners"]:
        plain = normalise(word)
        joiners.append(
            rf"\s+{word_pattern(plain)}(?!\w)" if plain.isalpha() else rf"\s*{re.escape(plain)}"
        )
    return "(?:" + "|".join(joiners) + ")"


def _shared_slots(raw: Mapping[str, Any]) -> dict[str, str]:
    """The built-in slots, from the shared tables of the data file."""
    number = rf"(?:{hedge_pattern()}\s+)?(?P<number>{number_pattern()})"
    people = _list_slots({"people": raw["people"]["nouns"]}, raw)["people"]
    return {
        "number": number,
        "gap": _words_slot(raw, figures=False),
        "words": _words_slot(raw, figures=True),
        # "8000 mannen en jongens werden vermoord": one count of a joined group.
        "people": rf"{people}(?:{_joiner(raw)}\s+{people})?",
    }


def _coordination(raw: Mapping[str, Any]) -> re.Pattern[str]:
    """A counted group of people right before another: "12 agenten en " 30 ... gewond."""
    shared = _shared_slots(raw)
    group = rf"(?<!\w){shared['number']}\s+{shared['people']}"
    return re.compile(rf"(?P<group>{group})(?P<joiner>{_joiner(raw)})\s+$")


def _pattern(text: str, slots: Mapping[str, str]) -> re.Pattern[str]:
    """One compiled pattern; it must count exactly one number."""
    if text.split().count("{number}") != 1:
        raise ValueError("a pattern needs exactly one {number}")
    return re.compile(r"(?<!\w)" + _sequence(text, slots))


def _kind(
    table: Mapping[str, Any], shared: Mapping[str, str], raw: Mapping[str, Any]
) -> QuantityKind:
    """One [[kind]] table of the data file, compiled; errors name the kind and the pattern."""
    name = str(table.get("name", "?"))
    try:
        lists = dict(table.get("lists", {}))
        if _BUILTIN & set(lists):
            raise ValueError(f"lists may not be called {sorted(_BUILTIN & set(lists))}")
        slots = {**shared, **_list_slots(lists, raw)}
        minimum, templates = int(table["minimum"]), list(table["patterns"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KroniekError(Msg.E522.format(name=_FILE, kind=name, detail=exc)) from exc
    patterns = []
    for template in templates:
        try:
            patterns.append(_pattern(template, slots))
        except (ValueError, re.error) as exc:
            detail = Msg.E523.format(name=_FILE, pattern=template, kind=name, detail=exc)
            raise KroniekError(detail) from exc
    return QuantityKind(name, minimum, tuple(patterns))


def build_rules(raw: Mapping[str, Any]) -> QuantityRules:
    """Compiled rules from the parsed data file; a malformed file raises KroniekError."""
    try:
        shared = _shared_slots(raw)
        years = (int(raw["years"]["low"]), int(raw["years"]["high"]))
        year_words = frozenset(normalise(w) for w in raw["years"]["after"])
        kinds_raw = list(raw["kind"])
        coordination = _coordination(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise KroniekError(Msg.E521.format(name=_FILE, detail=exc)) from exc
    kinds = tuple(_kind(item, shared, raw) for item in kinds_raw)
    return QuantityRules(kinds, years, year_words, coordination)


def data() -> dict[str, Any]:
    """The packaged quantity data file, parsed (tests read its examples)."""
    return read_toml(_DATA, _FILE)


@lru_cache(maxsize=1)
def rules() -> QuantityRules:
    """The packaged rules, compiled once per process."""
    return build_rules(data())


# -- finding quantities -------------------------------------------------------------


def _is_year(match: re.Match[str], text: str, rules: QuantityRules) -> bool:
    """ "in 2014", "sinds 1991": four bare digits after a word that introduces a year."""
    figure = match["number"]
    if not _FOUR_DIGITS.fullmatch(figure) or not rules.years[0] <= int(figure) <= rules.years[1]:
        return False
    before = _LAST_WORD.search(text, 0, match.start("number"))
    return before is not None and normalise(before[1]) in rules.year_words


def _candidate(
    match: re.Match[str], rank: int, span: tuple[int, int], text: str, rules: QuantityRules
) -> _Candidate | None:
    """The count a match makes for the kind of this rank, if it is one."""
    kind = rules.kinds[rank]
    value = parse_number(match["number"])
    if value is None or value.low < kind.minimum or _is_year(match, text, rules):
        return None
    return _Candidate(rank, kind.name, value.low, value.high, *span, match.span("number"))


def _keep(best: dict[tuple[int, int], _Candidate], found: _Candidate | None) -> bool:
    """Record a candidate if its number has none yet or it beats the one there."""
    if found is None or (found.number in best and not found.beats(best[found.number])):
        return False
    best[found.number] = found
    return True


def _coordinated(text: str, best: dict[tuple[int, int], _Candidate], rules: QuantityRules) -> None:
    """ "12 agenten en 30 demonstranten raakten gewond": the 12 share the kind of the 30."""
    queue = list(best.values())
    while queue:
        head = queue.pop()
        match = rules.coordination.search(text, 0, head.start)
        if match is None:
            continue
        found = _candidate(match, head.rank, match.span("group"), text, rules)
        if _keep(best, found) and found is not None:
            queue.append(found)  # a list: "3 agenten, 5 betogers en 2 journalisten"


def _candidates(text: str, rules: QuantityRules) -> dict[tuple[int, int], _Candidate]:
    """The best candidate for every number that some pattern counts."""
    best: dict[tuple[int, int], _Candidate] = {}
    for rank, kind in enumerate(rules.kinds):
        for pattern in kind.patterns:
            for match in pattern.finditer(text):
                _keep(best, _candidate(match, rank, match.span(), text, rules))
    _coordinated(text, best, rules)
    return best


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether one number span lies strictly within another ("vijfhonderd" in a longer one)."""
    return inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]


def find_quantities(text: str, offset: int = 0) -> list[QuantityMention]:
    """Quantities in one sentence's text; offsets are shifted by `offset` (the sentence's
    start in the document)."""
    # Patterns match folded text; folding keeps offsets, so spans cut the original.
    best = _candidates(fold(text), rules())
    kept = [c for c in best.values() if not any(_inside(c.number, o) for o in best)]
    return [
        QuantityMention(
            c.kind, c.low, c.high, c.start + offset, c.end + offset, text[c.start : c.end]
        )
        for c in sorted(kept, key=lambda c: (c.start, c.end))
    ]
