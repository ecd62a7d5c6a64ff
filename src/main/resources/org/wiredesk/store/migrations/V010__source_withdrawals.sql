-- WireDesk schema, version 10: the source withdrew a story we ran. When a published story's source page answers
-- 404 or 410 on a re-check, or its feed carries an RFC 6721 tombstone for it, WireDesk notes it here, and the desk
-- chiefs are told, so they can kill our copy. A note is an observation, not a decision: it does not join the history
-- chain, and it changes nothing on the story. It is append-only all the same (the desk must be able to see what was
-- observed, by whom and when), one per story and kind of observation, on a published story only, noted as the
-- signed-in member by an editor or a desk chief. Depends on nothing after V008.
-- Members' privileges on the new table are granted by the Java step that follows this script (Grants).

CREATE SEQUENCE source_withdrawal_seq AS BIGINT START WITH 1;

CREATE TABLE source_withdrawal (
    id         BIGINT        NOT NULL PRIMARY KEY,
    story_id   BIGINT        NOT NULL REFERENCES story (id),
    how        VARCHAR(20)   NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    noted_by   VARCHAR(64)   NOT NULL,
    at_ms      BIGINT        NOT NULL,
    -- exact values: Derby compares strings ignoring trailing blanks
    CONSTRAINT source_withdrawal_is_exact CHECK (how IN ('GONE_404', 'GONE_410', 'FEED_WITHDRAWN', 'AGENCY_WITHDREW')
        AND LENGTH(how) = LENGTH(RTRIM(how)) AND LENGTH(TRIM(detail)) > 0
        AND LENGTH(noted_by) = LENGTH(RTRIM(noted_by)))
);

-- A re-check every half hour sees a gone page again and again: the first sighting is the one kept.
CREATE UNIQUE INDEX source_withdrawal_once ON source_withdrawal (story_id, how);

CREATE TRIGGER source_withdrawal_is_kept_as_seen
    AFTER UPDATE ON source_withdrawal
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a note that the source withdrew a story is never rewritten');

CREATE TRIGGER source_withdrawal_is_kept
    AFTER DELETE ON source_withdrawal
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a note that the source withdrew a story is never deleted');

CREATE TRIGGER source_withdrawal_id_from_its_sequence
    AFTER INSERT ON source_withdrawal
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'SOURCE_WITHDRAWAL_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER source_withdrawal_by_the_member
    AFTER INSERT ON source_withdrawal
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.noted_by = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a withdrawal is noted as the member who notes it');

-- Who may note it, and on what: an editor (who looks after the sources) or a desk chief, on a published story.
CREATE TRIGGER source_withdrawal_by_its_role
    AFTER INSERT ON source_withdrawal
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER)
                                                          AND r.role IN ('EDITOR', 'DESK_CHIEF'))
                    AND EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id AND s.status = 'PUBLISHED')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a withdrawal is noted by an editor or a desk chief, on a published story')
