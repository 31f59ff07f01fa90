-- Resolved actor mentions (issue 3), and which knowledge-base version resolved each document.

CREATE TABLE actor_mentions (
    doc_id          VARCHAR NOT NULL,
    mention_index   INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    actor_id        VARCHAR,            -- NULL: unresolved, the text is kept
    kind            VARCHAR NOT NULL,   -- state | historical_state | organisation | seat | person | group | unresolved
    name            VARCHAR,
    code            VARCHAR,
    country         VARCHAR,            -- ISO3 or PLOVER non-state code; NULL when not known
    sector          VARCHAR,
    role            VARCHAR,            -- office on the document date, or 'former …'
    confidence      DOUBLE NOT NULL,
    method          VARCHAR NOT NULL    -- the rule that resolved it
);

ALTER TABLE documents ADD COLUMN actors_version VARCHAR;
