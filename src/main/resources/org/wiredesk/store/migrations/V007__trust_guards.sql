-- WireDesk schema, version 7, part 2 of 2: the guards. Each trigger below refuses a change by inserting a row
-- that its guard table's CHECK refuses, so the refusal names what was broken (SQLState 23513 with the
-- constraint's name). Triggers run with the owner's rights, so members need no privilege on the guard tables.
-- "Must hold" conditions are written CASE WHEN <holds> THEN 0 ELSE 1 END = 1, so that a NULL refuses too.
-- LOWER(CURRENT_USER) is the signed-in member (Derby upper-cases plain user names; members are kept lower case).

CREATE TABLE workflow_guard (
    violation VARCHAR(200),
    CONSTRAINT refused_by_the_workflow CHECK (violation IS NULL)
);

CREATE TABLE member_guard (
    violation VARCHAR(200),
    CONSTRAINT acts_only_as_the_signed_in_member CHECK (violation IS NULL)
);

CREATE TABLE four_eyes_guard (
    violation VARCHAR(200),
    CONSTRAINT four_eyes CHECK (violation IS NULL)
);

CREATE TABLE approval_guard (
    violation VARCHAR(200),
    CONSTRAINT approval_covers_what_runs CHECK (violation IS NULL)
);

CREATE TABLE chain_guard (
    violation VARCHAR(200),
    CONSTRAINT history_chain_holds CHECK (violation IS NULL)
);

ALTER TABLE headline_draft ALTER COLUMN chain_seq NOT NULL;

ALTER TABLE headline_draft ALTER COLUMN prev_hash NOT NULL;

ALTER TABLE headline_draft ALTER COLUMN row_hash NOT NULL;

ALTER TABLE status_change ALTER COLUMN chain_seq NOT NULL;

ALTER TABLE status_change ALTER COLUMN prev_hash NOT NULL;

ALTER TABLE status_change ALTER COLUMN row_hash NOT NULL;

ALTER TABLE publication ALTER COLUMN chain_seq NOT NULL;

ALTER TABLE publication ALTER COLUMN prev_hash NOT NULL;

ALTER TABLE publication ALTER COLUMN row_hash NOT NULL;

ALTER TABLE story ALTER COLUMN body_html_sha256 NOT NULL;

CREATE UNIQUE INDEX headline_draft_chain ON headline_draft (chain_seq);

CREATE UNIQUE INDEX status_change_chain ON status_change (chain_seq);

CREATE UNIQUE INDEX publication_chain ON publication (chain_seq);

CREATE UNIQUE INDEX approval_chain ON approval (chain_seq);

CREATE INDEX approval_by_story ON approval (story_id, chain_seq);

CREATE INDEX status_change_by_story_chain ON status_change (story_id, chain_seq);

CREATE INDEX headline_draft_by_story_chain ON headline_draft (story_id, chain_seq);

CREATE INDEX publication_by_story_chain ON publication (story_id, chain_seq);

-- History is append-only again, now with its links.
CREATE TRIGGER headline_draft_is_history
    AFTER UPDATE ON headline_draft
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('headline history is never rewritten');

CREATE TRIGGER status_change_is_history
    AFTER UPDATE ON status_change
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('status history is never rewritten');

CREATE TRIGGER publication_is_history
    AFTER UPDATE ON publication
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('publication history is never rewritten');

-- Content: the markup fingerprint is as immutable as the body.
CREATE TRIGGER story_markup_is_immutable
    AFTER UPDATE OF body_html_sha256 ON story
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a stored body''s markup fingerprint is never changed');

CREATE TRIGGER approval_is_history
    AFTER UPDATE ON approval
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('approval history is never rewritten');

CREATE TRIGGER approval_is_kept
    AFTER DELETE ON approval
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('approval history is never deleted');

-- A story enters the desk new, without a house headline, with both fingerprints.
CREATE TRIGGER story_arrives_new
    AFTER INSERT ON story
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.status = 'NEW' AND n.house_headline IS NULL AND n.priority = 0
               AND is_sha256(n.body_sha256) = 1 AND n.body_html_sha256 = markup_sha256(n.body_html)
               AND n.dedup_hash = key_hash(n.dedup_key)
               AND n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_SEQ')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a story enters the desk as new, as its fingerprints and keys say');

