-- WireDesk schema, version 12: an agency's credit address (issue 13; ADR 19). Every page ends with its source and
-- URL. An agency item often has no public web address; the page then prints the address the desk set for that
-- agency on the Sources screen. An address is set by an editor (who looks after the sources) or a desk chief, and
-- kept: a new address is a new row, the latest for the agency is the one in force, none is rewritten or deleted.
-- The approval binds it: when a story without a public link of its own is approved, the address in force is
-- written on the story (credit_url), and its pages print that one, whatever is set later.
-- Members' privileges on the new table are granted by the Java step that follows this script (Grants).

CREATE SEQUENCE source_credit_seq AS BIGINT START WITH 1;

CREATE TABLE source_credit (
    id           BIGINT        NOT NULL PRIMARY KEY,
    -- the agency as stories name it (story.source_name), folded to lower case: "dpa" and "DPA" are one agency
    source_key   VARCHAR(200)  NOT NULL,
    source_name  VARCHAR(200)  NOT NULL,
    address      VARCHAR(2000) NOT NULL,
    set_by       VARCHAR(64)   NOT NULL,
    at_ms        BIGINT        NOT NULL,
    -- exact values: Derby compares strings ignoring trailing blanks
    CONSTRAINT source_credit_is_exact CHECK (source_key = LOWER(TRIM(source_name)) AND LENGTH(source_key) > 0
        AND LENGTH(source_key) = LENGTH(RTRIM(source_key))
        AND (LOWER(address) LIKE 'http://_%' OR LOWER(address) LIKE 'https://_%')
        AND LENGTH(address) = LENGTH(TRIM(address)) AND LOCATE(' ', address) = 0
        AND LENGTH(set_by) = LENGTH(RTRIM(set_by)))
);

CREATE INDEX source_credit_by_agency ON source_credit (source_key, id);

CREATE TRIGGER source_credit_is_kept_as_set
    AFTER UPDATE ON source_credit
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a credit address once set is kept: set a new one instead');

CREATE TRIGGER source_credit_is_kept
    AFTER DELETE ON source_credit
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a credit address once set is kept: set a new one instead');

CREATE TRIGGER source_credit_id_from_its_sequence
    AFTER INSERT ON source_credit
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'SOURCE_CREDIT_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER source_credit_by_the_member
    AFTER INSERT ON source_credit
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.set_by = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a credit address is set as the member who sets it');

CREATE TRIGGER source_credit_by_its_role
    AFTER INSERT ON source_credit
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER)
                                                          AND r.role IN ('EDITOR', 'DESK_CHIEF'))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a credit address is set by an editor or a desk chief');

-- The address a story's pages print when it has no public link: written by the approval, below, and by nothing else.
ALTER TABLE story ADD COLUMN credit_url VARCHAR(2000);

-- No URL, no approval: a story needs a public link of its own, or a credit address set for its agency.
DROP TRIGGER approval_needs_a_source_url;

CREATE TRIGGER approval_needs_a_source_url
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (
            SELECT 1 FROM story s
            WHERE s.id = n.story_id AND (LOWER(s.url) LIKE 'http://_%' OR LOWER(s.url) LIKE 'https://_%'
                OR EXISTS (SELECT 1 FROM source_credit c WHERE c.source_key = LOWER(TRIM(s.source_name)))))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES
        ('no URL, no approval: the story has no public link and its agency no credit address');

-- The approval binds the address in force (triggers act with the owner's rights; members hold no UPDATE on it).
CREATE TRIGGER approval_binds_the_credit_address
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE story SET credit_url = CASE
            WHEN LOWER(url) LIKE 'http://_%' OR LOWER(url) LIKE 'https://_%' THEN NULL
            ELSE (SELECT c.address FROM source_credit c WHERE c.source_key = LOWER(TRIM(story.source_name))
                    AND c.id = (SELECT MAX(m.id) FROM source_credit m WHERE m.source_key = c.source_key)) END
        WHERE id = n.story_id;

-- ... and nothing else writes it: only while the story awaits approval, and only the address in force (or none, for
-- a story with its own link). This binds the owner too.
CREATE TRIGGER story_credit_url_from_the_approval
    AFTER UPDATE OF credit_url ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN o.status = 'SUBMITTED' AND n.status = 'SUBMITTED'
                AND (n.credit_url IS NULL AND (LOWER(n.url) LIKE 'http://_%' OR LOWER(n.url) LIKE 'https://_%')
                     OR n.credit_url = (SELECT c.address FROM source_credit c
                                        WHERE c.source_key = LOWER(TRIM(n.source_name))
                                          AND c.id = (SELECT MAX(m.id) FROM source_credit m
                                                      WHERE m.source_key = c.source_key)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO content_guard (violation) VALUES ('a story''s credit address is the one its approval bound');

-- An agency's note to the desk arrives with the item that carried it (V011 left this to PostgreSQL's transaction
-- check): a story's own notes before its arrival is recorded (ingest writes them first, in the same transaction),
-- a later version's with that version, the story's latest, by the member who received it. Nobody adds a note
-- "from the agency" to a story afterwards.
CREATE TRIGGER story_ed_note_arrives_with_its_item
    AFTER INSERT ON story_ed_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN (n.version_id IS NULL
                     AND NOT EXISTS (SELECT 1 FROM status_change c WHERE c.story_id = n.story_id))
                 OR (n.version_id IS NOT NULL AND EXISTS (
                     SELECT 1 FROM story_version v WHERE v.id = n.version_id AND v.story_id = n.story_id
                       AND v.received_by = n.received_by
                       AND v.id = (SELECT MAX(m.id) FROM story_version m WHERE m.story_id = n.story_id)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a note to the desk arrives with the item that carried it');
