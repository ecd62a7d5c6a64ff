-- WireDesk schema, version 3: the desk's sources and their polling state.

CREATE TABLE source (
    id               BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    address          VARCHAR(4000) NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    poll_seconds     INT           NOT NULL,
    credit           VARCHAR(200),
    enabled          SMALLINT      NOT NULL DEFAULT 1,
    etag             VARCHAR(1000),
    last_modified    VARCHAR(200),
    last_success_ms  BIGINT,
    last_error       VARCHAR(2000),
    last_error_ms    BIGINT,
    failures         INT           NOT NULL DEFAULT 0,
    next_poll_ms     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT source_address UNIQUE (address)
);

-- Which source brought a story in (null for ingest by hand).
ALTER TABLE story ADD COLUMN source_id BIGINT;

CREATE INDEX story_by_source ON story (source_id, received_ms);
