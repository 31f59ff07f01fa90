"""The actor knowledge base: states, organisations, seats of power, people with dated roles.

Assembled from registry packages (pycountry for ISO codes and English names,
babel's CLDR data for Dutch names) and kroniek's own data files in
``kroniek/actors/data`` (TOML and TSV, each entry with an example a test runs),
plus any user extension files.  The result is versioned: ``actors-nl.YYYY-MM``
from ``data/version.toml``, with a digest of the user files appended.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

import pycountry
from babel import Locale

from kroniek.actors.names import name_key, plain

_DATA = "kroniek.actors.data"
ActorKind = Literal["state", "historical_state", "organisation", "seat", "person", "group"]
ROLES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "minister",
    "state_secretary",
    "regional_head",
    "regional_minister",
    "speaker",
    "mayor",
    "party_leader",
)
"""Offices in the people tables, most senior first: a person holding several at once is
named by the first (a vice-premier who is also minister of finance acts as minister)."""
SHARED_OFFICES = frozenset(ROLES[4:])
"""Offices a country has many holders of at once: a title alone names none of them."""


@dataclass(frozen=True, slots=True)
class Actor:
    """One thing that can act: a state, organisation, seat of power, person or group."""

    actor_id: str
    kind: ActorKind
    name: str
    """Canonical name: English for states and organisations, Dutch spelling for people."""
    code: str
    """Export code: ISO3 for a state, English acronym for an organisation, a person's country."""
    country: str | None
    """ISO3 or PLOVER non-state code (IGO, UNO, EUR, NGO, IMG, …); a person's country."""
    sector: str | None
    names: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person holding an office (or, for imported dictionaries, a country/sector) for a time."""

    person_id: str
    country: str
    role: str
    title_nl: str
    start: date
    end: date | None
    sector: str = "GOV"

    def covers(self, day: date) -> bool:
        """True when the tenure includes ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class SectorNoun:
    """A Dutch noun naming a sector (``betogers`` → CVL) or an office (``president``)."""

    form: str
    sector: str
    role: str


@dataclass
class KnowledgeBase:
    """Indexes over every actor, built once and then only read."""

    version: str
    actors: dict[str, Actor] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Transliteration-proof name key → actor ids (names, aliases, surnames of people)."""
    acronyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Case-sensitive acronym → actor ids (``VN``, ``NAVO``, ``CSTO``)."""
    adjectives: dict[str, str] = field(default_factory=dict)
    """Lowercase demonym adjective → ISO3 (``kazachse`` → KAZ)."""
    inhabitants: dict[str, str] = field(default_factory=dict)
    """Lowercase inhabitant noun → ISO3 (``russen`` → RUS)."""
    sector_nouns: dict[str, SectorNoun] = field(default_factory=dict)
    """Sector noun form (lower-case, or exactly as capitalised) → its sector and office."""
    former_prefixes: tuple[str, ...] = ()
    former_words: frozenset[str] = frozenset()
    longest_sector_form: int = 1
    predecessor_words: frozenset[str] = frozenset()
    ethnic_words: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    name_articles: frozenset[str] = frozenset()
    locative_words: frozenset[str] = frozenset()
    country_of_words: frozenset[str] = frozenset()
    tenures: dict[str, list[Tenure]] = field(default_factory=lambda: defaultdict(list))
    """Person id → tenures, by start date."""
    holders: dict[tuple[str, str], list[Tenure]] = field(default_factory=lambda: defaultdict(list))
    """(country, role) → tenures, by start date."""
    members: dict[str, list[tuple[str, date, date | None]]] = field(default_factory=dict)
    longest_name: int = 1
    """Most words in any indexed name: how far a phrase scan must look ahead."""
    fuzzy_keys: list[str] = field(default_factory=list)
    """Keys of people and organisations of two or more words: candidates for fuzzy matching."""

    def add_names(self, actor_id: str, names: Iterable[str]) -> None:
        """Index names of an actor by their key."""
        for name in names:
            key = name_key(name)
            if key:
                self.by_key[key].add(actor_id)
                self.longest_name = max(self.longest_name, key.count(" ") + 1)

    def holder(self, country: str, role: str, day: date) -> Tenure | None:
        """Who held ``role`` in ``country`` on ``day``; the latest-starting if tenures overlap.

        Offices many hold at once ("de minister", "de burgemeester") name nobody.
        """
        if role in SHARED_OFFICES:
            return None
        current = [t for t in self.holders.get((country, role), []) if t.covers(day)]
        return max(current, key=lambda t: t.start) if current else None

    def predecessor(self, tenure: Tenure) -> Tenure | None:
        """The holder of the same office just before ``tenure``."""
        earlier = [
            t
            for t in self.holders.get((tenure.country, tenure.role), [])
            if t.start < tenure.start and t.person_id != tenure.person_id
        ]
        return max(earlier, key=lambda t: t.start) if earlier else None


