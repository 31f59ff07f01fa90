"""Rebuilding stage records from stored rows, so later stages can run without Frog."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    CodedEvents,
    EntityMention,
    Event,
    EventArgument,
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


def load_events(con: duckdb.DuckDBPyConnection, doc_id: str) -> CodedEvents:
    """The stored events of a document, with actors, recipients and source, as CodedEvents."""
    version = con.execute(
        "SELECT events_version FROM documents WHERE doc_id = ?", [doc_id]
    ).fetchone()
    arguments: dict[tuple[str, str], list[EventArgument]] = defaultdict(list)
    for event_id, role, *fields in con.execute(
        "SELECT event_id, role, start_char, end_char, text, actor_id, name, code, country, "
        "sector FROM event_arguments WHERE doc_id = ? ORDER BY event_id, role, position",
        [doc_id],
    ).fetchall():
        arguments[(event_id, role)].append(EventArgument(*fields))
    events = tuple(
        Event(
            event_id,
            doc_id,
            sentence,
            event_type,
            mode,
            tuple(context),
            start,
            end,
            trigger,
            tuple(arguments[(event_id, "actor")]),
            tuple(arguments[(event_id, "recipient")]),
            tuple(aux),
            next(iter(arguments[(event_id, "source")]), None),
            rule_id,
            confidence,
        )
        for (
            event_id,
            sentence,
            event_type,
            mode,
            context,
            start,
            end,
            trigger,
            aux,
            rule_id,
            confidence,
        ) in con.execute(
            "SELECT event_id, sentence_index, event_type, mode, context, trigger_start, "
            "trigger_end, trigger_text, aux, rule_id, confidence FROM events WHERE doc_id = ? "
            "ORDER BY sentence_index, trigger_start, event_id",
            [doc_id],
        ).fetchall()
    )
    return CodedEvents(doc_id, events, str(version[0]) if version and version[0] else "")
