-- WireDesk schema, version 11: what an agency's own format says about an item beyond its text (issue 13; ADR 18):
-- the format it came in, the agency's urgency (1 = flash ... 9), its version, its pubStatus (usable, canceled,
-- withheld), the dateline, and its notes to the desk. Kept as the agency sent them: written with the story (or with
-- a later source version) and never changed. A later version's pubStatus is the agency's latest word: a story whose
-- latest word is canceled or withheld is "withdrawn by the agency" and cannot be approved.

ALTER TABLE story ADD COLUMN format VARCHAR(12);

ALTER TABLE story ADD COLUMN urgency SMALLINT;

ALTER TABLE story ADD COLUMN agency_version VARCHAR(64);

ALTER TABLE story ADD COLUMN pub_status VARCHAR(10);

ALTER TABLE story ADD COLUMN dateline VARCHAR(500);

ALTER TABLE story ADD CONSTRAINT story_agency_is_exact CHECK ((urgency IS NULL OR urgency BETWEEN 1 AND 9)
    AND (pub_status IS NULL OR (pub_status IN ('USABLE', 'CANCELED', 'WITHHELD')
                                AND LENGTH(pub_status) = LENGTH(RTRIM(pub_status))))
    AND (format IS NULL OR (format IN ('rss', 'atom', 'html', 'newsml-g2', 'ninjs')
                            AND LENGTH(format) = LENGTH(RTRIM(format)))));

ALTER TABLE story_version ADD COLUMN urgency SMALLINT;

ALTER TABLE story_version ADD COLUMN agency_version VARCHAR(64);

ALTER TABLE story_version ADD COLUMN pub_status VARCHAR(10);

ALTER TABLE story_version ADD CONSTRAINT version_agency_is_exact CHECK ((urgency IS NULL OR urgency BETWEEN 1 AND 9)
    AND (pub_status IS NULL OR (pub_status IN ('USABLE', 'CANCELED', 'WITHHELD')
                                AND LENGTH(pub_status) = LENGTH(RTRIM(pub_status)))));

-- What the agency sent is never changed, by anyone (members hold no UPDATE on these columns; this binds the owner).
CREATE TRIGGER story_agency_as_sent
    AFTER UPDATE OF format, urgency, agency_version, pub_status, dateline ON story
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('what the agency sent is never changed');

CREATE SEQUENCE story_ed_note_seq AS BIGINT START WITH 1;

CREATE TABLE story_ed_note (
    id           BIGINT        NOT NULL PRIMARY KEY,
    story_id     BIGINT        NOT NULL REFERENCES story (id),
    version_id   BIGINT        REFERENCES story_version (id),
    position     INT           NOT NULL,
    note         VARCHAR(4000) NOT NULL,
    publishable  SMALLINT      NOT NULL,
    received_by  VARCHAR(64)   NOT NULL,
    CONSTRAINT ed_note_is_exact CHECK (publishable IN (0, 1) AND LENGTH(TRIM(note)) > 0 AND position >= 0
        AND LENGTH(received_by) = LENGTH(RTRIM(received_by)))
);

CREATE INDEX story_ed_note_by_story ON story_ed_note (story_id, id);

CREATE TRIGGER story_ed_note_is_kept_as_sent
    AFTER UPDATE ON story_ed_note
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an agency''s note to the desk is never changed');

CREATE TRIGGER story_ed_note_is_kept
    AFTER DELETE ON story_ed_note
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an agency''s note to the desk is never deleted');

CREATE TRIGGER story_ed_note_id_from_its_sequence
    AFTER INSERT ON story_ed_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_ED_NOTE_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER story_ed_note_by_the_member
    AFTER INSERT ON story_ed_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.received_by = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a note to the desk is recorded as the member who received it');

-- A story the agency withdrew (its latest word is canceled or withheld) is not approved, by anyone.
CREATE TRIGGER approval_not_of_a_withdrawn_item
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN COALESCE((SELECT v.pub_status FROM story_version v WHERE v.story_id = n.story_id
                                AND v.pub_status IS NOT NULL
                                AND v.id = (SELECT MAX(m.id) FROM story_version m WHERE m.story_id = n.story_id
                                            AND m.pub_status IS NOT NULL)),
                             (SELECT s.pub_status FROM story s WHERE s.id = n.story_id), 'USABLE') = 'USABLE'
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('the agency withdrew this item: it is not approved');
