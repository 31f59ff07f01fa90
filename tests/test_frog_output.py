"""Reading Frog's tab-separated answers (recorded from real Frog 0.20)."""

from __future__ import annotations

import pytest

from kroniek.errors import FrogError
from kroniek.nlp.frog_output import parse_answer
from kroniek.nlp.frog_tags import split_tag

from .conftest import ReplayedFrog


def first_answer(frog: ReplayedFrog) -> str:
    return next(iter(frog.answers.values()))


def test_words_lemmas_tags_and_heads(replayed_frog: ReplayedFrog) -> None:
    sentences = parse_answer(first_answer(replayed_frog))
    assert len(sentences) == 1
    words = sentences[0]
    by_word = {w.parts[0]: w for w in words}
    assert by_word["vroeg"].lemma == "vragen"
    assert [w.parts for w in words if w.head == 0] == [("en",)]
    assert [w.deprel for w in words if w.head == 0] == ["ROOT"]
    assert by_word["president"].tag.startswith("N(")
    assert by_word["president"].deprel == "su"
    assert words[by_word["president"].head - 1].parts == ("vroeg",)


def test_multi_word_unit_is_split_into_parts(replayed_frog: ReplayedFrog) -> None:
    words = parse_answer(first_answer(replayed_frog))[0]
    unit = next(w for w in words if len(w.parts) > 1)
    assert unit.parts == ("Kasym-Zjomart", "Tokajev")
    assert unit.ner_parts == ("B-PER", "I-PER")


def test_every_recorded_answer_parses(replayed_frog: ReplayedFrog) -> None:
    for answer in replayed_frog.answers.values():
        for sentence in parse_answer(answer):
            assert sentence
            assert all(-1 <= w.head <= len(sentence) for w in sentence)


def test_answer_without_parser_columns_has_no_heads() -> None:
    answer = "1\tHulp\thulp\t[hulp]\tN(soort,ev)\t0.9\tO\t\t\t\t\n\nREADY\n"
    (words,) = parse_answer(answer)
    assert words[0].head == -1 and words[0].deprel == ""


def test_empty_answer_has_no_sentences() -> None:
    assert parse_answer("READY\n\n") == []


def test_garbage_line_is_an_error() -> None:
    with pytest.raises(FrogError, match="E106"):
        parse_answer("this is not frog output\n")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("N(soort,ev,basis)", ("N", ("soort", "ev", "basis"))),
        ("LET()", ("LET", ())),
        ("X", ("X", ())),
    ],
)
def test_split_tag(tag: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert split_tag(tag) == expected
