"""Reading Phoenix/PETRARCH (TABARI) ``.actors`` dictionaries into kroniek's user actor format.

A dictionary entry is a name line (``VLADIMIR_PUTIN_``, optionally ``[RUSGOV]``),
synonym lines (``+PUTIN_``) and code lines (``[RUSGOV 991231-080507]``): a
country or organisation code, a sector, and optionally a date range with
six-digit (YYMMDD) or eight-digit (YYYYMMDD) dates, ``>date`` (from) or
``<date`` (until).  Each dated code becomes one row of the user TSV format,
so the knowledge base gives the entry the right sector on each date.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kroniek.actors.names import plain

USER_COLUMNS = ("actor_id", "kind", "name", "aliases", "code", "country", "sector", "start", "end")
_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")
_CENTURY_PIVOT = 30
_ORGANISATION_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM"})


@dataclass
class PhoenixEntry:
    """One dictionary entry: a name, its synonyms and its (dated) codes."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)
    """``(code, start, end)`` with ISO dates or empty strings."""


def _name(raw: str) -> str:
    """``VLADIMIR_V._PUTIN_`` → ``Vladimir V. Putin``."""
    return " ".join(word.capitalize() for word in raw.replace("_", " ").split())


def _day(raw: str) -> str:
    """``991231`` → ``1999-12-31``; ``20070101`` → ``2007-01-01``; invalid → empty."""
    if len(raw) == 6:
        year = int(raw[:2])
        century = 2000 if year < _CENTURY_PIVOT else 1900
        raw = f"{century + year}{raw[2:]}"
    if len(raw) != 8 or not raw[4:6].isdigit() or not ("01" <= raw[4:6] <= "12"):
        return ""
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def _dates(raw: str | None) -> tuple[str, str]:
    """A date range as written in a code line → ``(start, end)``."""
    if not raw:
        return "", ""
    if raw.startswith(">"):
        return _day(raw[1:]), ""
    if raw.startswith("<"):
        return "", _day(raw[1:])
    start, _, end = raw.partition("-")
    return _day(start), _day(end)


def parse_phoenix(lines: Iterable[str]) -> Iterator[PhoenixEntry]:
    """Entries of a ``.actors`` dictionary, in file order."""
    entry: PhoenixEntry | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+") and entry is not None:
            entry.synonyms.append(_name(stripped[1:]))
        elif stripped.startswith("[") and entry is not None:
            entry.codes += [(m[1], *_dates(m[2])) for m in _CODE.finditer(stripped)]
        elif not line[0].isspace():
            if entry is not None:
                yield entry
            name_part = stripped.split("[", 1)[0]
            entry = PhoenixEntry(_name(name_part))
            entry.codes += [(m[1], *_dates(m[2])) for m in _CODE.finditer(stripped)]
    if entry is not None:
        yield entry


def entry_rows(entry: PhoenixEntry) -> list[dict[str, str]]:
    """User TSV rows of one entry: one per code, or none when it has no code."""
    actor_id = "phoenix-" + plain(entry.name).replace(" ", "-")
    dated = any(start or end for _, start, end in entry.codes)
    rows = []
    for code, start, end in entry.codes:
        country, sector = code[:3], code[3:6]
        kind = (
            "person"
            if dated
            else ("organisation" if country in _ORGANISATION_COUNTRIES else "group")
        )
        rows.append(
            {
                "actor_id": actor_id,
                "kind": kind,
                "name": entry.name,
                "aliases": "|".join(dict.fromkeys(entry.synonyms)),
                "code": country,
                "country": country,
                "sector": sector,
                "start": start,
                "end": end,
            }
        )
    return rows


def phoenix_to_tsv(lines: Iterable[str]) -> tuple[str, int]:
    """A whole dictionary as user TSV text, and how many entries it held."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=USER_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    count = 0
    for entry in parse_phoenix(lines):
        rows = entry_rows(entry)
        count += bool(rows)
        writer.writerows(rows)
    return out.getvalue(), count
