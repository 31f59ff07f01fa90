-- Where, when and how many (issue 5): the places a document names, each event's place,
-- date and quantities, and the quotations of each document, written by the setting stage
-- with its version.

CREATE TABLE place_mentions (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,     -- the name as the text writes it (Bajkonoer)
    geonameid       BIGINT NOT NULL,
    name            VARCHAR NOT NULL,     -- GeoNames' name (Baikonur)
    latitude        DOUBLE NOT NULL,
    longitude       DOUBLE NOT NULL,
    country         VARCHAR NOT NULL,
    feature_class   VARCHAR NOT NULL,
    feature_code    VARCHAR NOT NULL,
    precision       VARCHAR NOT NULL
);

CREATE TABLE event_places (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    geonameid       BIGINT NOT NULL,
    name            VARCHAR NOT NULL,     -- GeoNames' name, not the Dutch spelling in the text
    latitude        DOUBLE NOT NULL,
    longitude       DOUBLE NOT NULL,
    country         VARCHAR NOT NULL,     -- ISO3 of the state the place lies in
    feature_class   VARCHAR NOT NULL,     -- P populated place | A country or administrative area
    feature_code    VARCHAR NOT NULL,
    precision       VARCHAR NOT NULL,     -- city | region | country
    basis           VARCHAR NOT NULL,     -- clause | sentence | paragraph | caption | actor | recipient
    start_char      INTEGER NOT NULL,     -- the place name, or the argument it was taken from
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL
);

CREATE TABLE event_dates (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    value           VARCHAR,              -- 2022-01-05 | 2022-01 | 2014; NULL when unresolvable
    precision       VARCHAR,              -- day | month | year
    basis           VARCHAR NOT NULL,     -- expression | publication | unresolved
    start_char      INTEGER,              -- the time expression; NULL when inherited
    end_char        INTEGER,
    text            VARCHAR NOT NULL,
    note            VARCHAR,              -- why the value is coarser than the words, or missing
    applies_to      VARCHAR               -- code of the one argument the date belongs to; NULL: all
);

CREATE TABLE event_quantities (
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,     -- troops | killed | injured | arrested | crowd
    low             BIGINT NOT NULL,
    high            BIGINT NOT NULL,      -- equal to low for an exact number
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL
);

CREATE TABLE quotes (
    doc_id          VARCHAR NOT NULL,
    quote_index     INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    direct          BOOLEAN NOT NULL,     -- between quotation marks, or reported (X zegt dat ...)
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_text    VARCHAR,
    speaker_actor_id VARCHAR,
    speaker_name    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR
);

ALTER TABLE documents ADD COLUMN setting_version VARCHAR;
