-- WireDesk on PostgreSQL, version 3: embargoes and schedules (ADR 17), as Derby's V009. An embargo is the time
-- before which a story may not run: stated by the source (written by the member who ingests the story, in the
-- transaction of its arrival) or set, moved or lifted by a desk chief. A schedule is when an approved story is to
-- run, set or cancelled by a desk chief; it belongs to the approval it follows. Both are history: a sixth kind of
-- row in the one chain (ChainLink.timing, computed here), append-only for everyone, the owner's functions
-- included, written as session_user only through set_timing(). The latest row of each kind holds (until_ms NULL:
-- lifted, cancelled). A first publication is refused, whoever writes it, while the latest embargo is later than
-- the publication's time or the server's clock.
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE SEQUENCE story_timing_seq AS bigint START WITH 1;

CREATE TABLE story_timing (
    id            bigint        NOT NULL DEFAULT nextval('story_timing_seq') PRIMARY KEY,
    story_id      bigint        NOT NULL REFERENCES story (id),
    kind          varchar(10)   NOT NULL,
    until_ms      bigint,
    reason        varchar(2000),
    actor         varchar(64)   NOT NULL,
    at_ms         bigint        NOT NULL,
    chain_seq     bigint        NOT NULL CONSTRAINT story_timing_chain UNIQUE,
    prev_hash     varchar(64)   NOT NULL,
    row_hash      varchar(64)   NOT NULL,
    CONSTRAINT story_timing_is_exact CHECK (kind IN ('EMBARGO', 'SCHEDULE') AND (until_ms IS NULL OR until_ms > 0))
);

CREATE INDEX story_timing_by_story_chain ON story_timing (story_id, kind, chain_seq);

CREATE FUNCTION chain_timing(prev text, seq bigint, story_id bigint, kind text, until_ms bigint, reason text,
                             actor text, at_ms bigint)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'TIMING', ARRAY[story_id::text, kind, until_ms::text, reason, actor,
                            at_ms::text]) $$;

-- A timing row takes the next link as every history row does: the database fills in the link under a lock on
-- chain_head, and the actor is session_user, whoever writes.
CREATE FUNCTION chain_the_timing() RETURNS trigger
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
    IF NEW.actor IS DISTINCT FROM session_user THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'an embargo or schedule is set as the member who sets it');
    END IF;
    NEW.chain_seq := head.seq + 1;
    NEW.prev_hash := head.row_hash;
    computed := chain_timing(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.kind, NEW.until_ms, NEW.reason,
                             NEW.actor, NEW.at_ms);
    IF NEW.row_hash IS NOT NULL AND NEW.row_hash <> computed THEN
        PERFORM refuse('history_chain_holds', 'a history row''s hash is the one the database computes');
    END IF;
    NEW.row_hash := computed;
    UPDATE chain_head SET seq = NEW.chain_seq, row_hash = NEW.row_hash WHERE one = 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_timing_is_chained BEFORE INSERT ON story_timing FOR EACH ROW
    EXECUTE FUNCTION chain_the_timing();

CREATE TRIGGER story_timing_id_from_its_sequence BEFORE INSERT ON story_timing FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('story_timing_seq');

CREATE TRIGGER story_timing_is_history BEFORE UPDATE OR DELETE ON story_timing FOR EACH ROW
    EXECUTE FUNCTION refuse_change('an embargo or schedule is never rewritten or deleted');

CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON story_timing FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');

-- The embargo that holds on a story now (NULL: none).
CREATE FUNCTION embargo_of(p_story bigint) RETURNS bigint
    LANGUAGE sql STABLE SET search_path = desk, pg_temp
    AS $$ SELECT until_ms FROM story_timing WHERE story_id = p_story AND kind = 'EMBARGO'
          ORDER BY chain_seq DESC LIMIT 1 $$;

