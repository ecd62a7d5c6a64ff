-- WireDesk schema, version 8: notes on a story's thread (ADR 16). A reply, or the reason a copy editor gave for
-- submitting a headline over house style with the errors it overrode. Notes are history: a fifth kind of row in
-- the one chain (org.wiredesk.story.ChainLink.note), append-only, written by the signed-in member as their roles
-- allow. Submit notes and rejection reasons stay where they are (status_change.reason); the thread reads both.
-- The guards follow V007: each refusal inserts a row its guard table's CHECK refuses, naming the rule.
-- Members' privileges on the new table are granted by the Java step that follows this script (SchemaMigrator).

CREATE SEQUENCE story_note_seq AS BIGINT START WITH 1;

CREATE TABLE story_note (
    id            BIGINT        NOT NULL PRIMARY KEY,
    story_id      BIGINT        NOT NULL REFERENCES story (id),
    kind          VARCHAR(20)   NOT NULL,
    message       VARCHAR(2000) NOT NULL,
    style_errors  VARCHAR(4000),
    author        VARCHAR(64)   NOT NULL,
    at_ms         BIGINT        NOT NULL,
    chain_seq     BIGINT        NOT NULL,
    prev_hash     CHAR(64)      NOT NULL,
    row_hash      CHAR(64)      NOT NULL,
    -- exact values: Derby compares strings ignoring trailing blanks, and a blank note says nothing
    CONSTRAINT story_note_is_exact CHECK (kind IN ('REPLY', 'STYLE_OVERRIDE') AND LENGTH(kind) = LENGTH(RTRIM(kind))
        AND LENGTH(TRIM(message)) > 0 AND LENGTH(author) = LENGTH(RTRIM(author))
        AND (style_errors IS NULL OR kind = 'STYLE_OVERRIDE'))
);

CREATE UNIQUE INDEX story_note_chain ON story_note (chain_seq);

CREATE INDEX story_note_by_story_chain ON story_note (story_id, chain_seq);

CREATE FUNCTION chain_note(prev CHAR(64), seq BIGINT, story_id BIGINT, kind VARCHAR(20), message VARCHAR(2000),
        style_errors VARCHAR(4000), author VARCHAR(64), at_ms BIGINT) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.note';

-- Notes are history: never rewritten, never deleted.
CREATE TRIGGER story_note_is_history
    AFTER UPDATE ON story_note
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a note on a story is never rewritten');

CREATE TRIGGER story_note_is_kept
    AFTER DELETE ON story_note
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a note on a story is never deleted');

CREATE TRIGGER story_note_id_from_its_sequence
    AFTER INSERT ON story_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_NOTE_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER story_note_by_the_member
    AFTER INSERT ON story_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.author = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a note is written as the member who writes it');

-- Who may say what: a reply by a copy editor or a desk chief; an override by a copy editor, right after their own
-- submission of the story in the chain (the submission it excuses, in the same unit of work).
CREATE TRIGGER story_note_by_its_role
    AFTER INSERT ON story_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN
            (n.kind = 'REPLY' AND EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER)
                                          AND r.role IN ('COPY_EDITOR', 'DESK_CHIEF')))
            OR (n.kind = 'STYLE_OVERRIDE'
                AND EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'COPY_EDITOR')
                AND EXISTS (SELECT 1 FROM story s, status_change c
                            WHERE s.id = n.story_id AND s.status = 'SUBMITTED'
                              AND c.story_id = n.story_id AND c.to_status = 'SUBMITTED' AND c.actor = n.author
                              AND c.chain_seq = n.chain_seq - 1))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('this member may not write this note on this story');

CREATE TRIGGER story_note_is_chained
    AFTER INSERT ON story_note
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_note(n.prev_hash, n.chain_seq, n.story_id, n.kind, n.message, n.style_errors,
                                           n.author, n.at_ms)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('a note must extend the history chain');

CREATE TRIGGER story_note_advances_chain
    AFTER INSERT ON story_note
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash
