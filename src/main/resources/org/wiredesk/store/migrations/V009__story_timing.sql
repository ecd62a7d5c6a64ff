-- WireDesk schema, version 9: embargoes and schedules (ADR 17). An embargo is the time before which a story may not
-- run: stated by the source (written by the member who ingests the story, as the next link after its arrival) or
-- set, moved or lifted by a desk chief. A schedule is when an approved story is to run, set or cancelled by a desk
-- chief; it belongs to the approval it follows (a new approval needs a new schedule). Both are history: a sixth kind
-- of row in the one chain (org.wiredesk.story.ChainLink.timing), append-only; the latest row of each kind is what
-- holds (until_ms NULL: lifted, cancelled). Nothing publishes a story before its embargo: a first publication is
-- refused while the latest embargo is later than the publication's time or the database's clock.
-- The guards follow V007: each refusal inserts a row its guard table's CHECK refuses, naming the rule.

CREATE SEQUENCE story_timing_seq AS BIGINT START WITH 1;

CREATE TABLE story_timing (
    id            BIGINT        NOT NULL PRIMARY KEY,
    story_id      BIGINT        NOT NULL REFERENCES story (id),
    kind          VARCHAR(10)   NOT NULL,
    until_ms      BIGINT,
    reason        VARCHAR(2000),
    actor         VARCHAR(64)   NOT NULL,
    at_ms         BIGINT        NOT NULL,
    chain_seq     BIGINT        NOT NULL,
    prev_hash     CHAR(64)      NOT NULL,
    row_hash      CHAR(64)      NOT NULL,
    CONSTRAINT story_timing_is_exact CHECK (kind IN ('EMBARGO', 'SCHEDULE') AND LENGTH(kind) = LENGTH(RTRIM(kind))
        AND LENGTH(actor) = LENGTH(RTRIM(actor)) AND (until_ms IS NULL OR until_ms > 0))
);

CREATE UNIQUE INDEX story_timing_chain ON story_timing (chain_seq);

CREATE INDEX story_timing_by_story_chain ON story_timing (story_id, kind, chain_seq);

CREATE TABLE embargo_guard (
    violation VARCHAR(200),
    CONSTRAINT embargo_holds CHECK (violation IS NULL)
);

CREATE FUNCTION chain_timing(prev CHAR(64), seq BIGINT, story_id BIGINT, kind VARCHAR(10), until_ms BIGINT,
        reason VARCHAR(2000), actor VARCHAR(64), at_ms BIGINT) RETURNS CHAR(64)
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.story.ChainLink.timing';

-- The database's clock, so a row written with a time of the writer's choosing cannot run a story early.
CREATE FUNCTION now_ms() RETURNS BIGINT
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL NOT DETERMINISTIC
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.nowMs';

CREATE TRIGGER story_timing_is_history
    AFTER UPDATE ON story_timing
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an embargo or schedule is never rewritten');

CREATE TRIGGER story_timing_is_kept
    AFTER DELETE ON story_timing
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('an embargo or schedule is never deleted');

CREATE TRIGGER story_timing_id_from_its_sequence
    AFTER INSERT ON story_timing
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_TIMING_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER story_timing_by_the_member
    AFTER INSERT ON story_timing
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.actor = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('an embargo or schedule is set as the member who sets it');

-- Who may set what: an embargo, a desk chief on a story not yet run, or the member who ingests the story, as the
-- source stated it (a time to come), as the story's first timing row and the next link after its arrival, so that
-- nobody but a desk chief moves or lifts an embargo once set; a schedule, a desk chief on an approved story.
CREATE TRIGGER story_timing_by_its_role
    AFTER INSERT ON story_timing
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN
            (n.kind = 'EMBARGO' AND EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id
                                            AND s.status NOT IN ('PUBLISHED', 'KILLED'))
             AND (EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
                  -- the source's own embargo: the story's first timing row, still to come, right after its arrival
                  OR (n.until_ms IS NOT NULL AND n.until_ms > now_ms()
                      AND NOT EXISTS (SELECT 1 FROM story_timing t WHERE t.story_id = n.story_id AND t.id <> n.id)
                      AND EXISTS (SELECT 1 FROM status_change c
                          WHERE c.story_id = n.story_id AND c.from_status IS NULL AND c.actor = n.actor
                            AND c.chain_seq = n.chain_seq - 1))))
            OR (n.kind = 'SCHEDULE'
                AND EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
                AND EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id AND s.status = 'APPROVED'))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('this member may not set this embargo or schedule');

CREATE TRIGGER story_timing_is_chained
    AFTER INSERT ON story_timing
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_timing(n.prev_hash, n.chain_seq, n.story_id, n.kind, n.until_ms, n.reason,
                                             n.actor, n.at_ms)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('an embargo or schedule must extend the history chain');

CREATE TRIGGER story_timing_advances_chain
    AFTER INSERT ON story_timing
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash;

-- Nothing runs a story before its embargo lifts: not the desk, not the command line, not a member's own SQL.
CREATE TRIGGER publication_after_the_embargo
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (n.kind = 'PUBLISHED' AND CASE WHEN COALESCE((
            SELECT t.until_ms FROM story_timing t WHERE t.story_id = n.story_id AND t.kind = 'EMBARGO'
              AND t.chain_seq = (SELECT MAX(m.chain_seq) FROM story_timing m
                                 WHERE m.story_id = n.story_id AND m.kind = 'EMBARGO')), 0)
            <= (CASE WHEN n.at_ms < now_ms() THEN n.at_ms ELSE now_ms() END)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO embargo_guard (violation) VALUES ('an embargoed story is not published before its embargo lifts');

-- Desk settings: the owner sets them too, with or without the desk chief's role, as on PostgreSQL (V007 admitted
-- desk chiefs only). The owner is the desk schema's owner.
DROP TRIGGER setting_added_by_its_role;

DROP TRIGGER setting_changed_by_its_role;

CREATE TRIGGER setting_added_by_its_role
    AFTER INSERT ON desk_setting
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.name = 'inbox.saved-views' OR EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
            OR EXISTS (SELECT 1 FROM sys.sysschemas s WHERE s.schemaname = 'DESK' AND s.authorizationid = CURRENT_USER)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('desk settings are the desk chief''s and the owner''s');

CREATE TRIGGER setting_changed_by_its_role
    AFTER UPDATE ON desk_setting
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN (o.name = 'inbox.saved-views' AND n.name = 'inbox.saved-views') OR EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
            OR EXISTS (SELECT 1 FROM sys.sysschemas s WHERE s.schemaname = 'DESK' AND s.authorizationid = CURRENT_USER)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('desk settings are the desk chief''s and the owner''s');
