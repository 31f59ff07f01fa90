-- Documents, their analysis and the runs that produced them.
-- Character offsets are 0-based, end-exclusive, into documents.text.

CREATE TABLE documents (
    doc_id          VARCHAR PRIMARY KEY,
    content_hash    VARCHAR NOT NULL,
    title           VARCHAR,
    text            VARCHAR NOT NULL,
    published       VARCHAR,
    date_precision  VARCHAR NOT NULL,
    language        VARCHAR NOT NULL,
    url             VARCHAR,
    source          VARCHAR,
    origin          VARCHAR NOT NULL,
    notes           VARCHAR[] NOT NULL,
    status          VARCHAR NOT NULL,   -- stored | analysed | unsupported-language | failed
    status_detail   VARCHAR,
    analyser        VARCHAR,
    ingested_at     TIMESTAMP NOT NULL,
    analysed_at     TIMESTAMP
);

CREATE TABLE blocks (
    doc_id       VARCHAR NOT NULL,
    block_index  INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,      -- title | body | heading | caption
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL
);

CREATE TABLE sentences (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    block_index     INTEGER NOT NULL,
    block_kind      VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    parsed          BOOLEAN NOT NULL
);

-- One row per token; the token's text is documents.text[start_char:end_char].
CREATE TABLE tokens (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    token_index     SMALLINT NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    lemma           VARCHAR NOT NULL,
    pos             VARCHAR NOT NULL,
    features        VARCHAR NOT NULL,
    ner             VARCHAR NOT NULL,
    head            SMALLINT NOT NULL,  -- token_index of the head; -1 for the root
    deprel          VARCHAR NOT NULL
);

CREATE TABLE mentions (
    doc_id          VARCHAR NOT NULL,
    mention_index   INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    label           VARCHAR NOT NULL,   -- PER | LOC | ORG | PRO | EVE | MISC
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL
);

-- Inputs whose normalised text equals a stored document's.
CREATE TABLE duplicates (
    origin     VARCHAR NOT NULL,
    doc_id     VARCHAR NOT NULL,          -- the stored document it duplicates
    seen_at    TIMESTAMP NOT NULL
);

CREATE SEQUENCE run_ids START 1;

CREATE TABLE runs (
    run_id       INTEGER PRIMARY KEY,
    command      VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    summary      JSON
);

CREATE TABLE problems (
    run_id   INTEGER NOT NULL,
    origin   VARCHAR NOT NULL,
    line     INTEGER,
    reason   VARCHAR NOT NULL
);