-- The only way to set an embargo or schedule. An embargo: a desk chief on a story not yet run, or the member who
-- ingests the story, as its source stated it, in the transaction of its arrival as the next link after it. A
-- schedule: a desk chief on an approved story.
CREATE FUNCTION set_timing(p_story bigint, p_kind text, p_until_ms bigint, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    now_status text;
BEGIN
    SELECT status INTO now_status FROM story WHERE id = p_story FOR UPDATE;
    IF now_status IS NULL THEN
        PERFORM refuse('refused_by_the_workflow', 'no such story');
    END IF;
    IF p_kind = 'EMBARGO' THEN
        IF now_status IN ('PUBLISHED', 'KILLED') THEN
            PERFORM refuse('story_moved_meanwhile', format('the story is %s now', now_status));
        END IF;
        -- the source's own embargo: a time to come, the story's first timing row, in the transaction of its
        -- arrival as the next link after it (so nobody but a desk chief moves or lifts an embargo once set)
        IF NOT holds('DESK_CHIEF') AND NOT (p_until_ms IS NOT NULL AND p_until_ms > now_ms()
                AND NOT EXISTS (SELECT 1 FROM story_timing t WHERE t.story_id = p_story)
                AND EXISTS (SELECT 1 FROM status_change c, chain_head h
                            WHERE c.story_id = p_story AND c.from_status IS NULL AND c.actor = session_user
                              AND c.chain_seq = h.seq AND c.xmin = pg_current_xact_id()::xid)) THEN
            PERFORM refuse('refused_by_the_workflow',
                           'an embargo is set by a desk chief, or as the source states it when the story arrives');
        END IF;
    ELSIF p_kind = 'SCHEDULE' THEN
        IF NOT holds('DESK_CHIEF') THEN
            PERFORM refuse('refused_by_the_workflow', 'a schedule is set by a desk chief');
        END IF;
        IF now_status <> 'APPROVED' THEN
            PERFORM refuse('story_moved_meanwhile', format('the story is %s now', now_status));
        END IF;
    ELSE
        PERFORM refuse('refused_by_the_workflow', 'no such kind of timing');
    END IF;
    INSERT INTO story_timing (story_id, kind, until_ms, reason, actor, at_ms)
        VALUES (p_story, p_kind, p_until_ms, nullif(btrim(left(p_reason, 2000)), ''), session_user, now_ms());
END
$$;

ALTER FUNCTION set_timing(bigint, text, bigint, text) SET lock_timeout = '5s';

-- A story's arrival is recorded in the transaction that stored it (V001 did not ask): a story stored and left
-- without history cannot have its arrival, and with it the right to state an embargo, recorded later.
CREATE OR REPLACE FUNCTION record_arrival(p_story bigint, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    PERFORM 1 FROM story WHERE id = p_story AND status = 'NEW' AND arrived_in = pg_current_xact_id() FOR UPDATE;
    IF NOT FOUND OR EXISTS (SELECT 1 FROM status_change WHERE story_id = p_story) THEN
        PERFORM refuse('refused_by_the_workflow',
                       'only a new story without history records its arrival, in the transaction that stored it');
    END IF;
    INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms)
        VALUES (p_story, NULL, 'NEW', session_user, left(p_reason, 2000), now_ms());
END
$$;

ALTER FUNCTION record_arrival(bigint, text) SET lock_timeout = '5s';

-- Nothing runs a story before its embargo lifts: not the desk, not the command line, not the owner's functions.
CREATE FUNCTION publication_after_the_embargo() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NEW.kind = 'PUBLISHED' AND coalesce(embargo_of(NEW.story_id), 0) > least(NEW.at_ms, now_ms()) THEN
        PERFORM refuse('embargo_holds', 'an embargoed story is not published before its embargo lifts');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER publication_after_the_embargo BEFORE INSERT ON publication FOR EACH ROW
    EXECUTE FUNCTION publication_after_the_embargo();

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

GRANT EXECUTE ON FUNCTION chain_timing(text, bigint, bigint, text, bigint, text, text, bigint), embargo_of(bigint)
    TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT EXECUTE ON FUNCTION set_timing(bigint, text, bigint, text) TO wd_editor, wd_copy_editor, wd_desk_chief;

-- Everyone reads embargoes and schedules; nobody writes them but through set_timing().
GRANT SELECT ON story_timing TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER story_timing_announced AFTER INSERT ON story_timing
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
