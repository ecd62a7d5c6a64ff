-- WireDesk on PostgreSQL, version 10: the article's extent, chosen from the archived original's own blocks (issue 11,
-- point 6; ADR 32), as Derby's V016. A choice is an append-only body_choice row (the fetch, the chosen indexes and
-- their texts' hash, the body it replaced and the body it makes, who and when), written only by choose_blocks(), a
-- SECURITY DEFINER function a copy editor holding the story's claim calls before submission; the story's body
-- follows the latest choice in the same call, and a trigger refuses any other change to it, the owner's included.
-- PostgreSQL cannot read gzip: the function checks that the body is exactly the given texts as blocks, and WireDesk
-- (the Source page, the approval screen) and verify check those texts against the archived original itself.
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE SEQUENCE body_choice_seq AS bigint START WITH 1;

CREATE TABLE body_choice (
    id                      bigint        NOT NULL DEFAULT nextval('body_choice_seq') PRIMARY KEY,
    story_id                bigint        NOT NULL REFERENCES story (id),
    source_fetch_id         bigint        NOT NULL REFERENCES source_fetch (id),
    block_indexes           varchar(32000) NOT NULL CHECK (block_indexes ~ '^(0|[1-9][0-9]*)(,(0|[1-9][0-9]*))*$'),
    blocks_sha256           varchar(64)   NOT NULL CHECK (blocks_sha256 ~ '^[0-9a-f]{64}$'),
    prior_body_html         text          NOT NULL,
    prior_body_sha256       varchar(64)   NOT NULL,
    prior_body_html_sha256  varchar(64)   NOT NULL,
    body_html               text          NOT NULL,
    body_sha256             varchar(64)   NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    body_html_sha256        varchar(64)   NOT NULL,
    chosen_by               varchar(64)   NOT NULL DEFAULT session_user,
    chosen_ms               bigint        NOT NULL
);

CREATE INDEX body_choice_by_story ON body_choice (story_id, id);

CREATE TRIGGER body_choice_is_history BEFORE UPDATE OR DELETE ON body_choice FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a choice of blocks is never changed or deleted');

CREATE TRIGGER body_choice_is_never_truncated BEFORE TRUNCATE ON body_choice FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('a choice of blocks is never deleted');

CREATE TRIGGER body_choice_id_from_its_sequence BEFORE INSERT ON body_choice FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('body_choice_seq');

-- What holds for every writer of a choice, the owner's function included: by a copy editor as themselves, holding
-- the story's claim, before submission, from the story's body now, from its own original or a later version's, the
-- recorded bodies being the HTML their fingerprints name.
CREATE FUNCTION body_choice_holds() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
DECLARE
    s story;
BEGIN
    SELECT * INTO s FROM story WHERE id = NEW.story_id;
    IF NEW.chosen_by IS DISTINCT FROM session_user OR NOT holds('COPY_EDITOR')
       OR s.status IS NULL OR s.status NOT IN ('NEW', 'EDITING')
       OR NOT EXISTS (SELECT 1 FROM story_claim k WHERE k.story_id = s.id AND k.username = session_user) THEN
        PERFORM refuse('refused_by_the_workflow',
                       'blocks are chosen by the copy editor holding the story, before submission');
    END IF;
    IF NEW.prior_body_sha256 IS DISTINCT FROM s.body_sha256
       OR NEW.prior_body_html_sha256 IS DISTINCT FROM s.body_html_sha256
       OR NEW.prior_body_html_sha256 <> encode(sha256(convert_to(NEW.prior_body_html, 'UTF8')), 'hex')
       OR NEW.body_html_sha256 <> encode(sha256(convert_to(NEW.body_html, 'UTF8')), 'hex')
       OR NEW.body_html_sha256 = NEW.prior_body_html_sha256
       OR NOT (s.source_fetch_id = NEW.source_fetch_id OR EXISTS (SELECT 1 FROM story_version v
                WHERE v.story_id = s.id AND v.source_fetch_id = NEW.source_fetch_id)) THEN
        PERFORM refuse('no_change_to_the_content', 'a chosen body is exactly the archived original''s own blocks');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER body_choice_holds BEFORE INSERT ON body_choice FOR EACH ROW EXECUTE FUNCTION body_choice_holds();

-- A copy editor's choice: the texts of the chosen blocks (as the desk lists the original's blocks), made into the
-- body exactly as BlockChoice makes it, and the story's body then follows it. p_body_html and p_body_sha256 are what
-- the member's WireDesk made: they must be what these texts make.
CREATE FUNCTION choose_blocks(p_story bigint, p_fetch bigint, p_indexes text, p_texts text[], p_blocks_sha256 text,
                              p_seen_sha256 text, p_seen_html_sha256 text, p_body_html text, p_body_sha256 text)
        RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    s story;
    t text;
    html text := '';
    joined text := '';
    n integer := 0;
