-- WireDesk schema, version 16: the article's extent, chosen from the archived original's own blocks (issue 11,
-- point 6; ADR 32). Before approval a copy editor holding a story's claim may choose which blocks of the page the
-- story was derived from (or of a later source version's) form its body: each choice is an append-only row of
-- body_choice, with the fetch, the chosen indexes and their texts' hash, the body it replaced and the body it makes,
-- who chose and when. The story's body columns, immutable since V001, may now change in one way only: to the latest
-- choice's body, from the body that choice replaced, by the member who made it, before submission. Every other
-- change to a body is refused as before. Members' privileges on the new table are granted by Grants.

-- The chosen body is the original's own blocks: a Java function lists the archived bytes' blocks again
-- (StoreFunctions.chosenBodyMatches) and compares the recorded body, fingerprint and texts' hash with theirs.
CREATE FUNCTION chosen_body_matches(gz BLOB(64M), sha CHAR(64), byte_count BIGINT, kind VARCHAR(12),
        content_type VARCHAR(500), url VARCHAR(4000), block_indexes VARCHAR(32000), blocks_sha256 CHAR(64),
        body_html CLOB(16M), body_sha256 CHAR(64)) RETURNS INT
    LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL DETERMINISTIC CALLED ON NULL INPUT
    EXTERNAL NAME 'org.wiredesk.store.StoreFunctions.chosenBodyMatches';

CREATE SEQUENCE body_choice_seq AS BIGINT START WITH 1;

CREATE TABLE body_choice (
    id                      BIGINT         NOT NULL PRIMARY KEY,
    story_id                BIGINT         NOT NULL REFERENCES story (id),
    source_fetch_id         BIGINT         NOT NULL REFERENCES source_fetch (id),
    -- ascending, comma-separated: 0,1,3
    block_indexes           VARCHAR(32000) NOT NULL,
    -- SHA-256 of the chosen blocks' texts, each followed by a line feed
    blocks_sha256           CHAR(64)       NOT NULL,
    -- the body this choice replaced (the first choice's is what ingest made)
    prior_body_html         CLOB(16M)      NOT NULL,
    prior_body_sha256       CHAR(64)       NOT NULL,
    prior_body_html_sha256  CHAR(64)       NOT NULL,
    -- the body it makes
    body_html               CLOB(16M)      NOT NULL,
    body_sha256             CHAR(64)       NOT NULL,
    body_html_sha256        CHAR(64)       NOT NULL,
    chosen_by               VARCHAR(64)    NOT NULL,
    chosen_ms               BIGINT         NOT NULL,
    CONSTRAINT body_choice_is_exact CHECK (id > 0 AND LENGTH(block_indexes) > 0
        AND LENGTH(chosen_by) = LENGTH(RTRIM(chosen_by)))
);

CREATE INDEX body_choice_by_story ON body_choice (story_id, id);

CREATE TRIGGER body_choice_is_history
    AFTER UPDATE ON body_choice
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a choice of blocks is never changed');

CREATE TRIGGER body_choice_is_kept
    AFTER DELETE ON body_choice
    FOR EACH ROW
    INSERT INTO content_guard (violation) VALUES ('a choice of blocks is never deleted');

CREATE TRIGGER body_choice_id_from_its_sequence
    AFTER INSERT ON body_choice
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'BODY_CHOICE_SEQ') THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('ids come from their sequence');

-- Who and when: a copy editor, as themselves, holding the story's claim, before submission (NEW or EDITING), from
-- the body the story has now, and from the story's own original or one of its later versions'.
CREATE TRIGGER body_choice_by_the_copy_editor
    AFTER INSERT ON body_choice
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.chosen_by = LOWER(CURRENT_USER) AND EXISTS (
            SELECT 1 FROM story s, user_role r, story_claim k
            WHERE s.id = n.story_id AND s.status IN ('NEW', 'EDITING')
              AND r.username = LOWER(CURRENT_USER) AND r.role = 'COPY_EDITOR'
              AND k.story_id = s.id AND k.username = LOWER(CURRENT_USER)
              AND s.body_sha256 = n.prior_body_sha256 AND s.body_html_sha256 = n.prior_body_html_sha256
              AND (s.source_fetch_id = n.source_fetch_id OR EXISTS (
                    SELECT 1 FROM story_version v WHERE v.story_id = s.id AND v.source_fetch_id = n.source_fetch_id)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('blocks are chosen by the copy editor holding the story, before submission');

-- What: the recorded bodies are the HTML their fingerprints name, the new one differs, and it is exactly the
-- original's own blocks at the recorded indexes.
CREATE TRIGGER body_choice_is_the_originals_blocks
    AFTER INSERT ON body_choice
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.prior_body_html_sha256 = markup_sha256(n.prior_body_html)
               AND n.body_html_sha256 = markup_sha256(n.body_html)
               AND n.body_html_sha256 <> n.prior_body_html_sha256
               AND (SELECT chosen_body_matches(a.gz, a.sha256, a.byte_count, f.kind, f.content_type, f.url,
                                               n.block_indexes, n.blocks_sha256, n.body_html, n.body_sha256)
                    FROM source_fetch f, source_archive a WHERE f.id = n.source_fetch_id AND a.sha256 = f.sha256) = 1
          THEN 0 ELSE 1 END = 1)
    INSERT INTO content_guard (violation) VALUES ('a chosen body is exactly the archived original''s own blocks');

-- The story's body: V001's guard (and V007's on the markup fingerprint) refused any UPDATE naming a content column.
-- One guard, under V001's name, now holds all of it: the body columns may change only to follow the latest choice,
-- once, from the body that choice replaced, by the member who made it, before submission, with the agency headline
-- and source unchanged; naming a content column in any other UPDATE (even SET body_html = body_html, or
-- SET url = url) is refused as before.
DROP TRIGGER story_content_is_immutable;

DROP TRIGGER story_markup_is_immutable;

CREATE TRIGGER story_content_is_immutable
    AFTER UPDATE OF body_html, body_sha256, body_html_sha256, agency_headline, dedup_hash, dedup_key, source_name, url,
                    received_ms
    ON story
    REFERENCING OLD AS o NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN o.status IN ('NEW', 'EDITING') AND n.status = o.status
               AND n.agency_headline = o.agency_headline AND n.dedup_hash = o.dedup_hash
               AND n.dedup_key = o.dedup_key AND n.source_name = o.source_name AND n.received_ms = o.received_ms
               AND (n.url = o.url OR (n.url IS NULL AND o.url IS NULL))
               AND n.body_html_sha256 = markup_sha256(n.body_html)
               AND EXISTS (SELECT 1 FROM body_choice c
                           WHERE c.story_id = n.id
                             AND c.id = (SELECT MAX(m.id) FROM body_choice m WHERE m.story_id = n.id)
                             AND c.chosen_by = LOWER(CURRENT_USER)
                             AND c.prior_body_sha256 = o.body_sha256
                             AND c.prior_body_html_sha256 = o.body_html_sha256
                             AND c.body_sha256 = n.body_sha256 AND c.body_html_sha256 = n.body_html_sha256)
          THEN 0 ELSE 1 END = 1)
    INSERT INTO content_guard (violation) VALUES ('a story body changes only to the blocks chosen for it; its agency headline and source never');
