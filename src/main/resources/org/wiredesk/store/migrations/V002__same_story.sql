-- WireDesk schema, version 2: the same item seen again, copies of the same text, stories of the same event.

-- A later version of an item at its source (same guid or URL, different text). The ingested body is never
-- overwritten: each change is kept here, and the story is flagged "updated at source".
CREATE SEQUENCE story_version_seq AS BIGINT START WITH 1;

CREATE TABLE story_version (
    id               BIGINT        NOT NULL PRIMARY KEY,
    story_id         BIGINT        NOT NULL REFERENCES story (id),
    agency_headline  VARCHAR(1000) NOT NULL,
    body_html        CLOB(16M)     NOT NULL,
    body_sha256      CHAR(64)      NOT NULL,
    received_ms      BIGINT        NOT NULL
);

CREATE INDEX story_version_by_story ON story_version (story_id, id);

CREATE TRIGGER story_version_is_history
    AFTER UPDATE ON story_version
    FOR EACH ROW
    INSERT INTO content_guard VALUES ('a source version is never rewritten');

CREATE TRIGGER story_version_is_kept
    AFTER DELETE ON story_version
    FOR EACH ROW
    INSERT INTO content_guard VALUES ('a source version is never deleted');

-- When the source last changed the item (null: never).
ALTER TABLE story ADD COLUMN updated_at_source_ms BIGINT;

-- Grouping: the story whose text this one copies (near-duplicate), and the event cluster it belongs to
-- (the id of the cluster's first story). Computed at ingest; not content, so not guarded.
ALTER TABLE story ADD COLUMN copy_of BIGINT;

ALTER TABLE story ADD COLUMN cluster_id BIGINT;

-- What grouping compares, kept small so no body is read again: MinHash of the text's 5-word shingles (hex),
-- and the weighted terms of headline and lead ("term:weight ...").
ALTER TABLE story ADD COLUMN minhash VARCHAR(1024);

ALTER TABLE story ADD COLUMN lead_terms VARCHAR(4000);

CREATE INDEX story_by_cluster ON story (cluster_id);
