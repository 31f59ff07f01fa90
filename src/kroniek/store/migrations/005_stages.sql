-- Stages as contracts (issue 10).
--
-- Tokens keep what the analyser said verbatim: its tag (part of speech with features),
-- its relation label and its named-entity tag. kroniek.nlp reads them into typed facts,
-- so the database does not depend on one analyser's tag set.
--
-- stage_versions replaces the per-stage version columns of documents: one row per
-- document and stage with the stage's own version, a digest of that version and of the
-- records the stage read (made_from), and a digest of what its result says (result).
-- A later run redoes a stage when made_from differs from what it would be now, so a
-- change anywhere upstream redoes exactly the documents and stages it changes.

ALTER TABLE tokens ADD COLUMN tag VARCHAR DEFAULT '';
UPDATE tokens SET tag = pos || '(' || features || ')';
ALTER TABLE tokens DROP COLUMN pos;
ALTER TABLE tokens DROP COLUMN features;
ALTER TABLE tokens RENAME COLUMN ner TO entity_tag;
ALTER TABLE tokens RENAME COLUMN deprel TO relation_label;

CREATE TABLE stage_versions (
    doc_id      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    version     VARCHAR NOT NULL,   -- the stage's own version (code and data files)
    made_from   VARCHAR NOT NULL,   -- digest of that version and of the records it read
    result      VARCHAR NOT NULL,   -- digest of what the stored result says
    done_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (doc_id, stage)
);
ALTER TABLE documents DROP COLUMN actors_version;
ALTER TABLE documents DROP COLUMN events_version;
ALTER TABLE documents DROP COLUMN setting_version;
