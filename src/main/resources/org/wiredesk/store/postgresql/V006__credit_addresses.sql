-- WireDesk on PostgreSQL, version 6: an agency's credit address (issue 13; ADR 19), as Derby's V012. A story without
-- a public link of its own prints the address set for its agency on the Sources screen. Addresses are set by an
-- editor or a desk chief through set_credit_address(), kept (a new address is a new row; the latest for the agency
-- is in force), and bound by the approval: approve() writes the address in force on the story (credit_url), and its
-- pages print that one, whatever is set later. Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE SEQUENCE source_credit_seq AS bigint START WITH 1;

CREATE TABLE source_credit (
    id           bigint        NOT NULL DEFAULT nextval('source_credit_seq') PRIMARY KEY,
    source_key   varchar(200)  NOT NULL,
    source_name  varchar(200)  NOT NULL,
    address      varchar(2000) NOT NULL,
    set_by       varchar(64)   NOT NULL,
    at_ms        bigint        NOT NULL,
    CONSTRAINT source_credit_is_exact CHECK (source_key = lower(btrim(source_name)) AND char_length(source_key) > 0
        AND address ~* '^https?://[^[:space:]]+$')
);

CREATE INDEX source_credit_by_agency ON source_credit (source_key, id);

CREATE TRIGGER source_credit_is_kept BEFORE UPDATE OR DELETE ON source_credit FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a credit address once set is kept: set a new one instead');

CREATE TRIGGER source_credit_is_never_truncated BEFORE TRUNCATE ON source_credit FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('a credit address once set is kept: set a new one instead');

CREATE TRIGGER source_credit_id_from_its_sequence BEFORE INSERT ON source_credit FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('source_credit_seq');

-- The address in force for an agency (as stories name it), or null.
CREATE FUNCTION credit_address_of(p_source text) RETURNS varchar
    LANGUAGE sql STABLE SET search_path = desk, pg_temp
    AS $$ SELECT c.address FROM source_credit c WHERE c.source_key = lower(btrim(p_source))
          ORDER BY c.id DESC LIMIT 1 $$;

-- The only way to set one: by an editor or a desk chief, as the signed-in member.
CREATE FUNCTION set_credit_address(p_source text, p_address text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    added bigint;
BEGIN
    IF NOT (holds('EDITOR') OR holds('DESK_CHIEF')) THEN
        PERFORM refuse('refused_by_the_workflow', 'a credit address is set by an editor or a desk chief');
    END IF;
    INSERT INTO source_credit (source_key, source_name, address, set_by, at_ms)
        VALUES (lower(btrim(p_source)), btrim(p_source), p_address, session_user, now_ms())
        RETURNING id INTO added;
    RETURN added;
END
$$;

-- The address a story's pages print when it has no public link: written by approve() and by nothing else.
ALTER TABLE story ADD COLUMN credit_url varchar(2000);

CREATE FUNCTION story_credit_url_from_the_approval() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NOT (OLD.status = 'SUBMITTED' AND NEW.status = 'APPROVED'
            AND (NEW.credit_url IS NULL AND NEW.url ~* '^https?://.'
                 OR NEW.credit_url IS NOT DISTINCT FROM credit_address_of(NEW.source_name))) THEN
        PERFORM refuse('no_change_to_the_content', 'a story''s credit address is the one its approval bound');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_credit_url_from_the_approval BEFORE UPDATE OF credit_url ON story FOR EACH ROW
    WHEN (OLD.credit_url IS DISTINCT FROM NEW.credit_url)
    EXECUTE FUNCTION story_credit_url_from_the_approval();

CREATE OR REPLACE FUNCTION approve(p_story bigint, p_headline text, p_body_sha256 text, p_body_html_sha256 text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp SET lock_timeout = '5s'
    AS $$
DECLARE
    s story;
    own boolean;
    credit varchar(2000);
BEGIN
    IF NOT holds('DESK_CHIEF') THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'an approval is made by a desk chief');
    END IF;
    SELECT * INTO s FROM story WHERE id = p_story FOR UPDATE;
    IF s.status IS DISTINCT FROM 'SUBMITTED' THEN
        PERFORM refuse('story_moved_meanwhile', format('the story is %s now, not SUBMITTED', s.status));
    END IF;
    IF p_headline IS DISTINCT FROM coalesce(s.house_headline, s.agency_headline)
       OR p_body_sha256 IS DISTINCT FROM s.body_sha256 OR p_body_html_sha256 IS DISTINCT FROM s.body_html_sha256 THEN
        PERFORM refuse('approval_covers_what_runs', 'an approval covers the submitted story''s headline and body');
    END IF;
    IF s.url IS NULL OR s.url !~* '^https?://.' THEN
        credit := credit_address_of(s.source_name);
        IF credit IS NULL THEN
            PERFORM refuse('approval_covers_what_runs',
                           'no URL, no approval: the story has no public link and its agency no credit address');
        END IF;
    END IF;
    own := EXISTS (SELECT 1 FROM status_change c WHERE c.story_id = p_story AND c.to_status = 'SUBMITTED'
                     AND c.actor = session_user
                     AND c.chain_seq = (SELECT max(m.chain_seq) FROM status_change m
                                        WHERE m.story_id = p_story AND m.to_status = 'SUBMITTED'))
        OR EXISTS (SELECT 1 FROM headline_draft d WHERE d.story_id = p_story AND d.author = session_user
                     AND d.chain_seq = (SELECT max(m.chain_seq) FROM headline_draft m WHERE m.story_id = p_story));
    IF own AND NOT EXISTS (SELECT 1 FROM desk_policy WHERE name = 'desk.one-person' AND value = 'true') THEN
        PERFORM refuse('four_eyes', 'the approver wrote the headline or submitted the story');
    END IF;
    INSERT INTO approval (story_id, headline, body_sha256, body_html_sha256, actor, self_approved, at_ms)
        VALUES (p_story, p_headline, s.body_sha256, s.body_html_sha256, session_user, CASE WHEN own THEN 1 ELSE 0 END,
                now_ms());
    INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms)
        VALUES (p_story, 'SUBMITTED', 'APPROVED', session_user, NULL, now_ms());
    UPDATE story SET status = 'APPROVED', credit_url = credit, updated_ms = now_ms() WHERE id = p_story;
    RETURN own;
END
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

GRANT EXECUTE ON FUNCTION credit_address_of(text) TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT EXECUTE ON FUNCTION set_credit_address(text, text) TO wd_editor, wd_desk_chief;

-- Everyone sees the addresses; nobody writes them but through set_credit_address().
GRANT SELECT ON source_credit TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER source_credit_announced AFTER INSERT ON source_credit
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
