"""Dutch numbers in digits or words: "2.500", "tweeduizend vijfhonderd", "duizenden".

The words live in ``data/numbers_nl.toml``.  ``parse_number`` reads a whole number
or a vague amount as a range of integers; ``parse_amount`` also reads halves
("anderhalf", "2,5").  Hedges ("ruim 200", "zo'n 300") are not numbers:
``parse_number`` returns None for them and ``split_hedge`` takes them off, so the
caller decides what a hedge means for its figure.  "een" is both the article and
one: ``parse_number("een")`` is 1, and callers must decide from context.

``number_pattern`` and ``hedge_pattern`` give regular expressions that find the
same numbers and hedges in running text once it is passed through ``fold``, which
lowercases and strips accents without moving any character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from kroniek.data_files import read_toml
from kroniek.errors import KroniekError, Msg

_DATA = "kroniek.nlp.data"
_FILE = "numbers_nl.toml"


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A number, or a range of them for vague amounts like "duizenden"."""

    low: int
    high: int  # == low when exact; a range for "duizenden" (2000..9999), "tientallen" (20..99)

    @property
    def exact(self) -> bool:
        """Whether the text named one number rather than a range."""
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The tables of ``numbers_nl.toml``, checked and ready to use."""

    units: Mapping[str, int]
    article: str
    tens: Mapping[str, int]
    joiner: str
    hundred: tuple[str, int]
    scales: tuple[tuple[str, int], ...]  # largest first, so "miljoen" splits before "duizend"
    thousands: tuple[str, ...]
    decimal: str
    halves: Mapping[str, Fraction]
    half: tuple[str, ...]
    plurals: Mapping[str, tuple[int, int]]
    approx_suffix: str
    spread: Fraction
    few: tuple[str, ...]
    few_units: Mapping[str, str]
    hedges: tuple[str, ...]


def normalise(text: str) -> str:
    """Casefolded text without accents, one kind of apostrophe and single spaces."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character lowercased and without accents, if that keeps it one character."""
    lower = char.lower()
    if len(lower) != 1:
        return char
    base = unicodedata.normalize("NFD", lower)
    if all(unicodedata.combining(c) for c in base[1:]):
        lower = base[0]
    return "'" if lower == "’" else lower


def fold(text: str) -> str:
    """Text lowercased, without accents and with straight apostrophes, of the same length.

    The patterns of this module match folded text; because folding keeps every
    character in its place, a match's offsets hold for the original text too.
    """
    return "".join(_fold_char(c) for c in text)


def word_pattern(word: str) -> str:
    """A regular expression for a word or phrase in folded text, any spacing."""
    return r"\s+".join(re.escape(part) for part in normalise(word).split())


