-- WireDesk schema, version 1. Times are epoch milliseconds (UTC); text the desk types is VARCHAR.
-- Statements are separated by a semicolon at the end of a line.
-- Tables guarded by triggers take their ids from sequences, not identity columns: Derby 10.16 fails a row
-- trigger on a table with an identity column (22018 in InternalTriggerExecutionContext.updateAICounters)
-- when the trigger itself inserts a row, which is how the content guard below refuses changes.

CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    created_ms    BIGINT       NOT NULL
);

CREATE TABLE user_role (
    username  VARCHAR(64) NOT NULL REFERENCES app_user (username),
    role      VARCHAR(20) NOT NULL,
    PRIMARY KEY (username, role)
);

CREATE SEQUENCE story_seq AS BIGINT START WITH 1;

CREATE TABLE story (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    dedup_hash           CHAR(64)      NOT NULL,
    dedup_key            VARCHAR(4000) NOT NULL,
    source_name          VARCHAR(200)  NOT NULL,
    url                  VARCHAR(4000),
    agency_headline      VARCHAR(1000) NOT NULL,
    byline               VARCHAR(500),
    language             VARCHAR(35),
    published_at_source  VARCHAR(40),
    received_ms          BIGINT        NOT NULL,
    body_html            CLOB(16M)     NOT NULL,
    body_sha256          CHAR(64)      NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    house_headline       VARCHAR(1000),
    updated_ms           BIGINT        NOT NULL,
    CONSTRAINT story_dedup UNIQUE (dedup_hash)
);

-- Every key a story is recognised by when it arrives again: its guid and its URL (hashed, lower-cased).
CREATE TABLE story_key (
    key_hash  CHAR(64) NOT NULL PRIMARY KEY,
    story_id  BIGINT   NOT NULL REFERENCES story (id)
);

CREATE INDEX story_by_received ON story (received_ms DESC);

CREATE INDEX story_by_status ON story (status, received_ms DESC);

CREATE SEQUENCE headline_draft_seq AS BIGINT START WITH 1;

CREATE TABLE headline_draft (
    id          BIGINT        NOT NULL PRIMARY KEY,
    story_id    BIGINT        NOT NULL REFERENCES story (id),
    headline    VARCHAR(1000) NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    created_ms  BIGINT        NOT NULL
);

CREATE INDEX headline_draft_by_story ON headline_draft (story_id, id);

CREATE SEQUENCE status_change_seq AS BIGINT START WITH 1;

CREATE TABLE status_change (
    id           BIGINT        NOT NULL PRIMARY KEY,
    story_id     BIGINT        NOT NULL REFERENCES story (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    reason       VARCHAR(2000),
    at_ms        BIGINT        NOT NULL
);

CREATE INDEX status_change_by_story ON status_change (story_id, id);

CREATE SEQUENCE publication_seq AS BIGINT START WITH 1;

CREATE TABLE publication (
    id           BIGINT        NOT NULL PRIMARY KEY,
    story_id     BIGINT        NOT NULL REFERENCES story (id),
    kind         VARCHAR(20)   NOT NULL,
    headline     VARCHAR(1000) NOT NULL,
    body_sha256  CHAR(64)      NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    at_ms        BIGINT        NOT NULL,
    location     VARCHAR(4000),
    note         VARCHAR(2000)
);

CREATE INDEX publication_by_time ON publication (at_ms DESC);

CREATE TABLE quarantine (
    id           BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin       VARCHAR(4000) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    content      BLOB(64M),
    received_ms  BIGINT        NOT NULL,
    retried_ms   BIGINT
);

CREATE TABLE desk_setting (
    name   VARCHAR(100)  NOT NULL PRIMARY KEY,
    value  VARCHAR(4000) NOT NULL
);

-- The house rule, kept by the database itself: no change to the content. Any UPDATE that names the body,
-- its fingerprint, the agency's headline or where the story came from, and any DELETE of a story, makes the
-- trigger insert a row that this table's CHECK refuses (SQLState 23513). This holds for every client:
-- the application, ij, or another workstation through the Network Server, and needs no Java on the server.
CREATE TABLE content_guard (
    violation VARCHAR(200),
    CONSTRAINT no_change_to_the_content CHECK (violation IS NULL)
);

CREATE TRIGGER story_content_is_immutable
    AFTER UPDATE OF body_html, body_sha256, agency_headline, dedup_hash, dedup_key, source_name, url, received_ms
    ON story
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a stored story body, agency headline or source is never changed');

CREATE TRIGGER story_is_never_deleted
    AFTER DELETE ON story
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a stored story is never deleted: spike or kill it');

-- History is append-only.
CREATE TRIGGER headline_draft_is_history
    AFTER UPDATE ON headline_draft
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('headline history is never rewritten');

CREATE TRIGGER headline_draft_is_kept
    AFTER DELETE ON headline_draft
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('headline history is never deleted');

CREATE TRIGGER status_change_is_history
    AFTER UPDATE ON status_change
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('status history is never rewritten');

CREATE TRIGGER status_change_is_kept
    AFTER DELETE ON status_change
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('status history is never deleted');

CREATE TRIGGER publication_is_history
    AFTER UPDATE ON publication
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('publication history is never rewritten');

CREATE TRIGGER publication_is_kept
    AFTER DELETE ON publication
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('publication history is never deleted');
