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

CREATE TABLE tokens_tagged (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    token_index     SMALLINT NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    lemma           VARCHAR NOT NULL,
    tag             VARCHAR NOT NULL,
    entity_tag      VARCHAR NOT NULL,
    head            SMALLINT NOT NULL,  -- token_index of the head; -1 for the root
    relation_label  VARCHAR NOT NULL
);
INSERT INTO tokens_tagged
    SELECT doc_id, sentence_index, token_index, start_char, end_char, lemma,
           pos || '(' || features || ')', ner, head, deprel
    FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_tagged RENAME TO tokens;

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
