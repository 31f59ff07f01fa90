-- Coded PLOVER events (issue 4) with their evidence, and the coder version per document.

CREATE TABLE events (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    event_type      VARCHAR NOT NULL,
    mode            VARCHAR NOT NULL,
    context         VARCHAR[] NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    aux             VARCHAR[] NOT NULL,   -- historical | future | hypothetical | negated | reported
    rule_id         VARCHAR NOT NULL,
    confidence      DOUBLE NOT NULL,
    quad_code       INTEGER,
    event_scale     DOUBLE,
    coder           VARCHAR NOT NULL,
    coded_at        TIMESTAMP NOT NULL
);

-- Actors, recipients and reported-speech sources of events: one row per argument.
CREATE TABLE event_arguments (
    event_id    VARCHAR NOT NULL,
    doc_id      VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,         -- actor | recipient | source
    position    INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    actor_id    VARCHAR,
    name        VARCHAR,
    code        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR
);

ALTER TABLE documents ADD COLUMN events_version VARCHAR;