def alternatives(words: Iterable[str]) -> str:
    """A non-capturing group matching any of the words, longest first."""
    ordered = sorted({normalise(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(word_pattern(w) for w in ordered) + ")"


# -- loading ----------------------------------------------------------------------


def _int_table(raw: Mapping[str, Any]) -> dict[str, int]:
    """A word -> integer table, with the words normalised."""
    table = {normalise(k): v for k, v in raw.items()}
    if not table or not all(isinstance(v, int) and v >= 0 for v in table.values()):
        raise ValueError(f"expected words with whole numbers, got {dict(raw)!r}")
    return table


def _ranges(raw: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """A word -> [low, high] table for plurals."""
    table: dict[str, tuple[int, int]] = {}
    for word, pair in raw.items():
        low, high = (int(x) for x in pair)
        if not 0 < low <= high:
            raise ValueError(f"range of '{word}' is not low <= high: {pair!r}")
        table[normalise(word)] = (low, high)
    return table


def build_words(raw: Mapping[str, Any]) -> NumberWords:
    """Number words from the parsed TOML; a malformed file raises KroniekError (E521)."""
    try:
        return _build_words(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise KroniekError(Msg.E521.format(name=_FILE, detail=exc)) from exc


def _build_words(raw: Mapping[str, Any]) -> NumberWords:
    """The unchecked part of ``build_words``: any KeyError or ValueError is a bad file."""
    scales = sorted(_int_table(raw["scales"]["words"]).items(), key=lambda kv: -kv[1])
    few_units = {normalise(k): normalise(v) for k, v in raw["few"]["units"].items()}
    plurals = _ranges(raw["plurals"]["words"])
    if not set(few_units.values()) <= set(plurals):
        raise ValueError("every [few] unit must name a word in [plurals]")
    return NumberWords(
        units=_int_table(raw["units"]["words"]),
        article=normalise(raw["units"]["article"]),
        tens=_int_table(raw["tens"]["words"]),
        joiner=normalise(raw["tens"]["joiner"]),
        hundred=(normalise(raw["hundreds"]["word"]), int(raw["hundreds"]["value"])),
        scales=tuple(scales),
        thousands=tuple(raw["digits"]["thousands"]),
        decimal=str(raw["digits"]["decimal"]),
        halves={normalise(k): Fraction(str(v)) for k, v in raw["halves"]["words"].items()},
        half=tuple(normalise(w) for w in raw["halves"]["half"]),
        plurals=plurals,
        approx_suffix=normalise(raw["approximate"]["suffix"]),
        spread=Fraction(str(raw["approximate"]["spread"])),
        few=tuple(normalise(w) for w in raw["few"]["words"]),
        few_units=few_units,
        hedges=tuple(normalise(w) for w in raw["hedges"]["words"]),
    )


def data() -> dict[str, Any]:
    """The packaged number data file, parsed (tests read its examples)."""
    return read_toml(_DATA, _FILE)


@lru_cache(maxsize=1)
def words() -> NumberWords:
    """The packaged number words, loaded once per process."""
    return build_words(data())


# -- parsing ----------------------------------------------------------------------


def _below_hundred(text: str, w: NumberWords) -> int | None:
    """ "vierenzeventig" -> 74; a unit, a ten, or a unit joined to a ten."""
    if text in w.units:
        return w.units[text]
    if text in w.tens:
        return w.tens[text]
    for ten, value in w.tens.items():
        head = text.removesuffix(ten)
        if head != text and head.endswith(w.joiner):
            unit = w.units.get(head.removesuffix(w.joiner))
            # Only one to nine join a ten: "elfentwintig" is not a number.
            if unit is not None and 0 < unit < 10:
                return unit + value
    return None


def _below_scale(text: str, w: NumberWords) -> int | None:
    """ "driehonderdvierendertig" -> 334; also "twaalfhonderd" (1200)."""
    word, value = w.hundred
    head, found, tail = text.partition(word)
    if not found:
        return _below_hundred(text, w)
    count = 1 if head == "" else _below_hundred(head, w)
    rest = _rest(tail, value, w)
    if count is None or count == 0 or rest is None:
        return None
    return count * value + rest


def _rest(tail: str, limit: int, w: NumberWords) -> int | None:
    """What follows a hundred or a scale word: nothing, or a smaller number ("en" allowed)."""
    if tail == "":
        return 0
    # "honderdeneen", "duizend-en-een": an old spelling joins the rest with "en".
    tail = tail.removeprefix(w.joiner)
    rest = _integer(tail, w)
    return rest if rest is not None and rest < limit else None


def _integer(text: str, w: NumberWords) -> int | None:
    """A whole number written in words without spaces, or None."""
    for word, value in w.scales:
        head, found, tail = text.partition(word)
        if not found:
            continue
        count = 1 if head in ("", w.article) else _integer(head, w)
        rest = _rest(tail, value, w)
        # A count of a thousand or more belongs to a larger scale word.
        if count is None or not 0 < count < w.scales[-1][1] or rest is None:
            return None
        return count * value + rest
    return _below_scale(text, w)


def _digits_regex(w: NumberWords) -> str:
    """Digits with Dutch grouping and decimal comma: "2.500", "2 500", "1,5"."""
    group = "[" + "".join(re.escape(s) for s in w.thousands) + "]"
    dec = re.escape(w.decimal)
    return rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"


def _digit_value(text: str, w: NumberWords) -> Fraction | None:
    """ "2.500" -> 2500, "1,2 miljoen" -> 1200000, "2,5" -> 5/2."""
    scales = "|".join(re.escape(s) for s, _ in w.scales)
    match = re.fullmatch(rf"({_digits_regex(w)})(?: ?({scales}))?", text)
    if match is None:
        return None
    figure = match[1]
    for sep in w.thousands:
        figure = figure.replace(sep, "")
    value = Fraction(figure.replace(w.decimal, "."))
    return value * dict(w.scales)[match[2]] if match[2] else value


def _half_value(text: str, w: NumberWords) -> Fraction | None:
    """ "anderhalf" -> 3/2, "tweeenhalf" -> 5/2, "een half" -> 1/2 (spaces removed)."""
    if text in w.halves:
        return w.halves[text]
    for half in w.half:
        head = text.removesuffix(half)
        if head == text:
            continue
        if head in ("", w.article):
            return Fraction(1, 2)
        whole = _integer(head.removesuffix(w.joiner), w) if head.endswith(w.joiner) else None
        if whole is not None:
            return whole + Fraction(1, 2)
    return None


def _halves_with_scale(compact: str, w: NumberWords) -> Fraction | None:
    """Halves, alone or times a scale word: "anderhalfmiljoen" -> 1500000."""
    for word, value in w.scales:
        head = compact.removesuffix(word)
        if head != compact and head:
            half = _half_value(head, w)
            if half is not None:
                return half * value
    return _half_value(compact, w)


def _amount(text: str, w: NumberWords) -> Fraction | None:
    """An exact amount in digits or words, halves included; text is normalised."""
    value = _digit_value(text, w)
    if value is not None:
        return value
    compact = text.replace(" ", "").replace("-", "")
    if not compact.isalpha():
        return None
    value = _halves_with_scale(compact, w)
    if value is not None:
        return value
    whole = _integer(compact, w)
    return Fraction(whole) if whole is not None else None


def _approximate(text: str, w: NumberWords) -> NumberValue | None:
    """ "een twintigtal" -> 15..25: the base plus or minus the spread, rounded inwards."""
    head = text.removeprefix(w.article + " ")
    base_text = head.removesuffix(w.approx_suffix)
    if base_text == head or " " in base_text:
        return None
    base = _integer(base_text, w)
    if not base:
        return None
    margin = int(base * w.spread)  # rounds inwards: the range never claims too much
    return NumberValue(base - margin, base + margin)


def _vague(text: str, w: NumberWords) -> NumberValue | None:
    """Plurals ("duizenden"), "een paar honderd" and "een twintigtal" as ranges."""
    if text in w.plurals:
        return NumberValue(*w.plurals[text])
    for few in w.few:
        unit = text.removeprefix(few + " ")
        if unit != text and unit in w.few_units:
            return NumberValue(*w.plurals[w.few_units[unit]])
    return _approximate(text, w)


def parse_number(text: str) -> NumberValue | None:
    """A Dutch number written in digits or words, or None.

    Whole numbers are exact ("2.500", "tweeduizend vijfhonderd", "1,2 miljoen");
    plurals and "een twintigtal" are ranges.  Fractions ("1,5", "anderhalf") and
    hedged numbers ("ruim 200") give None; see ``parse_amount`` and ``split_hedge``.
    """
    w = words()
    clean = normalise(text)
    value = _amount(clean, w)
    if value is not None:
        return NumberValue(int(value), int(value)) if value.denominator == 1 else None
    return _vague(clean, w)


def parse_amount(text: str) -> float | None:
    """Like parse_number but allows halves: 'anderhalf' -> 1.5, 'tweeënhalf' -> 2.5,
    '2,5' -> 2.5, 'een half' -> 0.5.  Ranges ("duizenden") give None."""
    value = _amount(normalise(text), words())
    return float(value) if value is not None else None


def split_hedge(text: str) -> tuple[str, str]:
    """ "ruim 200" -> ("ruim", "200"); text without a hedge -> ("", text).

    A word that starts a number ("enkele duizend") is not split off.
    """
    stripped = text.strip()
    if parse_number(stripped) is not None:
        return "", stripped
    match = re.match(rf"({hedge_pattern()})\s+(?=\S)", fold(stripped))
    if match is None:
        return "", stripped
    return stripped[: match.end(1)], stripped[match.end() :]


# -- patterns for running text ------------------------------------------------------


def _word_number_regex(w: NumberWords) -> tuple[str, str]:
    """Regexes for a number in words, and for one word-number without spaces."""
    atoms = [*w.units, *w.tens, w.hundred[0], *(s for s, _ in w.scales)]
    join = word_pattern(w.joiner)
    atom = alternatives(atoms)
    single = rf"{atom}(?:(?:{join})?{atom})*"
    scales = alternatives(s for s, _ in w.scales)
    after_scale = "(?:" + "|".join(f"(?<={word_pattern(s)})" for s, _ in w.scales) + ")"
    # "twee miljoen", "tweeduizend vijfhonderd"; never "duizend een" (the article).
    article = word_pattern(w.article)
    spaced = rf"{single}(?:\s+{scales})?(?:{after_scale}\s+(?!{article}\b){single})?"
    return spaced, single


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """A regex (no capturing groups) for one number in folded text.

    Only whole numbers and ranges: "anderhalf" alone is not matched, "anderhalf
    miljoen" is.  A match is a candidate: a run of number words that is no number
    ("tweetwee") also matches, and parse_number gives None for it.
    """
    w = words()
    spaced, single = _word_number_regex(w)
    scales = alternatives(s for s, _ in w.scales)
    article = word_pattern(w.article)
    join = word_pattern(w.joiner)
    half = alternatives(w.half)
    halves = rf"(?:{alternatives(w.halves)}|(?:{article}\s+)?{half}|{single}{join}{half})"
    forms = [
        rf"{alternatives(w.few)}\s+{alternatives(w.few_units)}",
        rf"(?:{article}\s+)?{single}{word_pattern(w.approx_suffix)}",
        alternatives(w.plurals),
        rf"{halves}\s+{scales}",
        rf"(?:{_digits_regex(w)})(?:\s+{scales})?",
        spaced,
    ]
    # Not part of a longer figure or word: "12.00", "2014a", "tweede".
    return rf"(?<![\w.,])(?:{'|'.join(forms)})(?![.,]?\d)(?!\w)"


@lru_cache(maxsize=1)
def hedge_pattern() -> str:
    """A regex (no capturing groups) for a hedge word before a number ("ruim", "zo'n").

    It does not match where a number starts ("enkele duizend" is a number).
    """
    w = words()
    few = rf"{alternatives(w.few)}\s+{alternatives(w.few_units)}(?!\w)"
    return rf"(?<!\w)(?!{few}){alternatives(w.hedges)}"
