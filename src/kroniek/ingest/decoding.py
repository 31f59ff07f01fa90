"""Turn bytes into text: UTF-8 first, a Western 8-bit encoding only when it is clear.

Policy:

* UTF-8, with or without a byte-order mark, is always accepted.
* UTF-16/32 are accepted only with a byte-order mark (otherwise their NUL
  bytes make the file look binary, which it then is treated as).
* Anything else goes to charset-normalizer, restricted to the encodings old
  Dutch news archives use (Windows-1252, ISO-8859-15/-1).  Its answer is taken
  only when it has one; random bytes and mixed-up text get none, and become
  E004 rather than a page of mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BINARY_SNIFF_BYTES = 8192
"""A NUL byte in this many leading bytes marks a file as binary."""

ENCODING_SNIFF_BYTES = 65536
"""How much of a streamed file (JSONL, CSV) is used to choose its encoding."""

_WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]
_MAX_CHAOS = 0.1
"""charset-normalizer's mess ratio above which its guess is refused (0 = clean text)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_DAMAGE = 0.05
"""Share of undecodable bytes up to which UTF-8 text with valid accents is still UTF-8."""
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def bom_encoding(head: bytes) -> str | None:
    """Return the encoding a byte-order mark announces, if ``head`` starts with one."""
    # UTF-32-LE's mark begins with UTF-16-LE's, so the longer marks are tried first.
    return next((name for bom, name in _BOMS if head.startswith(bom)), None)


def looks_binary(head: bytes) -> bool:
    """Whether the leading bytes contain NUL (and no UTF-16/32 mark explains them)."""
    return b"\x00" in head[:BINARY_SNIFF_BYTES] and bom_encoding(head) in (None, "utf-8-sig")


def _is_utf8_prefix(sample: bytes) -> bool:
    """Whether ``sample`` is UTF-8, allowing a character cut off at its end."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _is_damaged_utf8(sample: bytes) -> bool:
    """Whether ``sample`` is UTF-8 with a few bad bytes: valid accents, little damage."""
    text = sample.decode("utf-8", errors="replace")
    damage = text.count("\ufffd")
    has_accents = any(char > "\x7f" and char != "\ufffd" for char in text)
    return has_accents and damage <= len(sample) * _MAX_DAMAGE


def _western_guess(sample: bytes) -> str | None:
    """Ask charset-normalizer for a Western 8-bit encoding; None unless it is clear."""
    match = from_bytes(sample, cp_isolation=_WESTERN_ENCODINGS).best()
    if match is None or match.chaos > _MAX_CHAOS:
        return None
    return str(match.encoding)


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset an HTML ``<meta>`` tag declares, if Python knows it.

    Only ASCII-compatible text encodings count: the tag was just read as
    ASCII, so a page declaring UTF-16 (or a codec like ``base64``) is wrong.
    """
    found = _META_CHARSET.search(data[:4096])
    if found is None:
        return None
    try:
        name = codecs.lookup(found[1].decode("ascii")).name
        probe = "<meta charset>\n"
        return name if probe.encode(name) == probe.encode("ascii") else None
    except (LookupError, UnicodeError, TypeError):
        return None


def choose_encoding(sample: bytes, declared: str | None = None) -> str | None:
    """Pick the encoding for a file from its leading bytes, or None if unclear.

    Text with real UTF-8 sequences next to invalid bytes stays UTF-8: it is a
    damaged UTF-8 file, and reading it as Windows-1252 would garble every
    correct accent to save a few broken ones.
    """
    if (bom := bom_encoding(sample)) is not None:
        return bom
    if _is_utf8_prefix(sample) or _is_damaged_utf8(sample):
        return "utf-8"
    if declared is not None:
        return declared
    return _western_guess(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """Decode a whole file by the policy above; None when no encoding fits."""
    encoding = choose_encoding(data, declared)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None
