"""Rebuilding stage records from stored rows, so later stages can run without Frog."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    EntityMention,
    ResolvedActors,
    Sentence,
    SourceDocument,
    Token,
)


def load_analysis(con: duckdb.DuckDBPyConnection, doc: SourceDocument) -> AnalysedDocument:
    """The stored sentences, tokens and mentions of ``doc`` as an AnalysedDocument."""
    doc_id, text = doc.doc_id, doc.text
    analyser = con.execute("SELECT analyser FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    tokens: dict[int, list[Token]] = defaultdict(list)
    for row in con.execute(
        "SELECT sentence_index, token_index, start_char, end_char, lemma, pos, features, ner, "
        "head, deprel FROM tokens WHERE doc_id = ? ORDER BY sentence_index, token_index",
        [doc_id],
    ).fetchall():
        sentence, index, start, end, lemma, pos, features, ner, head, deprel = row
        tokens[sentence].append(
            Token(index, start, end, text[start:end], lemma, pos, features, ner, head, deprel)
        )
    sentences = tuple(
        Sentence(index, block, kind, start, end, tuple(tokens[index]), parsed)
        for index, block, kind, start, end, parsed in con.execute(
            "SELECT sentence_index, block_index, block_kind, start_char, end_char, parsed "
            "FROM sentences WHERE doc_id = ? ORDER BY sentence_index",
            [doc_id],
        ).fetchall()
    )
    mentions = tuple(
        EntityMention(sentence, label, start, end, mention_text)
        for sentence, label, start, end, mention_text in con.execute(
            "SELECT sentence_index, label, start_char, end_char, text FROM mentions "
            "WHERE doc_id = ? ORDER BY mention_index",
            [doc_id],
        ).fetchall()
    )
    return AnalysedDocument(doc_id, sentences, mentions, str(analyser[0]) if analyser else "")


ACTOR_COLUMNS = (
    "sentence_index, start_char, end_char, text, actor_id, kind, name, code, country, sector, "
    "role, confidence, method"
)
"""actor_mentions columns in the field order of ActorMention."""


def load_actors(con: duckdb.DuckDBPyConnection, doc_id: str) -> ResolvedActors:
    """The stored actor mentions of a document as ResolvedActors."""
    version = con.execute(
        "SELECT actors_version FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    mentions = tuple(
        ActorMention(*row)
        for row in con.execute(
            f"SELECT {ACTOR_COLUMNS} FROM actor_mentions WHERE doc_id = ? ORDER BY mention_index",
            [doc_id],
        ).fetchall()
    )
    return ResolvedActors(doc_id, mentions, str(version[0]) if version and version[0] else "")
