-- WireDesk on PostgreSQL, version 8: the original is archived (issue 11, point 5; ADR 30), as Derby's V014. The
-- bytes of every document a story or a later source version was derived from, as they arrived, gzip-compressed and
-- keyed by their SHA-256 (source_archive: identical bytes stored once); each fetch of them a row of its own
-- (source_fetch: where from, the content type as received, the charset the desk read them in, when, by whom). A
-- story and a later source version name their fetch when they are stored, and never another. Everything here is
-- append-only for every member and the owner. PostgreSQL cannot read gzip, so the bytes' match with their key is
-- checked by WireDesk when it reuses or reads them and by verify (Derby's guard checks it on insert).
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE TABLE source_archive (
    sha256       varchar(64)   NOT NULL PRIMARY KEY,
    byte_count   bigint        NOT NULL,
    gz           bytea         NOT NULL,
    received_by  varchar(64)   NOT NULL DEFAULT session_user,
    received_ms  bigint        NOT NULL,
    CONSTRAINT source_archive_is_exact CHECK (sha256 ~ '^[0-9a-f]{64}$' AND byte_count >= 0
        AND byte_count <= 33554432 AND substring(gz FROM 1 FOR 2) = '\x1f8b'::bytea)
);

-- gzip is compressed already: kept out of line as it is, not compressed a second time
ALTER TABLE source_archive ALTER COLUMN gz SET STORAGE EXTERNAL;

CREATE TRIGGER source_archive_is_kept BEFORE UPDATE OR DELETE ON source_archive FOR EACH ROW
    EXECUTE FUNCTION refuse_change('an archived original is never changed or deleted');

CREATE TRIGGER source_archive_is_never_truncated BEFORE TRUNCATE ON source_archive FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('an archived original is never deleted');

CREATE TRIGGER source_archive_by_the_member BEFORE INSERT ON source_archive FOR EACH ROW
    EXECUTE FUNCTION version_by_the_member();

CREATE SEQUENCE source_fetch_seq AS bigint START WITH 1;

CREATE TABLE source_fetch (
    id            bigint        NOT NULL DEFAULT nextval('source_fetch_seq') PRIMARY KEY,
    sha256        varchar(64)   NOT NULL REFERENCES source_archive (sha256),
    kind          varchar(12)   NOT NULL,
    origin        varchar(4000) NOT NULL,
    url           varchar(4000),
    content_type  varchar(500),
    read_as       varchar(200),
    fetched_ms    bigint        NOT NULL,
    received_by   varchar(64)   NOT NULL DEFAULT session_user,
    CONSTRAINT source_fetch_is_exact CHECK (id > 0 AND kind IN ('feed', 'page', 'newsml-g2', 'ninjs'))
);

CREATE TRIGGER source_fetch_is_kept BEFORE UPDATE OR DELETE ON source_fetch FOR EACH ROW
    EXECUTE FUNCTION refuse_change('an archived original is never changed or deleted');

CREATE TRIGGER source_fetch_is_never_truncated BEFORE TRUNCATE ON source_fetch FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('an archived original is never deleted');

CREATE TRIGGER source_fetch_id_from_its_sequence BEFORE INSERT ON source_fetch FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('source_fetch_seq');

CREATE TRIGGER source_fetch_by_the_member BEFORE INSERT ON source_fetch FOR EACH ROW
    EXECUTE FUNCTION version_by_the_member();

-- A story names its original when it is stored (none before this version), and never another, from none either.
ALTER TABLE story ADD COLUMN source_fetch_id bigint CONSTRAINT story_source_fetch REFERENCES source_fetch (id),
    ADD COLUMN derived_by varchar(100);

CREATE TRIGGER story_original_is_kept BEFORE UPDATE OF source_fetch_id, derived_by ON story FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a story''s archived original is never changed');

-- A later source version likewise (its rows are never changed: story_version_is_history).
ALTER TABLE story_version ADD COLUMN source_fetch_id bigint CONSTRAINT version_source_fetch
        REFERENCES source_fetch (id),
    ADD COLUMN derived_by varchar(100);

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

GRANT SELECT, INSERT ON source_archive, source_fetch TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT USAGE ON SEQUENCE source_fetch_seq TO wd_editor, wd_copy_editor, wd_desk_chief;
