"""The encoding policy: UTF-8 always, a Western 8-bit encoding only when it is clear."""

from __future__ import annotations

import random

from kroniek.ingest.decoding import (
    choose_encoding,
    declared_html_charset,
    decode_bytes,
    looks_binary,
)

DUTCH = "Na eerdere volksopstanden, zoals in Georgië en in Oekraïne, greep Poetin in. " * 4


def test_utf8_with_and_without_bom():
    assert decode_bytes(DUTCH.encode("utf-8")) == DUTCH
    assert decode_bytes(b"\xef\xbb\xbf" + DUTCH.encode("utf-8")) == DUTCH


def test_utf16_needs_its_byte_order_mark():
    assert decode_bytes(DUTCH.encode("utf-16")) == DUTCH
    assert not looks_binary(DUTCH.encode("utf-16"))
    assert looks_binary(DUTCH.encode("utf-16-le"))


def test_clear_windows_1252_is_accepted():
    assert choose_encoding(DUTCH.encode("cp1252")) == "cp1252"
    assert decode_bytes(DUTCH.encode("cp1252")) == DUTCH


def test_unclear_short_8bit_text_is_refused_unless_declared():
    data = "Zo'n één café".encode("cp1252")
    assert choose_encoding(data) is None
    assert decode_bytes(data, declared="cp1252") == "Zo'n één café"


def test_random_bytes_have_no_encoding():
    rng = random.Random(7)
    for size in (50, 500, 5000):
        data = bytes(rng.randrange(1, 256) for _ in range(size))
        assert decode_bytes(data) is None


def test_damaged_utf8_stays_utf8():
    data = DUTCH.encode("utf-8") + b"\xff" + DUTCH.encode("utf-8")
    assert choose_encoding(data) == "utf-8"
    assert decode_bytes(data) is None  # a whole document must decode cleanly


def test_declared_html_charset():
    assert declared_html_charset(b'<meta charset="Windows-1252">') == "cp1252"
    assert declared_html_charset(b"<meta http-equiv=x content='text/html; charset=latin1'>") == (
        "iso8859-1"
    )
    assert declared_html_charset(b'<meta charset="utf-16">') is None
    assert declared_html_charset(b'<meta charset="geen-bestaande">') is None
    assert declared_html_charset(b"<p>geen meta</p>") is None
