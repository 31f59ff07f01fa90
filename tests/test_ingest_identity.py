"""Normalisation, content hash and document id."""

from __future__ import annotations

import unicodedata

from kroniek.ingest.identity import content_hash, make_doc_id, normalise_for_hash

# Pinned: if this changes, every stored id and duplicate check changes with it.
PINNED_TEXT = "Het kabinet is gevallen."
PINNED_HASH = "0161ed922ee8fa07436791ae4041c2d5d0c546880f3ab231919d817846cda358"


def test_hash_is_pinned():
    assert content_hash(PINNED_TEXT) == PINNED_HASH
    assert make_doc_id(None, PINNED_HASH) == "h0161ed922ee8fa07"


def test_whitespace_and_composition_do_not_change_the_hash():
    decomposed = unicodedata.normalize("NFD", "Oekraïne en Georgië")
    assert content_hash(f"  {decomposed}\r\n\t") == content_hash("Oekraïne en Georgië")
    assert content_hash("Het  kabinet\n\nis\tgevallen. ") == PINNED_HASH


def test_different_text_has_a_different_hash():
    assert content_hash("Het kabinet is niet gevallen.") != PINNED_HASH


def test_normalised_text():
    assert normalise_for_hash("  a \n\n b\u00a0 c ") == "a b c"


def test_given_id_wins_and_is_stripped():
    assert make_doc_id("  nos-1 ", PINNED_HASH) == "nos-1"
    assert make_doc_id("   ", PINNED_HASH) == "h0161ed922ee8fa07"
