"""The Frog analyser on recorded answers: sentences, tokens and mentions with exact offsets."""

from __future__ import annotations

import re

import pytest

from kroniek.config import FrogConfig
from kroniek.errors import FrogError
from kroniek.nlp.frog import FrogAnalyser, block_pieces
from kroniek.records import AnalysedDocument, Block, BlockKind, SourceDocument

from .conftest import RECORDING, ReplayedFrog

KINDS: dict[str, BlockKind] = {
    "Noodkreet": "heading",
    "Betogers op het plein in Almaty. Beeld AFP": "caption",
}


def document(text: str) -> SourceDocument:
    blocks = tuple(
        Block(i, KINDS.get(m.group(), "body"), m.start(), m.end())
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text))
    )
    return SourceDocument(
        "awkward", text, blocks, None, None, "unknown", "nl", None, None, "test", "0" * 64
    )


@pytest.fixture
def analysed(replayed_frog: ReplayedFrog, awkward_text: str) -> AnalysedDocument:
    with FrogAnalyser(FrogConfig(), server=replayed_frog, version="0.20") as analyser:
        return analyser.analyse(document(awkward_text))


def test_every_token_and_mention_span_cuts_its_own_text(
    analysed: AnalysedDocument, awkward_text: str
) -> None:
    tokens = [t for s in analysed.sentences for t in s.tokens]
    assert len(tokens) > 100
    for token in tokens:
        assert awkward_text[token.start : token.end] == token.text
    for mention in analysed.mentions:
        assert awkward_text[mention.start : mention.end] == mention.text


def test_awkward_tokens_keep_their_original_characters(analysed: AnalysedDocument) -> None:
    texts = [t.text for s in analysed.sentences for t in s.tokens]
    for expected in ("‘", "’", "–", "—", "“", "…", "2.500", "1,5", "dr.", "o.a.", "jan."):
        assert expected in texts, expected
    assert "https://example.org/nieuws?id=12" in texts


def test_hyphenated_names_are_one_mention(analysed: AnalysedDocument) -> None:
    people = {m.text for m in analysed.mentions if m.label == "PER"}
    assert "Kasym-Zjomart Tokajev" in people
    places = {m.text for m in analysed.mentions if m.label == "LOC"}
    assert "Almaty" in places


def test_sentences_stay_inside_their_blocks(analysed: AnalysedDocument, awkward_text: str) -> None:
    blocks = document(awkward_text).blocks
    for sentence in analysed.sentences:
        block = blocks[sentence.block_index]
        assert block.start <= sentence.start < sentence.end <= block.end
        assert sentence.block_kind == block.kind
    kinds = [s.block_kind for s in analysed.sentences]
    assert kinds.count("heading") == 1 and kinds.count("caption") >= 1
    assert [s.index for s in analysed.sentences] == list(range(len(analysed.sentences)))


def test_heads_point_inside_the_sentence(analysed: AnalysedDocument) -> None:
    for sentence in analysed.sentences:
        assert sentence.parsed
        roots = [t for t in sentence.tokens if t.head == -1]
        assert roots, "every parsed sentence has a root"
        assert all(-1 <= t.head < len(sentence.tokens) for t in sentence.tokens)


def test_analyser_name_records_version_and_skipped_modules(analysed: AnalysedDocument) -> None:
    assert analysed.analyser == "frog 0.20 skip=c"


def test_a_dead_server_is_replaced_once(awkward_text: str) -> None:
    class DiesOnce(ReplayedFrog):
        starts = 0
        failed = False

        def start(self) -> None:
            self.starts += 1
            super().start()

        def request(self, text: str) -> str:
            if not self.failed:
                self.failed = True
                raise FrogError("E104 gone")
            return super().request(text)

    server = DiesOnce(RECORDING)
    with FrogAnalyser(FrogConfig(), server=server, version="0.20") as analyser:
        result = analyser.analyse(document(awkward_text))
    assert server.starts == 2
    assert result.sentences


def test_a_server_that_keeps_failing_raises(awkward_text: str) -> None:
    class AlwaysDead(ReplayedFrog):
        def request(self, text: str) -> str:
            raise FrogError("E104 gone")

    with (
        FrogAnalyser(FrogConfig(), server=AlwaysDead(RECORDING), version="0.20") as a,
        pytest.raises(FrogError),
    ):
        a.analyse(document(awkward_text))


def test_long_blocks_are_cut_after_a_sentence_end() -> None:
    text = "Een zin hier. " * 10 + "Slot"
    block = Block(0, "body", 0, len(text))
    pieces = list(block_pieces(text, block, 50))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 50 for _, p in pieces)
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    assert pieces[0][0] == 0