BEGIN
    SELECT * INTO s FROM story WHERE id = p_story FOR UPDATE;
    IF s.id IS NULL THEN
        PERFORM refuse('refused_by_the_workflow', 'no such story');
    END IF;
    IF s.body_sha256 IS DISTINCT FROM p_seen_sha256 OR s.body_html_sha256 IS DISTINCT FROM p_seen_html_sha256 THEN
        PERFORM refuse('story_moved_meanwhile', 'the story''s body changed meanwhile');
    END IF;
    IF p_texts IS NULL OR cardinality(p_texts) = 0
       OR cardinality(p_texts) <> cardinality(string_to_array(p_indexes, ',')) THEN
        PERFORM refuse('no_change_to_the_content', 'one text per chosen block');
    END IF;
    FOREACH t IN ARRAY p_texts LOOP
        -- a block's text as the desk lists it: not empty, NFC, single plain spaces between words
        IF t IS NULL OR t = '' OR t <> normalize(t, NFC) OR t ~ '^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u2007\u202f]' THEN
            PERFORM refuse('no_change_to_the_content', 'a chosen block is a block''s folded text');
        END IF;
        html := html || '<p>' || replace(replace(replace(t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>';
        joined := joined || CASE WHEN n = 0 THEN '' ELSE ' ' END || t;
        n := n + 1;
    END LOOP;
    IF p_body_html IS DISTINCT FROM html
       OR p_body_sha256 IS DISTINCT FROM encode(sha256(convert_to(joined, 'UTF8')), 'hex')
       OR p_blocks_sha256 IS DISTINCT FROM encode(sha256(convert_to(array_to_string(p_texts, E'\n') || E'\n', 'UTF8')),
                                                  'hex') THEN
        PERFORM refuse('no_change_to_the_content', 'a chosen body is exactly the texts of its blocks');
    END IF;
    INSERT INTO body_choice (story_id, source_fetch_id, block_indexes, blocks_sha256, prior_body_html,
                             prior_body_sha256, prior_body_html_sha256, body_html, body_sha256, body_html_sha256,
                             chosen_by, chosen_ms)
        VALUES (p_story, p_fetch, p_indexes, p_blocks_sha256, s.body_html, s.body_sha256, s.body_html_sha256,
                html, p_body_sha256, encode(sha256(convert_to(html, 'UTF8')), 'hex'), session_user, now_ms());
    UPDATE story SET body_html = html, body_sha256 = p_body_sha256,
                     body_html_sha256 = encode(sha256(convert_to(html, 'UTF8')), 'hex'), updated_ms = now_ms()
        WHERE id = p_story;
END
$$;

-- The story's body: V001's guard refused any UPDATE naming a content column. One guard, under V001's name, now holds
-- all of it: the body columns may change only to follow the latest choice, once, from the body that choice replaced,
-- by the member who made it, before submission, with the agency headline and source unchanged; naming a content
-- column in any other UPDATE (even SET body_html = body_html, or SET url = url) is refused, the owner's included.
CREATE FUNCTION story_body_follows_its_choice() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF OLD.status NOT IN ('NEW', 'EDITING') OR NEW.status IS DISTINCT FROM OLD.status
       OR NEW.agency_headline IS DISTINCT FROM OLD.agency_headline OR NEW.dedup_hash IS DISTINCT FROM OLD.dedup_hash
       OR NEW.dedup_key IS DISTINCT FROM OLD.dedup_key OR NEW.source_name IS DISTINCT FROM OLD.source_name
       OR NEW.url IS DISTINCT FROM OLD.url OR NEW.received_ms IS DISTINCT FROM OLD.received_ms
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.arrived_in IS DISTINCT FROM OLD.arrived_in
       OR NEW.body_html_sha256 IS DISTINCT FROM encode(sha256(convert_to(NEW.body_html, 'UTF8')), 'hex')
       OR NOT EXISTS (SELECT 1 FROM body_choice c
                      WHERE c.story_id = NEW.id
                        AND c.id = (SELECT max(m.id) FROM body_choice m WHERE m.story_id = NEW.id)
                        AND c.chosen_by = session_user
                        AND c.prior_body_sha256 = OLD.body_sha256 AND c.prior_body_html_sha256 = OLD.body_html_sha256
                        AND c.body_sha256 = NEW.body_sha256 AND c.body_html_sha256 = NEW.body_html_sha256) THEN
        PERFORM refuse('no_change_to_the_content',
                       'a story body changes only to the blocks chosen for it; its agency headline and source never');
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER story_content_is_immutable ON story;

CREATE TRIGGER story_content_is_immutable
    BEFORE UPDATE OF body_html, body_sha256, body_html_sha256, agency_headline, dedup_hash, dedup_key, source_name,
                     url, received_ms, id, arrived_in
    ON story FOR EACH ROW
    EXECUTE FUNCTION story_body_follows_its_choice();

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

GRANT EXECUTE ON FUNCTION choose_blocks(bigint, bigint, text, text[], text, text, text, text, text) TO wd_copy_editor;

GRANT SELECT ON body_choice TO wd_editor, wd_copy_editor, wd_desk_chief;
