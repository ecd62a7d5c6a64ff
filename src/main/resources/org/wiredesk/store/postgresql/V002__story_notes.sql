-- WireDesk on PostgreSQL, version 2: notes on a story's thread (ADR 16), as Derby's V008. A reply, or the reason
-- a copy editor gave for submitting a headline over house style with the errors it overrode. Notes are history: a
-- fifth kind of row in the one chain (ChainLink.note, computed here), append-only for everyone, the owner's
-- functions included, written as session_user only through add_note(), which checks the member's group roles.
-- Submit notes and rejection reasons stay in status_change.reason; the thread reads both.
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE SEQUENCE story_note_seq AS bigint START WITH 1;

CREATE TABLE story_note (
    id            bigint        NOT NULL DEFAULT nextval('story_note_seq') PRIMARY KEY,
    story_id      bigint        NOT NULL REFERENCES story (id),
    kind          varchar(20)   NOT NULL,
    message       varchar(2000) NOT NULL,
    style_errors  varchar(4000),
    author        varchar(64)   NOT NULL,
    at_ms         bigint        NOT NULL,
    chain_seq     bigint        NOT NULL CONSTRAINT story_note_chain UNIQUE,
    prev_hash     varchar(64)   NOT NULL,
    row_hash      varchar(64)   NOT NULL,
    CONSTRAINT story_note_is_exact CHECK (kind IN ('REPLY', 'STYLE_OVERRIDE') AND char_length(btrim(message)) > 0
        AND (style_errors IS NULL OR kind = 'STYLE_OVERRIDE'))
);

CREATE INDEX story_note_by_story_chain ON story_note (story_id, chain_seq);

CREATE FUNCTION chain_note(prev text, seq bigint, story_id bigint, kind text, message text, style_errors text,
                           author text, at_ms bigint)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'NOTE', ARRAY[story_id::text, kind, message, style_errors, author,
                            at_ms::text]) $$;

GRANT EXECUTE ON FUNCTION chain_note(text, bigint, bigint, text, text, text, text, bigint)
    TO wd_editor, wd_copy_editor, wd_desk_chief;

-- A note takes the next link as every history row does (chain_the_row of V001, for this table): the database
-- fills in the link under a lock on chain_head, and the author is session_user, whoever writes.
CREATE FUNCTION chain_the_note() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    head record;
    computed varchar(64);
BEGIN
    SELECT seq, row_hash INTO head FROM chain_head WHERE one = 1 FOR UPDATE;
    IF NEW.chain_seq IS NOT NULL AND NEW.chain_seq <> head.seq + 1
       OR NEW.prev_hash IS NOT NULL AND NEW.prev_hash <> head.row_hash THEN
        PERFORM refuse('history_chain_holds', 'a history row must extend the chain at its head');
    END IF;
    IF NEW.author IS DISTINCT FROM session_user THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'a note is written as the member who writes it');
    END IF;
    NEW.chain_seq := head.seq + 1;
    NEW.prev_hash := head.row_hash;
    computed := chain_note(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.kind, NEW.message, NEW.style_errors,
                           NEW.author, NEW.at_ms);
    IF NEW.row_hash IS NOT NULL AND NEW.row_hash <> computed THEN
        PERFORM refuse('history_chain_holds', 'a history row''s hash is the one the database computes');
    END IF;
    NEW.row_hash := computed;
    UPDATE chain_head SET seq = NEW.chain_seq, row_hash = NEW.row_hash WHERE one = 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_note_is_chained BEFORE INSERT ON story_note FOR EACH ROW
    EXECUTE FUNCTION chain_the_note();

CREATE TRIGGER story_note_id_from_its_sequence BEFORE INSERT ON story_note FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('story_note_seq');

CREATE TRIGGER story_note_is_history BEFORE UPDATE OR DELETE ON story_note FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a note on a story is never rewritten or deleted');

CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON story_note FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');

-- The only way to write a note. A reply: a copy editor or a desk chief, on any story. An override: a copy editor,
-- in the transaction of their own submission of the story, as the next link after it (the submission it excuses).
CREATE FUNCTION add_note(p_story bigint, p_kind text, p_message text, p_style_errors text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    now_status text;
BEGIN
    SELECT status INTO now_status FROM story WHERE id = p_story;
    IF now_status IS NULL THEN
        PERFORM refuse('refused_by_the_workflow', 'no such story');
    END IF;
    IF p_kind = 'REPLY' THEN
        IF NOT (holds('COPY_EDITOR') OR holds('DESK_CHIEF')) OR p_style_errors IS NOT NULL THEN
            PERFORM refuse('refused_by_the_workflow', 'a reply is written by a copy editor or a desk chief');
        END IF;
    ELSIF p_kind = 'STYLE_OVERRIDE' THEN
        IF NOT holds('COPY_EDITOR') OR now_status <> 'SUBMITTED' OR NOT EXISTS (
                SELECT 1 FROM status_change c, chain_head h
                WHERE c.story_id = p_story AND c.to_status = 'SUBMITTED' AND c.actor = session_user
                  AND c.chain_seq = h.seq AND c.xmin = pg_current_xact_id()::xid) THEN
            PERFORM refuse('refused_by_the_workflow',
                           'a style override is written by the copy editor with their own submission');
        END IF;
    ELSE
        PERFORM refuse('refused_by_the_workflow', 'no such kind of note');
    END IF;
    INSERT INTO story_note (story_id, kind, message, style_errors, author, at_ms)
        VALUES (p_story, p_kind, p_message, p_style_errors, session_user, now_ms());
END
$$;

GRANT EXECUTE ON FUNCTION add_note(bigint, text, text, text) TO wd_copy_editor, wd_desk_chief;

-- Functions are executable by PUBLIC unless that is revoked from each: V001's ALTER DEFAULT PRIVILEGES ... REVOKE
-- EXECUTE ... FROM PUBLIC took nothing away, because a schema's default privileges add to the global default and
-- cannot remove it. Every function checks the member's roles itself; this takes PUBLIC's EXECUTE away from all of
-- them (V001's and these), so only the grants made one by one to the group roles stand. A later script that adds a
-- function revokes it too.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

-- Everyone reads the thread; nobody writes it but through add_note().
GRANT SELECT ON story_note TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER story_note_announced AFTER INSERT ON story_note
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