-- A story is found again only by its own guid or URL: a member cannot file a future item under another story.
CREATE TRIGGER story_key_is_the_storys_own
    AFTER INSERT ON story_key
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id
                            AND (n.key_hash = key_hash(s.dedup_key) OR n.key_hash = key_hash(s.url)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a story is known only by its own guid or URL');

CREATE TRIGGER story_version_by_the_member
    AFTER INSERT ON story_version
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.received_by = LOWER(CURRENT_USER) AND is_sha256(n.body_sha256) = 1
               AND n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_VERSION_SEQ')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a source version is recorded as the member who received it');

-- Ids come from their sequences: a member cannot take an id the desk will hand out next and so block its insert.
CREATE TRIGGER headline_draft_id_from_its_sequence
    AFTER INSERT ON headline_draft
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'HEADLINE_DRAFT_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER status_change_id_from_its_sequence
    AFTER INSERT ON status_change
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STATUS_CHANGE_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER approval_id_from_its_sequence
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'APPROVAL_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER publication_id_from_its_sequence
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'PUBLICATION_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

CREATE TRIGGER candidate_id_from_its_sequence
    AFTER INSERT ON headline_candidate
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'HEADLINE_CANDIDATE_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

-- Status moves: only through the workflow, by a member whose role holds the move, after its history row.
CREATE TRIGGER status_change_by_the_member
    AFTER INSERT ON status_change
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.actor = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a status change is recorded as the member who made it');

