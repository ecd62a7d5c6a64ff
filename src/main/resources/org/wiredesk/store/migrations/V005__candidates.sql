-- WireDesk schema, version 5: headline candidates a copy editor keeps to choose from (append-only).
CREATE SEQUENCE headline_candidate_seq AS BIGINT START WITH 1;

CREATE TABLE headline_candidate (
    id          BIGINT        NOT NULL PRIMARY KEY,
    story_id    BIGINT        NOT NULL REFERENCES story (id),
    headline    VARCHAR(1000) NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    created_ms  BIGINT        NOT NULL
);

CREATE INDEX headline_candidate_by_story ON headline_candidate (story_id, id);
