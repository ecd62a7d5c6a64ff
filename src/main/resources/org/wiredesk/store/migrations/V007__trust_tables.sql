-- WireDesk schema, version 7, part 1 of 2: members, the workflow as data, approvals, the history chain, the
-- desk's policy and signing key. Applied by the store's owner, in one transaction with part 2 (the guards), after
-- the chain has been computed over any history the store already had (see SchemaMigrator).

-- History rows gain their links below; the triggers refusing any update of them are put back by part 2.
DROP TRIGGER headline_draft_is_history;

DROP TRIGGER status_change_is_history;

DROP TRIGGER publication_is_history;

-- A member is disabled by dropping their store credentials; their row and history stay.
ALTER TABLE app_user ADD COLUMN disabled_ms BIGINT;

-- The workflow of org.wiredesk.story.Action, as the database enforces it: a member may move a story from one
-- status to another only when one of their roles holds that move (a test keeps this table equal to Action).
CREATE TABLE workflow_move (
    action        VARCHAR(20) NOT NULL,
    from_status   VARCHAR(20) NOT NULL,
    to_status     VARCHAR(20) NOT NULL,
    role          VARCHAR(20) NOT NULL,
    needs_reason  SMALLINT    NOT NULL,
    PRIMARY KEY (action, from_status)
);

