-- Who did it to whom, from the whole document (issue 11).
--
-- An argument keeps how it was found (the resolution rule, or the document-level rule
-- that supplied it: pronoun, place-country, focus-country, implicit authority, unknown)
-- and how sure that is. A happening reported several times in one document is one
-- event; event_mentions lists each report (its trigger and rule), in text order.

ALTER TABLE event_arguments ADD COLUMN method VARCHAR DEFAULT 'clause';
ALTER TABLE event_arguments ADD COLUMN confidence DOUBLE DEFAULT 1.0;
ALTER TABLE quotes ADD COLUMN speaker_method VARCHAR;
ALTER TABLE quotes ADD COLUMN speaker_confidence DOUBLE;

CREATE TABLE event_mentions (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    rule_id         VARCHAR NOT NULL
);
