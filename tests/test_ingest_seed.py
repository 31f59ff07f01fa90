"""The real seed article, when the shared seed directory is present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroniek.config import IngestConfig
from kroniek.ingest import read_inputs
from kroniek.records import SourceDocument

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_6025a2aa08f2cf15.txt"

pytestmark = pytest.mark.skipif(
    not SEED.is_file(), reason=f"seed article not present at {SEED} (outside this repository)"
)


@pytest.fixture(scope="module")
def seed_doc() -> SourceDocument:
    items = list(read_inputs([str(SEED)], IngestConfig()))
    assert len(items) == 1
    (doc,) = items
    assert isinstance(doc, SourceDocument)
    return doc


def _block(doc: SourceDocument, text: str):
    (block,) = [b for b in doc.blocks if doc.text[b.start : b.end] == text]
    return block


def test_seed_date_language_and_origin(seed_doc):
    assert (seed_doc.published, seed_doc.date_precision) == ("2022-01", "month")
    assert seed_doc.language == "nl"
    assert seed_doc.origin == str(SEED)
    assert seed_doc.notes == ()


def test_seed_text_starts_after_the_date(seed_doc):
    assert seed_doc.text.startswith("Met zijn verzoek aan Rusland om militaire assistentie")


def test_seed_headings_and_caption(seed_doc):
    assert _block(seed_doc, "Offer").kind == "heading"
    assert _block(seed_doc, "Noodkreet").kind == "heading"
    assert _block(seed_doc, "Protest in Almaty. Beeld AFP").kind == "caption"
    others = [b.kind for b in seed_doc.blocks if b.kind != "body"]
    assert others == ["heading", "caption", "heading"]


def test_seed_blocks_are_the_stripped_paragraphs(seed_doc):
    raw = SEED.read_text(encoding="utf-8")
    body = re.sub(r"^\s*date\s+\S+\s*", "", raw)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    assert [seed_doc.text[b.start : b.end] for b in seed_doc.blocks] == paragraphs
    assert [b.index for b in seed_doc.blocks] == list(range(len(paragraphs)))
