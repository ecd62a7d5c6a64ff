-- WireDesk schema, version 14: the original is archived (issue 11, point 5; ADR 30). The bytes of every document a
-- story (or a later source version) was derived from are kept as they arrived, before any decoding or trimming:
-- gzip-compressed, keyed by the SHA-256 of the bytes themselves, so identical bytes are stored once
-- (source_archive). Each fetch of them is a row of its own (source_fetch): where they came from, the content type as
-- received, the charset the desk read them in, when and by whom; the items of one feed document share its fetch.
-- A story names its fetch when it is stored, and a later source version names its own; neither is ever changed.
-- Members' privileges on the new tables are granted by the Java step that follows this script (Grants).

-- The bytes match their key: the gzip stream holds exactly byte_count bytes whose SHA-256 is sha256 (a Java
-- function, which stops reading one byte past byte_count, so no member stores a bomb or poisons a key).
CREATE FUNCTION archive_matches(gz BLOB(64M), sha CHAR(64), byte_count BIGINT) RETURNS INT
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC RETURNS NULL ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.archiveMatches';

CREATE TABLE source_archive (
    sha256       CHAR(64)      NOT NULL PRIMARY KEY,
    byte_count   BIGINT        NOT NULL,
    gz           BLOB(64M)     NOT NULL,
    received_by  VARCHAR(64)   NOT NULL,
    received_ms  BIGINT        NOT NULL,
    CONSTRAINT source_archive_is_exact CHECK (byte_count >= 0 AND byte_count <= 33554432
        AND LENGTH(received_by) = LENGTH(RTRIM(received_by)))
);

CREATE TRIGGER source_archive_is_kept_as_fetched
    AFTER UPDATE ON source_archive
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an archived original is never changed');

CREATE TRIGGER source_archive_is_kept
    AFTER DELETE ON source_archive
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an archived original is never deleted');

CREATE TRIGGER source_archive_matches_its_key
    AFTER INSERT ON source_archive
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN is_sha256(n.sha256) = 1 AND archive_matches(n.gz, n.sha256, n.byte_count) = 1
          THEN 0 ELSE 1 END = 1)
    INSERT INTO content_guard (violation) VALUES ('an archived original is the bytes its SHA-256 names');

CREATE TRIGGER source_archive_by_the_member
    AFTER INSERT ON source_archive
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.received_by = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('an original is archived as the member who received it');

CREATE SEQUENCE source_fetch_seq AS BIGINT START WITH 1;

CREATE TABLE source_fetch (
    id            BIGINT        NOT NULL PRIMARY KEY,
    sha256        CHAR(64)      NOT NULL REFERENCES source_archive (sha256),
    -- what the desk read it as: feed, page, newsml-g2, ninjs
    kind          VARCHAR(12)   NOT NULL,
    -- what was named (a file, a folder's file, an address) and where the bytes came from after redirects
    origin        VARCHAR(4000) NOT NULL,
    url           VARCHAR(4000),
    -- the HTTP Content-Type as received (null for a file), and the charset the desk decided and why
    content_type  VARCHAR(500),
    read_as       VARCHAR(200),
    fetched_ms    BIGINT        NOT NULL,
    received_by   VARCHAR(64)   NOT NULL,
    CONSTRAINT source_fetch_is_exact CHECK (id > 0 AND kind IN ('feed', 'page', 'newsml-g2', 'ninjs')
        AND LENGTH(kind) = LENGTH(RTRIM(kind)) AND LENGTH(received_by) = LENGTH(RTRIM(received_by)))
);

CREATE TRIGGER source_fetch_is_kept_as_fetched
    AFTER UPDATE ON source_fetch
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an archived original is never changed');

CREATE TRIGGER source_fetch_is_kept
    AFTER DELETE ON source_fetch
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an archived original is never deleted');

CREATE TRIGGER source_fetch_id_from_its_sequence
    AFTER INSERT ON source_fetch
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'SOURCE_FETCH_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER source_fetch_by_the_member
    AFTER INSERT ON source_fetch
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.received_by = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('an original is archived as the member who received it');

-- A story names the fetch its body was derived from, and what derived it, when it is stored; stories stored before
-- this version name none. Never changed afterwards, from none either: nobody points a story at another original.
ALTER TABLE story ADD COLUMN source_fetch_id BIGINT CONSTRAINT story_source_fetch REFERENCES source_fetch (id);

ALTER TABLE story ADD COLUMN derived_by VARCHAR(100);

CREATE TRIGGER story_original_is_kept
    AFTER UPDATE OF source_fetch_id, derived_by ON story
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a story''s archived original is never changed');

-- A later source version likewise (story_version rows are never changed: V002).
ALTER TABLE story_version ADD COLUMN source_fetch_id BIGINT CONSTRAINT version_source_fetch
    REFERENCES source_fetch (id);

ALTER TABLE story_version ADD COLUMN derived_by VARCHAR(100);
