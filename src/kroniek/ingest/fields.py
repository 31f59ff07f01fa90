"""Read the fields of one JSON object or CSV row into a ``RawRecord``."""

from __future__ import annotations

from collections.abc import Mapping

from kroniek.errors import Msg
from kroniek.ingest.build import RawRecord
from kroniek.records import IngestProblem

OPTIONAL_FIELDS = ("id", "title", "date", "url", "source", "language")
"""Fields read besides ``text``; any other field is ignored."""


def _scalar_text(name: str, value: object, notes: list[str]) -> str | None:
    """A field value as stripped text; numbers are written out, other types noted and dropped."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    # bool is an int subclass, but ``"id": true`` is a mistake, not the id "True".
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    notes.append(Msg.E022.format(field=name, kind=type(value).__name__))
    return None


def _lower_keys(obj: Mapping[str, object]) -> dict[str, object]:
    """Field names compared without case or surrounding space (``Text``, `` title``)."""
    fields: dict[str, object] = {}
    for key, value in obj.items():
        fields.setdefault(str(key).strip().lower(), value)
    return fields


def record_from_fields(
    obj: Mapping[str, object], origin: str, line: int | None, missing_text: str
) -> RawRecord | IngestProblem:
    """Build a ``RawRecord`` from named fields; ``missing_text`` says why when text is empty."""
    fields = _lower_keys(obj)
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestProblem(origin=origin, line=line, reason=missing_text)
    notes: list[str] = []
    values = {name: _scalar_text(name, fields.get(name), notes) for name in OPTIONAL_FIELDS}
    return RawRecord(
        text=text,
        origin=origin,
        line=line,
        doc_id=values["id"],
        title=values["title"],
        date=values["date"],
        url=values["url"],
        source=values["source"],
        language=values["language"],
        notes=tuple(notes),
    )
