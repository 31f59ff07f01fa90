"""Name keys that survive transliteration: Poetin = Putin, Sjojgoe = Shoigu, Tokajev = Tokayev.

Dutch and English news transliterate Cyrillic and Central-Asian names by
different conventions (Dutch oe/sj/zj/tsj/ch/j against English u/sh/zh/ch/kh/y).
Rather than guess which convention a string follows, both are folded into one
lossy skeleton: the skeletons of two spellings of one name are equal, and
names that differ in more than transliteration stay apart.  The folding rules
are data in ``data/transliteration.toml``, each with the pairs it exists for.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DATA = "kroniek.actors.data"
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r" +")
_REPEATS = re.compile(r"(.)\1+")
_ROMAN_NUMERAL = re.compile(r"^[ivxlc]+$")


@dataclass(frozen=True, slots=True)
class FoldingRule:
    """Replace ``source`` by ``target`` in a lowercase, accent-free name."""

    source: str
    target: str
    word_final: bool


@lru_cache(maxsize=1)
def folding_rules() -> tuple[FoldingRule, ...]:
    """The transliteration folding rules, longest source first, from the data file."""
    text = resources.files(_DATA).joinpath("transliteration.toml").read_text(encoding="utf-8")
    rules = [
        FoldingRule(rule["from"], rule["to"], bool(rule.get("word_final", False)))
        for rule in tomllib.loads(text)["rule"]
    ]
    return tuple(sorted(rules, key=lambda rule: -len(rule.source)))


def plain(text: str) -> str:
    """Lowercase, accents removed, punctuation and hyphens turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", ascii_only)).strip()


def _fold_word(word: str, rules: tuple[FoldingRule, ...]) -> str:
    """One word's skeleton: apply every rule left to right, then collapse doubled letters.

    Regnal numbers stay as they are: Albert I is not Albert II.
    """
    if _ROMAN_NUMERAL.match(word):
        return word
    out: list[str] = []
    i = 0
    while i < len(word):
        for rule in rules:
            if word.startswith(rule.source, i) and (
                not rule.word_final or i + len(rule.source) == len(word)
            ):
                out.append(rule.target)
                i += len(rule.source)
                break
        else:
            out.append(word[i])
            i += 1
    return _REPEATS.sub(r"\1", "".join(out))


def name_key(text: str) -> str:
    """The transliteration-proof key of a name: equal for Poetin and Putin."""
    rules = folding_rules()
    return " ".join(_fold_word(word, rules) for word in plain(text).split())
