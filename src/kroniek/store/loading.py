"""Rebuilding stage records from stored rows, so later stages can run without Frog."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from kroniek.nlp.analysis import NEUTRAL, make_token, tag_reader
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    AnalyserTags,
    CodedEvents,
    EntityMention,
    Event,
    EventArgument,
    EventMention,
    EventQuantity,
    Quote,
    ResolvedActors,
    Sentence,
    SourceDocument,
    Token,
)


def load_analysis(con: duckdb.DuckDBPyConnection, doc: SourceDocument) -> AnalysedDocument:
    """The stored sentences, tokens and mentions of ``doc`` as an AnalysedDocument."""
    doc_id, text = doc.doc_id, doc.text
    analyser = con.execute("SELECT analyser FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    name = str(analyser[0]) if analyser and analyser[0] else NEUTRAL
    reader = tag_reader(name)
    tokens: dict[int, list[Token]] = defaultdict(list)
    for row in con.execute(
        "SELECT sentence_index, token_index, start_char, end_char, lemma, tag, entity_tag, "
        "head, relation_label FROM tokens WHERE doc_id = ? ORDER BY sentence_index, token_index",
        [doc_id],
    ).fetchall():
        sentence, index, start, end, lemma, tag, entity, head, relation = row
        tags = AnalyserTags(tag, relation, entity)
        tokens[sentence].append(
            make_token(
                reader,
                tags,
                index=index,
                span=(start, end),
                text=text[start:end],
                lemma=lemma,
                head=head,
            )
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
    return AnalysedDocument(doc_id, sentences, mentions, name)


ACTOR_COLUMNS = (
    "sentence_index, start_char, end_char, text, actor_id, kind, name, code, country, sector, "
    "role, confidence, method"
)
"""actor_mentions columns in the field order of ActorMention."""


def load_actors(con: duckdb.DuckDBPyConnection, doc_id: str) -> ResolvedActors:
    """The stored actor mentions of a document as ResolvedActors."""
    version = con.execute(
        "SELECT version FROM stage_versions WHERE doc_id = ? AND stage = 'actors'", [doc_id]
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
    """The stored events of a document, with actors, recipients and source, the numbers
    attached to them and the document's quotations, as CodedEvents."""
    arguments: dict[tuple[str, str], list[EventArgument]] = defaultdict(list)
    for event_id, role, *fields in con.execute(
        "SELECT event_id, role, start_char, end_char, text, actor_id, name, code, country, "
        "sector, method, confidence FROM event_arguments WHERE doc_id = ? "
        "ORDER BY event_id, role, position",
        [doc_id],
    ).fetchall():
        arguments[(event_id, role)].append(EventArgument(*fields))
    mentions: dict[str, list[EventMention]] = defaultdict(list)
    for event_id, *fields in con.execute(
        "SELECT event_id, sentence_index, trigger_start, trigger_end, trigger_text, rule_id "
        "FROM event_mentions WHERE doc_id = ? ORDER BY event_id, position",
        [doc_id],
    ).fetchall():
        mentions[event_id].append(EventMention(*fields))
    rows = con.execute(
        "SELECT event_id, sentence_index, event_type, mode, context, trigger_start, "
        "trigger_end, trigger_text, aux, rule_id, confidence, quad_code, event_scale, coder "
        "FROM events WHERE doc_id = ? ORDER BY sentence_index, trigger_start, event_id",
        [doc_id],
    ).fetchall()
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
            quad,
            scale,
            tuple(mentions[event_id]),
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
            quad,
            scale,
            _,
        ) in rows
    )
    quantities = tuple(
        EventQuantity(*row)
        for row in con.execute(
            "SELECT event_id, kind, low, high, start_char, end_char, text FROM event_quantities "
            "WHERE doc_id = ? ORDER BY start_char, event_id",
            [doc_id],
        ).fetchall()
    )
    quotes = tuple(
        Quote(
            doc_id,
            sentence,
            EventArgument(*speaker) if speaker[0] is not None else None,
            start,
            end,
            text,
            direct,
        )
        for sentence, direct, start, end, text, *speaker in con.execute(
            "SELECT sentence_index, direct, start_char, end_char, text, speaker_start, "
            "speaker_end, speaker_text, speaker_actor_id, speaker_name, speaker_code, "
            "speaker_country, speaker_sector, speaker_method, speaker_confidence FROM quotes "
            "WHERE doc_id = ? ORDER BY quote_index",
            [doc_id],
        ).fetchall()
    )
    coder = str(rows[0][-1]) if rows else ""
    return CodedEvents(doc_id, events, coder, quantities, quotes)