INSERT INTO workflow_move (action, from_status, to_status, role, needs_reason) VALUES
    ('SPIKE', 'NEW', 'SPIKED', 'EDITOR', 0),
    ('SPIKE', 'EDITING', 'SPIKED', 'EDITOR', 0),
    ('SPIKE', 'REJECTED', 'SPIKED', 'EDITOR', 0),
    ('UNSPIKE', 'SPIKED', 'NEW', 'EDITOR', 0),
    ('DRAFT', 'NEW', 'EDITING', 'COPY_EDITOR', 0),
    ('DRAFT', 'EDITING', 'EDITING', 'COPY_EDITOR', 0),
    ('DRAFT', 'REJECTED', 'EDITING', 'COPY_EDITOR', 0),
    ('SUBMIT', 'NEW', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('SUBMIT', 'EDITING', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('SUBMIT', 'REJECTED', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('APPROVE', 'SUBMITTED', 'APPROVED', 'DESK_CHIEF', 0),
    ('REJECT', 'SUBMITTED', 'REJECTED', 'DESK_CHIEF', 1),
    ('PUBLISH', 'APPROVED', 'PUBLISHED', 'DESK_CHIEF', 0),
    ('HOLD', 'APPROVED', 'HELD', 'DESK_CHIEF', 1),
    ('SEND_BACK', 'HELD', 'REJECTED', 'DESK_CHIEF', 1),
    ('CORRECT', 'PUBLISHED', 'PUBLISHED', 'DESK_CHIEF', 1),
    ('KILL', 'PUBLISHED', 'KILLED', 'DESK_CHIEF', 1);

-- The markup fingerprint: SHA-256 of the stored body HTML exactly (org.wiredesk.story.Fingerprint.ofHtml).
ALTER TABLE story ADD COLUMN body_html_sha256 CHAR(64);

-- What a desk chief approved: the headline and body it covered. Publishing checks the story against it.
CREATE SEQUENCE approval_seq AS BIGINT START WITH 1;

CREATE TABLE approval (
    id                BIGINT        NOT NULL PRIMARY KEY,
    story_id          BIGINT        NOT NULL REFERENCES story (id),
    headline          VARCHAR(1000) NOT NULL,
    body_sha256       CHAR(64)      NOT NULL,
    body_html_sha256  CHAR(64)      NOT NULL,
    actor             VARCHAR(64)   NOT NULL,
    self_approved     SMALLINT      NOT NULL,
    at_ms             BIGINT        NOT NULL,
    chain_seq         BIGINT        NOT NULL,
    prev_hash         CHAR(64)      NOT NULL,
    row_hash          CHAR(64)      NOT NULL
);

-- The page's Ed25519 signature (base64), kept with the publication it records.
ALTER TABLE publication ADD COLUMN signature VARCHAR(200);

-- The history chain (org.wiredesk.story.ChainLink): one order over the four history tables.
ALTER TABLE headline_draft ADD COLUMN chain_seq BIGINT;

ALTER TABLE headline_draft ADD COLUMN prev_hash CHAR(64);

ALTER TABLE headline_draft ADD COLUMN row_hash CHAR(64);

ALTER TABLE status_change ADD COLUMN chain_seq BIGINT;

ALTER TABLE status_change ADD COLUMN prev_hash CHAR(64);

ALTER TABLE status_change ADD COLUMN row_hash CHAR(64);

ALTER TABLE publication ADD COLUMN chain_seq BIGINT;

ALTER TABLE publication ADD COLUMN prev_hash CHAR(64);

ALTER TABLE publication ADD COLUMN row_hash CHAR(64);

-- The last link: a new history row must follow it exactly. Advanced by the database's own triggers only.
CREATE TABLE chain_head (
    one       SMALLINT NOT NULL PRIMARY KEY,
    seq       BIGINT   NOT NULL,
    row_hash  CHAR(64) NOT NULL,
    CONSTRAINT chain_head_is_one_row CHECK (one = 1)
);

-- Settings only the owner may change (members read them): four eyes, for one.
CREATE TABLE desk_policy (
    name   VARCHAR(100)  NOT NULL PRIMARY KEY,
    value  VARCHAR(4000) NOT NULL
);

-- The desk's Ed25519 signing keys. Readable by desk chiefs (who publish) and the owner only; the newest key
-- not retired signs, older ones stay so that pages signed with them can still be checked.
CREATE TABLE desk_key (
    id           BIGINT        NOT NULL PRIMARY KEY,
    public_key   VARCHAR(4000) NOT NULL,
    private_key  VARCHAR(4000) NOT NULL,
    created_ms   BIGINT        NOT NULL,
    retired_ms   BIGINT
);

-- The public halves, for every member (verify checks pages with them).
CREATE VIEW desk_public_key (id, public_key, created_ms, retired_ms) AS
    SELECT id, public_key, created_ms, retired_ms FROM desk_key;

-- Who recorded a later version of an item (ingest records it as the signed-in member).
ALTER TABLE story_version ADD COLUMN received_by VARCHAR(64);

-- Checks on what members insert (org.wiredesk.store.StoreFunctions).
CREATE FUNCTION is_sha256(value VARCHAR(64)) RETURNS INT
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.isSha256';

CREATE FUNCTION markup_sha256(html CLOB(16M)) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC RETURNS NULL ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.markupSha256';

CREATE FUNCTION key_hash(key_text VARCHAR(4000)) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC RETURNS NULL ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.keyHash';

-- The functions the guards use to recompute a history row's hash (org.wiredesk.story.ChainLink).
CREATE FUNCTION chain_headline(prev CHAR(64), seq BIGINT, story_id BIGINT, headline VARCHAR(1000),
        author VARCHAR(64), at_ms BIGINT) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC RETURNS NULL ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.headline';

CREATE FUNCTION chain_status(prev CHAR(64), seq BIGINT, story_id BIGINT, from_status VARCHAR(20),
        to_status VARCHAR(20), actor VARCHAR(64), reason VARCHAR(2000), at_ms BIGINT) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.status';

CREATE FUNCTION chain_approval(prev CHAR(64), seq BIGINT, story_id BIGINT, headline VARCHAR(1000),
        body_sha256 CHAR(64), body_html_sha256 CHAR(64), actor VARCHAR(64), self_approved INT, at_ms BIGINT)
        RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC RETURNS NULL ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.approval';

CREATE FUNCTION chain_publication(prev CHAR(64), seq BIGINT, story_id BIGINT, kind VARCHAR(20),
        headline VARCHAR(1000), body_sha256 CHAR(64), actor VARCHAR(64), at_ms BIGINT, note VARCHAR(2000),
        signature VARCHAR(200)) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.publication'
