"""Reading EventDNA's DNAF files: Flemish news leads with gold entities and events.

EventDNA annotates whitespace-tokenised text (``token_string``) with sentences
as lists of token ids and spans as token-id lists.  Each file becomes a
SourceDocument whose text is that token string and whose blocks are its
sentences, so Frog analyses gold sentences one by one and every gold span can
be turned into character offsets of our text.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kroniek.records import Block, SourceDocument


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """A gold entity mention with character offsets into the document text."""

    start: int
    end: int
    text: str
    label: str
    """PER, ORG, LOC or MISC."""
    level: str
    """NAM (name), NOM (noun phrase) or PRON (pronoun)."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One DNAF file as a document plus its gold annotations."""

    document: SourceDocument
    entities: tuple[GoldEntity, ...]


def token_offsets(token_string: str) -> list[tuple[int, int]]:
    """Character span of each whitespace-separated token."""
    offsets, position = [], 0
    for token in token_string.split(" "):
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def sentence_order(sentences: dict[str, object]) -> list[str]:
    """DNAF sentence names in text order: sentence_1, sentence_2, …, sentence_10."""
    return sorted(sentences, key=lambda name: int(name.split("_")[1]))


def _span(offsets: list[tuple[int, int]], token_ids: Sequence[int]) -> tuple[int, int]:
    """Character span covering a list of token ids."""
    return offsets[min(token_ids)][0], offsets[max(token_ids)][1]


def read_dnaf(path: Path) -> GoldDocument:
    """One DNAF file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    doc, doc_id = data["doc"], str(data["meta"]["id"])
    text: str = doc["token_string"]
    offsets = token_offsets(text)
    sentences = [(name, doc["sentences"][name]) for name in sentence_order(doc["sentences"])]
    blocks = tuple(
        Block(i, "title" if i == 0 else "body", *_span(offsets, s["token_ids"]))
        for i, (_, s) in enumerate(sentences)
    )
    entities = []
    for entity in doc["annotations"]["entities"].values():
        features = entity["features"]
        start, end = _span(offsets, features["span"])
        entities.append(
            GoldEntity(
                start,
                end,
                text[start:end],
                features["type"],
                features.get("mention_level_type", ""),
            )
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = SourceDocument(
        doc_id, text, blocks, None, None, "unknown", "nl", None, "eventdna", str(path.name), digest
    )
    return GoldDocument(document, tuple(sorted(entities, key=lambda e: e.start)))


@dataclass(frozen=True, slots=True)
class DnafArgument:
    """A gold event argument: its role and character span."""

    role: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DnafEvent:
    """A gold event of a DNAF file, located by sentence (block) index, of any ERE subtype."""

    doc_id: str
    sentence: int
    ere_type: str
    """``type.subtype``, e.g. ``Conflict.Attack``."""
    string: str
    extent: tuple[int, int] | None
    arguments: tuple[DnafArgument, ...]


def read_dnaf_events(path: Path) -> Iterator[DnafEvent]:
    """Every gold event of one DNAF file, with character spans into its token string."""
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = data["doc"]
    text: str = doc["token_string"]
    offsets = token_offsets(text)
    order = sentence_order(doc["sentences"])
    for event in doc["annotations"]["events"].values():
        features = event["features"]
        arguments = []
        for argument in features.get("arguments", []):
            ids = argument["features"]["span"]
            if ids:
                start, end = _span(offsets, ids)
                role = argument["features"]["argument_role"]
                arguments.append(DnafArgument(role, start, end, text[start:end]))
        extent = features.get("span") or []
        yield DnafEvent(
            str(data["meta"]["id"]),
            order.index(event["home_sentence"]),
            f"{features['type']}.{features['subtype']}",
            event.get("string", ""),
            _span(offsets, extent) if extent else None,
            tuple(arguments),
        )


def read_dnaf_dir(folder: Path) -> Iterator[GoldDocument]:
    """Every ``*.dnaf.json`` file in a folder (or its ``dnaf`` sub-folder), sorted by name."""
    base = folder / "dnaf" if (folder / "dnaf").is_dir() else folder
    for path in sorted(base.glob("*.json")):
        yield read_dnaf(path)


def split(doc_ids: Sequence[str], seed: int = 2026, measure_share: float = 0.5) -> dict[str, str]:
    """A fixed split of documents into ``tune`` (look at freely) and ``measure`` (only score)."""
    ordered = sorted(doc_ids)
    random.Random(seed).shuffle(ordered)
    cut = round(len(ordered) * (1 - measure_share))
    return {doc_id: ("tune" if i < cut else "measure") for i, doc_id in enumerate(ordered)}
