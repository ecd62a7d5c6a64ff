-- WireDesk schema, version 6: triage marks. Priority is the desk's (one flag per story); read is each member's own.
ALTER TABLE story ADD COLUMN priority SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE story_read (
    story_id  BIGINT      NOT NULL REFERENCES story (id),
    username  VARCHAR(64) NOT NULL,
    read_ms   BIGINT      NOT NULL,
    PRIMARY KEY (story_id, username)
);
