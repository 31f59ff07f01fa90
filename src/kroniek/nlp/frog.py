"""The Frog analyser: documents in, sentences, tokens and entity mentions out.

Each block (title, paragraph, heading, caption) is sent to Frog on its own, so
a sentence never spans two blocks and each sentence knows its block.  Frog's
words are aligned back onto the document text, so every offset is exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from kroniek.config import FrogConfig
from kroniek.errors import AlignmentError, FrogError
from kroniek.nlp.alignment import align_words
from kroniek.nlp.analysis import TagReader, make_token, tag_reader
from kroniek.nlp.frog_output import FrogWord, parse_answer
from kroniek.nlp.frog_server import FrogServer, frog_version
from kroniek.records import (
    AnalysedDocument,
    AnalyserTags,
    Block,
    EntityMention,
    Sentence,
    SourceDocument,
    Token,
)

# Frog reads one line per request and stops at a line "EOT": keep each request one line.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x00-\x08\x0e-\x1f\u2028\u2029]")
_REQUEST_END = "EOT"
_SENTENCE_END = re.compile(r"[.!?]['’”\"]?\s")
_PARSER_MODULE = "p"


class FrogConnection(Protocol):
    """What the analyser needs of a server; tests replay recorded answers through it."""

    @property
    def pid(self) -> int | None: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...

    def request(self, text: str) -> str: ...


class FrogAnalyser:
    """Analyses documents with one long-lived Frog server; use as a context manager."""

    def __init__(
        self, config: FrogConfig, server: FrogConnection | None = None, version: str | None = None
    ) -> None:
        self.config = config
        version = version or frog_version(config.binary)
        self.name = f"frog {version} skip={config.skip or '-'}"
        self._server: FrogConnection = server or FrogServer(config)
        self._parsed = _PARSER_MODULE not in config.skip
        self._reader = tag_reader(self.name)

    def __enter__(self) -> FrogAnalyser:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.close()

    @property
    def server_pid(self) -> int | None:
        """Process id of this analyser's Frog server (for tests and diagnostics)."""
        return self._server.pid

    def analyse(self, doc: SourceDocument) -> AnalysedDocument:
        """Sentences, tokens and entity mentions of one document."""
        sentences: list[Sentence] = []
        mentions: list[EntityMention] = []
        for block in doc.blocks:
            for piece_start, piece in block_pieces(doc.text, block, self.config.max_block_chars):
                cursor = piece_start
                for words in parse_answer(self._request(piece)):
                    sentence, found = build_sentence(
                        doc.text,
                        words,
                        cursor,
                        block,
                        index=len(sentences),
                        parsed=self._parsed,
                        reader=self._reader,
                    )
                    sentences.append(sentence)
                    mentions.extend(found)
                    cursor = sentence.end
        return AnalysedDocument(doc.doc_id, tuple(sentences), tuple(mentions), self.name)

    def _request(self, text: str) -> str:
        """One request; if Frog died or hung, retry once on a fresh server."""
        line = request_line(text)
        if line.strip() == _REQUEST_END:
            return ""
        try:
            return self._server.request(line)
        except AlignmentError:
            raise
        except FrogError:
            self._server.stop()
            self._server.start()
            return self._server.request(line)


def request_line(text: str) -> str:
    """The text as one line of the same length, so offsets still match the document."""
    return _LINE_BREAKS.sub(" ", text)


def block_pieces(text: str, block: Block, max_chars: int) -> Iterator[tuple[int, str]]:
    """The block's text in pieces of at most ``max_chars``, cut after a sentence end if possible."""
    start = block.start
    while start < block.end:
        end = min(block.end, start + max_chars)
        if end < block.end:
            window = text[start:end]
            cuts = [m.end() for m in _SENTENCE_END.finditer(window)]
            if cuts:
                end = start + cuts[-1]
            elif " " in window:
                end = start + window.rindex(" ") + 1
        yield start, text[start:end]
        start = end


def build_sentence(
    text: str,
    words: list[FrogWord],
    cursor: int,
    block: Block,
    *,
    index: int,
    parsed: bool,
    reader: TagReader,
) -> tuple[Sentence, list[EntityMention]]:
    """One Frog sentence → a Sentence with exact offsets, and its entity mentions."""
    parts = [part for word in words for part in word.parts]
    spans = align_words(text, parts, cursor)
    tokens: list[Token] = []
    part_index = 0
    for position, word in enumerate(words):
        first, last = spans[part_index], spans[part_index + len(word.parts) - 1]
        part_index += len(word.parts)
        word_tags = AnalyserTags(word.tag, word.deprel, word.ner_parts[0])
        span = (first[0], last[1])
        head = word.head - 1 if word.head > 0 else -1
        tokens.append(
            make_token(
                reader,
                word_tags,
                index=position,
                span=span,
                text=text[span[0] : span[1]],
                lemma=word.lemma,
                head=head,
            )
        )
    sentence = Sentence(
        index=index,
        block_index=block.index,
        block_kind=block.kind,
        start=tokens[0].start,
        end=tokens[-1].end,
        tokens=tuple(tokens),
        parsed=parsed,
    )
    tags = [tag for word in words for tag in word.ner_parts]
    return sentence, collect_mentions(text, spans, tags, index)


def collect_mentions(
    text: str, spans: list[tuple[int, int]], tags: list[str], sentence_index: int
) -> list[EntityMention]:
    """Turn per-word IOB tags into entity mentions; an I- tag after another label starts anew."""
    mentions: list[EntityMention] = []
    open_label: str | None = None
    open_start = open_end = 0

    def close() -> None:
        if open_label is not None:
            mentions.append(
                EntityMention(
                    sentence_index, open_label, open_start, open_end, text[open_start:open_end]
                )
            )

    for (start, end), tag in zip(spans, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and label == open_label:
            open_end = end
            continue
        close()
        open_label = label if prefix in ("B", "I") and label else None
        open_start, open_end = start, end
    close()
    return mentions