def _data_text(name: str) -> str:
    """A packaged data file's text."""
    return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")


def _data_files(folder: str, suffix: str) -> list[tuple[str, str]]:
    """``(name, text)`` of packaged data files in a sub-folder, sorted by name."""
    base = resources.files(_DATA).joinpath(folder)
    entries = [entry for entry in base.iterdir() if entry.name.endswith(suffix)]
    return [(e.name, e.read_text(encoding="utf-8")) for e in sorted(entries, key=lambda e: e.name)]


def read_tsv(text: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file whose ``#`` lines are comments."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def parse_day(value: str, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` → a date (an end date takes the last day)."""
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def split_list(value: str) -> list[str]:
    """A ``|``-separated cell → its non-empty items."""
    return [item.strip() for item in value.split("|") if item.strip()]


def _add_states(kb: KnowledgeBase) -> None:
    """States from pycountry (English) and CLDR (Dutch), then our Dutch names and demonyms."""
    dutch = Locale("nl").territories
    for country in pycountry.countries:
        iso3 = country.alpha_3
        names = [country.name, getattr(country, "common_name", ""), dutch.get(country.alpha_2, "")]
        names = [n for n in names if n]
        kb.actors[f"state:{iso3}"] = Actor(
            f"state:{iso3}", "state", country.name, iso3, iso3, "GOV", tuple(names)
        )
        kb.add_names(f"state:{iso3}", names)
    for row in read_tsv(_data_text("states_nl.tsv")):
        iso3 = row["iso3"]
        actor_id = f"state:{iso3}"
        names = [row["name_nl"], *split_list(row.get("other_names_nl", ""))]
        if actor_id not in kb.actors:
            kb.actors[actor_id] = Actor(
                actor_id, "state", row["name_nl"], iso3, iso3, "GOV", tuple(names)
            )
        kb.add_names(actor_id, names)
        for form in split_list(row["adjective"]) + split_list(row["adjective_inflected"]):
            _claim(kb.adjectives, form.casefold(), iso3)
        for noun in split_list(row.get("nouns", "")):
            _claim(kb.inhabitants, noun.casefold(), iso3)
    # A form two states share (Congolese: COD and COG) names neither: never guess a country.
    for table in (kb.adjectives, kb.inhabitants):
        for form in [f for f, code in table.items() if code == _AMBIGUOUS]:
            del table[form]


_AMBIGUOUS = "?"


def _claim(table: dict[str, str], form: str, iso3: str) -> None:
    """Map a demonym form to a state, or mark it ambiguous if another state has it."""
    table[form] = iso3 if table.get(form, iso3) == iso3 else _AMBIGUOUS


def _add_historical_states(kb: KnowledgeBase) -> None:
    """States that no longer exist: Sovjet-Unie, Joegoslavië, …"""
    for entry in tomllib.loads(_data_text("historical_states.toml")).get("state", []):
        code = entry["code"]
        actor_id = f"historical:{code}"
        names = [*entry.get("names_nl", []), *entry.get("names_en", [])]
        kb.actors[actor_id] = Actor(
            actor_id,
            "historical_state",
            entry.get("names_en", names)[0],
            code,
            code,
            "GOV",
            tuple(names),
            parse_day(str(entry.get("existed_from", ""))),
            parse_day(str(entry.get("existed_to", "")), end=True),
        )
        kb.add_names(actor_id, names)
        for form in entry.get("adjectives_nl", []):
            if not form.endswith("-"):
                kb.adjectives.setdefault(form.casefold(), code)


def _add_organisations(kb: KnowledgeBase) -> None:
    """International organisations, their acronyms and (for CSTO, NATO, EU) members."""
    for entry in tomllib.loads(_data_text("organisations.toml"))["organisation"]:
        actor_id = f"org:{entry['id']}"
        names = [entry["name_en"], *entry.get("names_nl", [])]
        kb.actors[actor_id] = Actor(
            actor_id,
            "organisation",
            entry["name_en"],
            entry["code"],
            entry.get("plover_country") or None,
            entry.get("sector") or None,
            tuple(names + list(entry.get("acronyms", []))),
        )
        kb.add_names(actor_id, names)
        for acronym in entry.get("acronyms", []):
            kb.acronyms[acronym].add(actor_id)
        members = entry.get("members") or []
        if members:
            kb.members[entry["code"]] = [
                (
                    m["country"],
                    parse_day(str(m["joined"])) or date.min,
                    parse_day(str(m.get("left", "")), end=True),
                )
                for m in members
            ]


def _add_seats(kb: KnowledgeBase) -> None:
    """Capitals and buildings that stand for a government: het Kremlin, Brussel, Den Haag."""
    for entry in tomllib.loads(_data_text("seats_nl.toml"))["seat"]:
        target = entry["actor"]
        org = kb.actors.get(f"org:{target}")
        country = org.country if org else target
        code = org.code if org else target
        # One name may have entries per period (het Kremlin for SUN, then RUS).
        actor_id = f"seat:{plain(entry['name']).replace(' ', '-')}"
        if actor_id in kb.actors:
            actor_id += f"@{entry.get('valid_from') or 'from-start'}"
        names = [entry["name"], *entry.get("aliases", [])]
        kb.actors[actor_id] = Actor(
            actor_id,
            "seat",
            entry["name"],
            code,
            country,
            entry.get("sector") or "GOV",
            tuple(names),
            parse_day(str(entry.get("valid_from", ""))),
            parse_day(str(entry.get("valid_to", "")), end=True),
        )
        kb.add_names(actor_id, names)


def _add_sector_nouns(kb: KnowledgeBase) -> None:
    """Dutch sector nouns and office titles, and the words that make an official former."""
    data = tomllib.loads(_data_text("sectors_nl.toml"))
    for entry in data.get("noun", []):
        for form in entry.get("forms", []) or [entry["lemma"]]:
            # Lower-case forms match with any first letter; capitalised ones (ME, Kamer) exactly.
            noun = SectorNoun(form, entry["sector"], entry.get("role", ""))
            kb.sector_nouns.setdefault(form, noun)
            kb.longest_sector_form = max(kb.longest_sector_form, len(form.split()))
    prefixes = [m["form"].casefold() for m in data.get("modifier", []) if m.get("kind") == "prefix"]
    words = [m["form"].casefold() for m in data.get("modifier", []) if m.get("kind") != "prefix"]
    kb.former_prefixes = tuple(prefixes)
    kb.former_words = frozenset(words)


def _add_resolution_cues(kb: KnowledgeBase) -> None:
    """Cue words for the resolver; drop names that would only ever be a guess."""
    cues = tomllib.loads(_data_text("resolution_nl.toml"))
    kb.predecessor_words = frozenset(w.casefold() for w in cues["predecessor"]["words"])
    kb.ethnic_words = frozenset(w.casefold() for w in cues["ethnic"]["words"])
    kb.definite_articles = frozenset(w.casefold() for w in cues["bare_title"]["articles"])
    kb.name_articles = frozenset(w.casefold() for w in cues["glued_article"]["words"])
    kb.locative_words = frozenset(w.casefold() for w in cues["seat_as_place"]["words"])
    kb.country_of_words = frozenset(w.casefold() for w in cues["country_of"]["words"])
    for name in cues["ambiguous_names"]["names"]:
        kb.by_key.pop(name_key(name), None)


def _add_person_rows(kb: KnowledgeBase, rows: Iterable[dict[str, str]]) -> None:
    """People with dated offices from the packaged people tables."""
    for row in rows:
        person_id = f"person:{row['person_id']}"
        names = [row["name_nl"], row["name_en"], *split_list(row.get("aliases", ""))]
        previous = kb.actors.get(person_id)
        all_names = tuple(dict.fromkeys([*(previous.names if previous else ()), *names]))
        kb.actors[person_id] = Actor(
            person_id,
            "person",
            row["name_nl"] or row["name_en"],
            row["country"],
            row["country"],
            row.get("sector") or "GOV",
            all_names,
        )
        kb.add_names(person_id, names)
        kb.add_names(person_id, [surname for n in names if (surname := _surname(n))])
        start = parse_day(row["start"])
        if start is None:
            continue
        tenure = Tenure(
            person_id,
            row["country"],
            row["role"],
            row.get("title_nl", "").casefold(),
            start,
            parse_day(row.get("end", ""), end=True),
            row.get("sector") or "GOV",
        )
        kb.tenures[person_id].append(tenure)
        kb.holders[(tenure.country, tenure.role)].append(tenure)


_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+\.?$")
_STYLED_NAME = re.compile(r"\b(van|of|von der|de)\b\s+\S+$")
_MIN_SURNAME = 3


def _surname(name: str) -> str | None:
    """The last word of a full name, how news names a person the second time.

    None for names that end in a regnal number (``Albert II``) or a territorial
    style (``Filip van België``): their last word names no one.
    """
    words = name.split()
    if len(words) < 2 or _ROMAN_NUMERAL.match(words[-1]) or _STYLED_NAME.search(name):
        return None
    return words[-1] if len(words[-1]) >= _MIN_SURNAME else None


def _add_user_rows(kb: KnowledgeBase, rows: Iterable[dict[str, str]]) -> None:
    """Actors from a user extension file (also what ``kroniek actors import`` writes)."""
    for row in rows:
        actor_id = f"user:{row['actor_id']}"
        names = [row["name"], *split_list(row.get("aliases", ""))]
        kind = row.get("kind") or "group"
        kb.actors[actor_id] = Actor(
            actor_id,
            kind if kind in ("person", "organisation", "group", "state") else "group",  # type: ignore[arg-type]
            row["name"],
            row.get("code") or row.get("country") or "",
            row.get("country") or None,
            row.get("sector") or None,
            tuple(names),
        )
        kb.add_names(actor_id, names)
        start = parse_day(row.get("start", ""))
        if start is not None or row.get("end"):
            tenure = Tenure(
                actor_id,
                row.get("country", ""),
                "",
                "",
                start or date.min,
                parse_day(row.get("end", ""), end=True),
                row.get("sector") or "GOV",
            )
            kb.tenures[actor_id].append(tenure)


def _finish_indexes(kb: KnowledgeBase) -> None:
    """Sort tenures by start; list the keys fuzzy matching may use (not surnames alone)."""
    for tenures in (*kb.tenures.values(), *kb.holders.values()):
        tenures.sort(key=lambda t: t.start)
    kb.fuzzy_keys = sorted(
        key
        for key, ids in kb.by_key.items()
        if " " in key and any(kb.actors[a].kind in ("person", "organisation") for a in ids)
    )


def knowledge_version(user_files: Sequence[Path] = ()) -> str:
    """``actors-nl.YYYY-MM``, plus a digest of user files when there are any."""
    version = str(tomllib.loads(_data_text("version.toml"))["version"])
    data = hashlib.sha256()
    for entry in sorted(_all_data_files(), key=lambda e: e.name):
        data.update(entry.read_bytes())
    version = f"{version}+data.{data.hexdigest()[:8]}"
    if not user_files:
        return version
    digest = hashlib.sha256()
    for path in user_files:
        digest.update(path.read_bytes())
    return f"{version}+user.{digest.hexdigest()[:8]}"


def _all_data_files() -> list[Traversable]:
    """Every packaged data file (TOML, TSV), people tables included."""
    base = resources.files(_DATA)
    found = [e for e in base.iterdir() if e.name.endswith((".toml", ".tsv"))]
    return found + [e for e in base.joinpath("people").iterdir() if e.name.endswith(".tsv")]


def build_knowledge_base(user_files: Sequence[Path] = ()) -> KnowledgeBase:
    """Assemble the knowledge base from packages, data files and user files."""
    kb = KnowledgeBase(version=knowledge_version(user_files))
    _add_states(kb)
    _add_historical_states(kb)
    _add_organisations(kb)
    _add_seats(kb)
    for _, text in _data_files("people", ".tsv"):
        _add_person_rows(kb, read_tsv(text))
    _add_sector_nouns(kb)
    _add_resolution_cues(kb)
    for path in user_files:
        _add_user_rows(kb, read_tsv(path.read_text(encoding="utf-8")))
    _finish_indexes(kb)
    return kb


def knowledge_base(user_files: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The knowledge base for these user files, built once per process and version: an
    edited user file is a new version, so a long-lived process sees the edit."""
    return _built(user_files, knowledge_version(user_files))


@lru_cache(maxsize=4)
def _built(user_files: tuple[Path, ...], version: str) -> KnowledgeBase:
    """The knowledge base of one version of the data and user files."""
    return build_knowledge_base(user_files)
