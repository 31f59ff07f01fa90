"""Language policy: record field first, py3langid otherwise, short texts undetermined."""

from __future__ import annotations

import pytest

from kroniek.ingest.language import (
    correct_neighbour,
    detect_language,
    normalise_language_field,
    resolve_language,
)

MIN = 40

DUTCH_NEWS = [
    "De Tweede Kamer stemt dinsdag over de motie van wantrouwen tegen de minister van Financiën.",
    "Die man is gisteren in Amsterdam aangehouden door de politie, meldt het Openbaar Ministerie.",
    "Wat is die plan van de minister met die nieuwe wet op het asiel? Niemand weet het nog.",
    "De boer is boos op die regels van de regering in Den Haag en blokkeert de snelweg.",
    "Na die verkiezing is er een nieuwe regering gevormd in Pretoria, zegt de correspondent.",
    "Ook in Zuid-Afrika wordt er gestemd over de nieuwe grondwet, die veel kritiek krijgt.",
    "Poetin stuurt troepen naar Kazachstan om het bewind van president Tokajev te steunen.",
    "Het kabinet wil meer geld uittrekken voor defensie, zegt de premier na de ministerraad.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het kabinet heeft vrijdag besloten de steun aan Oekraïne met een jaar te verlengen.",
            "nl",
        ),
        (
            "The government decided on Friday to extend its support for Ukraine by another year.",
            "en",
        ),
        (
            "Die Regierung hat am Freitag beschlossen, die Hilfe für die Ukraine zu verlängern.",
            "de",
        ),
        ("Le gouvernement a décidé vendredi de prolonger son soutien à l'Ukraine d'un an.", "fr"),
    ],
)
def test_detects_four_languages(text, expected):
    assert detect_language(text, MIN) == expected


@pytest.mark.parametrize("text", DUTCH_NEWS)
def test_dutch_news_is_never_afrikaans(text):
    assert detect_language(text, MIN) == "nl"


def test_real_afrikaans_stays_afrikaans():
    text = "Die regering van Suid-Afrika het vandag aangekondig dat hy die begroting sal verhoog."
    assert detect_language(text, MIN) == "af"


def test_afrikaans_close_to_dutch_is_corrected():
    # 300 bytes, Afrikaans ahead by 0.1 per byte: within the margin, so Dutch.
    assert correct_neighbour([("af", -1000.0), ("nl", -1030.0)], 300) == "nl"
    # Ahead by 1.0 per byte: a real Afrikaans text.
    assert correct_neighbour([("af", -1000.0), ("nl", -1300.0)], 300) == "af"
    # Only Dutch as runner-up is corrected.
    assert correct_neighbour([("af", -1000.0), ("fy", -1001.0)], 300) == "af"
    assert correct_neighbour([("de", -1000.0), ("nl", -1001.0)], 300) == "de"


def test_short_text_is_undetermined():
    assert detect_language("Kabinet valt", MIN) == "und"
    assert detect_language("x" * (MIN - 1), MIN) == "und"


@pytest.mark.parametrize(
    ("field", "code"),
    [("nl", "nl"), ("NL", "nl"), (" nl-BE ", "nl"), ("en_GB", "en"), ("und", "und")],
)
def test_language_field_is_normalised(field, code):
    assert normalise_language_field(field) == code


def test_field_wins_over_detection():
    text = "Het kabinet heeft vrijdag besloten de steun aan Oekraïne te verlengen."
    assert resolve_language("de", text, MIN).code == "de"
    assert resolve_language("fr", "kort", MIN).code == "fr"


def test_unusable_field_is_noted_and_detection_used():
    text = "Het kabinet heeft vrijdag besloten de steun aan Oekraïne te verlengen."
    resolved = resolve_language("Nederlands", text, MIN)
    assert resolved.code == "nl"
    assert len(resolved.notes) == 1
    assert resolved.notes[0].startswith("E021")