CREATE TRIGGER status_change_follows_the_workflow
    AFTER INSERT ON status_change
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN
            (n.from_status IS NULL AND n.to_status = 'NEW'
             AND EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id AND s.status = 'NEW')
             AND NOT EXISTS (SELECT 1 FROM status_change c WHERE c.story_id = n.story_id AND c.id <> n.id))
            OR (EXISTS (SELECT 1 FROM story s, workflow_move w, user_role r
                        WHERE s.id = n.story_id AND s.status = n.from_status
                          AND w.from_status = n.from_status AND w.to_status = n.to_status
                          AND r.username = LOWER(CURRENT_USER) AND r.role = w.role
                          AND (w.needs_reason = 0 OR LENGTH(TRIM(n.reason)) > 0))
                -- an approval, publication, correction or kill is recorded by its own row just before
                AND (n.to_status <> 'APPROVED' OR EXISTS (SELECT 1 FROM approval a WHERE a.story_id = n.story_id
                        AND a.actor = n.actor AND a.chain_seq = n.chain_seq - 1))
                AND (n.from_status <> 'PUBLISHED' OR n.to_status NOT IN ('PUBLISHED', 'KILLED')
                     OR EXISTS (SELECT 1 FROM publication p WHERE p.story_id = n.story_id AND p.actor = n.actor
                        AND p.chain_seq = n.chain_seq - 1
                        AND p.kind = CASE WHEN n.to_status = 'KILLED' THEN 'KILLED' ELSE 'CORRECTED' END))
                AND (n.to_status <> 'PUBLISHED' OR n.from_status <> 'APPROVED' OR EXISTS (SELECT 1 FROM publication p
                        WHERE p.story_id = n.story_id AND p.actor = n.actor AND p.kind = 'PUBLISHED'
                          AND p.chain_seq = n.chain_seq - 1)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('this status move is not one the member''s roles allow');

CREATE TRIGGER status_change_is_chained
    AFTER INSERT ON status_change
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_status(n.prev_hash, n.chain_seq, n.story_id, n.from_status, n.to_status,
                                             n.actor, n.reason, n.at_ms)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('a status change must extend the history chain');

CREATE TRIGGER status_change_advances_chain
    AFTER INSERT ON status_change
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash;

CREATE TRIGGER story_moves_with_its_history
    AFTER UPDATE OF status ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (o.status <> n.status AND CASE WHEN EXISTS (
            SELECT 1 FROM status_change c
            WHERE c.story_id = n.id AND c.from_status = o.status AND c.to_status = n.status
              AND c.actor = LOWER(CURRENT_USER)
              AND c.chain_seq = (SELECT MAX(m.chain_seq) FROM status_change m WHERE m.story_id = n.id))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a story moves only with its status change recorded first');

-- Approval and publication run exactly what was approved.
CREATE TRIGGER approved_as_approved
    AFTER UPDATE OF status ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (o.status <> n.status AND n.status IN ('APPROVED', 'PUBLISHED') AND CASE WHEN EXISTS (
            SELECT 1 FROM approval a
            WHERE a.story_id = n.id AND a.headline = COALESCE(n.house_headline, n.agency_headline)
              AND a.body_sha256 = n.body_sha256 AND a.body_html_sha256 = n.body_html_sha256
              AND (n.status = 'PUBLISHED' OR a.actor = LOWER(CURRENT_USER))
              AND a.chain_seq = (SELECT MAX(m.chain_seq) FROM approval m WHERE m.story_id = n.id))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('a story is approved and published only as it was approved');

CREATE TRIGGER published_with_its_record
    AFTER UPDATE OF status ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (o.status <> n.status AND n.status IN ('PUBLISHED', 'KILLED') AND CASE WHEN EXISTS (
            SELECT 1 FROM publication p
            WHERE p.story_id = n.id AND p.actor = LOWER(CURRENT_USER)
              AND p.kind = CASE WHEN n.status = 'PUBLISHED' THEN 'PUBLISHED' ELSE 'KILLED' END
              AND p.chain_seq = (SELECT MAX(m.chain_seq) FROM publication m WHERE m.story_id = n.id))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('a story is published or killed only with its publication record');

-- Headlines: copy editors before approval, desk chiefs as a correction after publication, always after the
-- revision is recorded by the member who wrote it.
CREATE TRIGGER headline_draft_by_the_member
    AFTER INSERT ON headline_draft
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.author = LOWER(CURRENT_USER) AND EXISTS (
            SELECT 1 FROM story s, user_role r
            WHERE s.id = n.story_id AND r.username = LOWER(CURRENT_USER)
              AND ((s.status IN ('NEW', 'EDITING', 'REJECTED') AND r.role = 'COPY_EDITOR')
                   OR (s.status = 'PUBLISHED' AND r.role = 'DESK_CHIEF')))
            -- while another member holds the story's claim, only they write its headline (a desk chief takes over
            -- a stale claim first)
            AND NOT EXISTS (SELECT 1 FROM story_claim k WHERE k.story_id = n.story_id
                            AND k.username <> LOWER(CURRENT_USER))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('this member may not write this story''s headline now');

CREATE TRIGGER headline_draft_is_chained
    AFTER INSERT ON headline_draft
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_headline(n.prev_hash, n.chain_seq, n.story_id, n.headline, n.author, n.created_ms)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('a headline revision must extend the history chain');

CREATE TRIGGER headline_draft_advances_chain
    AFTER INSERT ON headline_draft
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash;

CREATE TRIGGER house_headline_by_the_workflow
    AFTER UPDATE OF house_headline ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (COALESCE(o.house_headline, '') <> COALESCE(n.house_headline, '') AND CASE WHEN
            n.house_headline IS NOT NULL
            AND EXISTS (SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER)
                        AND ((o.status IN ('NEW', 'EDITING', 'REJECTED') AND r.role = 'COPY_EDITOR')
                             OR (o.status = 'PUBLISHED' AND r.role = 'DESK_CHIEF')))
            AND EXISTS (SELECT 1 FROM headline_draft d
                        WHERE d.story_id = n.id AND d.headline = n.house_headline
                          AND d.author = LOWER(CURRENT_USER)
                          AND d.chain_seq = (SELECT MAX(m.chain_seq) FROM headline_draft m WHERE m.story_id = n.id))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a house headline changes only by its recorded revision');

-- Approvals: a desk chief, a submitted story with a web source, exactly its headline and body, and four eyes.
CREATE TRIGGER approval_by_a_desk_chief
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.actor = LOWER(CURRENT_USER) AND EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('an approval is made by the signed-in desk chief');

CREATE TRIGGER approval_covers_the_story
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (
            SELECT 1 FROM story s
            WHERE s.id = n.story_id AND s.status = 'SUBMITTED'
              AND n.headline = COALESCE(s.house_headline, s.agency_headline)
              AND n.body_sha256 = s.body_sha256 AND n.body_html_sha256 = s.body_html_sha256)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('an approval covers the submitted story''s headline and body');

CREATE TRIGGER approval_needs_a_source_url
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (
            SELECT 1 FROM story s
            WHERE s.id = n.story_id AND (LOWER(s.url) LIKE 'http://_%' OR LOWER(s.url) LIKE 'https://_%'))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('no URL, no approval: every page ends with its source and URL');

CREATE TRIGGER approval_with_four_eyes
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.self_approved = 0 AND (
            EXISTS (SELECT 1 FROM status_change c
                    WHERE c.story_id = n.story_id AND c.to_status = 'SUBMITTED' AND c.actor = n.actor
                      AND c.chain_seq = (SELECT MAX(m.chain_seq) FROM status_change m
                                         WHERE m.story_id = n.story_id AND m.to_status = 'SUBMITTED'))
            OR EXISTS (SELECT 1 FROM headline_draft d
                       WHERE d.story_id = n.story_id AND d.author = n.actor
                         AND d.chain_seq = (SELECT MAX(m.chain_seq) FROM headline_draft m WHERE m.story_id = n.story_id)))
          THEN 1 ELSE 0 END = 1)
    INSERT INTO four_eyes_guard (violation) VALUES ('the approver wrote the headline or submitted the story');

CREATE TRIGGER self_approval_only_on_a_one_person_desk
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.self_approved = 0 OR (n.self_approved = 1 AND EXISTS (
            SELECT 1 FROM desk_policy p WHERE p.name = 'desk.one-person' AND p.value = 'true')
            AND (EXISTS (SELECT 1 FROM status_change c
                         WHERE c.story_id = n.story_id AND c.to_status = 'SUBMITTED' AND c.actor = n.actor
                           AND c.chain_seq = (SELECT MAX(m.chain_seq) FROM status_change m
                                              WHERE m.story_id = n.story_id AND m.to_status = 'SUBMITTED'))
                 OR EXISTS (SELECT 1 FROM headline_draft d
                            WHERE d.story_id = n.story_id AND d.author = n.actor
                              AND d.chain_seq = (SELECT MAX(m.chain_seq) FROM headline_draft m
                                                 WHERE m.story_id = n.story_id))))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO four_eyes_guard (violation) VALUES ('self-approval needs the owner''s one-person-desk setting');

CREATE TRIGGER approval_is_chained
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_approval(n.prev_hash, n.chain_seq, n.story_id, n.headline, n.body_sha256,
                                               n.body_html_sha256, n.actor, n.self_approved, n.at_ms)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('an approval must extend the history chain');

CREATE TRIGGER approval_advances_chain
    AFTER INSERT ON approval
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash;

-- Publications: a desk chief; a first run only of an approved story, under its approved headline and body.
CREATE TRIGGER publication_by_a_desk_chief
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.actor = LOWER(CURRENT_USER) AND EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a publication is made by the signed-in desk chief');

CREATE TRIGGER publication_runs_what_was_approved
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN
            (n.kind = 'PUBLISHED' AND EXISTS (
                SELECT 1 FROM story s, approval a
                WHERE s.id = n.story_id AND s.status = 'APPROVED' AND a.story_id = s.id
                  AND a.headline = n.headline AND a.body_sha256 = n.body_sha256 AND s.body_sha256 = n.body_sha256
                  AND a.chain_seq = (SELECT MAX(m.chain_seq) FROM approval m WHERE m.story_id = s.id)))
            OR (n.kind IN ('CORRECTED', 'KILLED') AND LENGTH(TRIM(n.note)) > 0 AND EXISTS (
                SELECT 1 FROM story s WHERE s.id = n.story_id AND s.status = 'PUBLISHED' AND s.body_sha256 = n.body_sha256))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO approval_guard (violation) VALUES ('a publication runs the approved headline and body');

CREATE TRIGGER publication_is_chained
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chain_seq = (SELECT h.seq + 1 FROM chain_head h) AND n.prev_hash = (SELECT h.row_hash FROM chain_head h)
               AND n.row_hash = chain_publication(n.prev_hash, n.chain_seq, n.story_id, n.kind, n.headline,
                                                  n.body_sha256, n.actor, n.at_ms, n.note, n.signature)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO chain_guard (violation) VALUES ('a publication must extend the history chain');

CREATE TRIGGER publication_advances_chain
    AFTER INSERT ON publication
    REFERENCING NEW AS n
    FOR EACH ROW
    UPDATE chain_head SET seq = n.chain_seq, row_hash = n.row_hash;

-- A member's own working state: claims, autosaves, read marks and candidates are theirs alone.
CREATE TRIGGER claim_by_the_member
    AFTER INSERT ON story_claim
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a member claims a story only for themselves');

CREATE TRIGGER claim_taken_by_the_member
    AFTER UPDATE ON story_claim
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.username = LOWER(CURRENT_USER) AND (o.username = n.username OR EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF'))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('only a desk chief takes over another member''s claim');

CREATE TRIGGER claim_released_by_the_member
    AFTER DELETE ON story_claim
    REFERENCING OLD AS o
    FOR EACH ROW
    WHEN (CASE WHEN o.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a member releases only their own claim');

CREATE TRIGGER autosave_by_the_member
    AFTER INSERT ON headline_autosave
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a member autosaves only their own typing');

CREATE TRIGGER autosave_kept_by_the_member
    AFTER UPDATE ON headline_autosave
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN o.username = LOWER(CURRENT_USER) AND n.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a member autosaves only their own typing');

CREATE TRIGGER autosave_cleared_by_the_member
    AFTER DELETE ON headline_autosave
    REFERENCING OLD AS o
    FOR EACH ROW
    WHEN (CASE WHEN o.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a member clears only their own typing');

CREATE TRIGGER read_mark_by_the_member
    AFTER INSERT ON story_read
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('read marks are each member''s own');

CREATE TRIGGER read_mark_kept_by_the_member
    AFTER UPDATE ON story_read
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN o.username = LOWER(CURRENT_USER) AND n.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('read marks are each member''s own');

CREATE TRIGGER read_mark_cleared_by_the_member
    AFTER DELETE ON story_read
    REFERENCING OLD AS o
    FOR EACH ROW
    WHEN (CASE WHEN o.username = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('read marks are each member''s own');

CREATE TRIGGER candidate_by_the_member
    AFTER INSERT ON headline_candidate
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.author = LOWER(CURRENT_USER) THEN 0 ELSE 1 END = 1)
    INSERT INTO member_guard (violation) VALUES ('a headline candidate is kept as the member who wrote it');

-- Desk settings: saved inbox views are every member's; the rest (section, disclaimer, house style) the desk chief's.
CREATE TRIGGER setting_added_by_its_role
    AFTER INSERT ON desk_setting
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.name = 'inbox.saved-views' OR EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('desk settings are the desk chief''s');

CREATE TRIGGER setting_changed_by_its_role
    AFTER UPDATE ON desk_setting
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN (o.name = 'inbox.saved-views' AND n.name = 'inbox.saved-views') OR EXISTS (
            SELECT 1 FROM user_role r WHERE r.username = LOWER(CURRENT_USER) AND r.role = 'DESK_CHIEF')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('desk settings are the desk chief''s');

-- Derby compares strings ignoring trailing blanks, so 'NEW   ' = 'NEW': values are exact, or refused.
ALTER TABLE story ADD CONSTRAINT story_status_is_exact CHECK (status IN ('NEW', 'EDITING', 'SUBMITTED',
    'REJECTED', 'APPROVED', 'HELD', 'PUBLISHED', 'KILLED', 'SPIKED') AND LENGTH(status) = LENGTH(RTRIM(status)));

ALTER TABLE story ADD CONSTRAINT house_headline_is_exact CHECK (house_headline IS NULL
    OR (LENGTH(house_headline) > 0 AND LENGTH(house_headline) = LENGTH(TRIM(house_headline))));

ALTER TABLE headline_draft ADD CONSTRAINT headline_revision_is_exact CHECK (LENGTH(headline) > 0
    AND LENGTH(headline) = LENGTH(TRIM(headline)) AND LENGTH(author) = LENGTH(RTRIM(author)));

ALTER TABLE status_change ADD CONSTRAINT status_change_is_exact CHECK (
    to_status IN ('NEW', 'EDITING', 'SUBMITTED', 'REJECTED', 'APPROVED', 'HELD', 'PUBLISHED', 'KILLED', 'SPIKED')
    AND LENGTH(to_status) = LENGTH(RTRIM(to_status))
    AND (from_status IS NULL OR LENGTH(from_status) = LENGTH(RTRIM(from_status)))
    AND LENGTH(actor) = LENGTH(RTRIM(actor)));

ALTER TABLE approval ADD CONSTRAINT approval_is_exact CHECK (LENGTH(headline) > 0
    AND LENGTH(headline) = LENGTH(TRIM(headline)) AND LENGTH(actor) = LENGTH(RTRIM(actor))
    AND self_approved IN (0, 1));

ALTER TABLE publication ADD CONSTRAINT publication_is_exact CHECK (kind IN ('PUBLISHED', 'CORRECTED', 'KILLED')
    AND LENGTH(kind) = LENGTH(RTRIM(kind)) AND LENGTH(headline) > 0 AND LENGTH(headline) = LENGTH(TRIM(headline))
    AND LENGTH(actor) = LENGTH(RTRIM(actor)))