-- WireDesk on PostgreSQL, version 4: the source withdrew a story we ran, as Derby's V010. When a published story's
-- source page answers 404 or 410 on a re-check, or its feed carries an RFC 6721 tombstone for it, a workstation
-- notes it here, and the desk chiefs are told, so they can kill our copy. An observation, not a decision: it stays
-- out of the history chain and changes nothing on the story. Append-only for everyone, the owner's functions
-- included; one row per story and kind of observation (a repeated sighting adds nothing); written as session_user
-- only through note_withdrawal(), by an editor or a desk chief, on a published story. Depends on nothing after V002.
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE SEQUENCE source_withdrawal_seq AS bigint START WITH 1;

CREATE TABLE source_withdrawal (
    id         bigint        NOT NULL DEFAULT nextval('source_withdrawal_seq') PRIMARY KEY,
    story_id   bigint        NOT NULL REFERENCES story (id),
    how        varchar(20)   NOT NULL,
    detail     varchar(1000) NOT NULL,
    noted_by   varchar(64)   NOT NULL,
    at_ms      bigint        NOT NULL,
    CONSTRAINT source_withdrawal_is_exact CHECK (how IN ('GONE_404', 'GONE_410', 'FEED_WITHDRAWN', 'AGENCY_WITHDREW')
        AND char_length(btrim(detail)) > 0),
    CONSTRAINT source_withdrawal_once UNIQUE (story_id, how)
);

CREATE TRIGGER source_withdrawal_is_kept BEFORE UPDATE OR DELETE ON source_withdrawal FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a note that the source withdrew a story is never rewritten or deleted');

CREATE TRIGGER source_withdrawal_is_never_truncated BEFORE TRUNCATE ON source_withdrawal FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('a note that the source withdrew a story is never deleted');

CREATE TRIGGER source_withdrawal_id_from_its_sequence BEFORE INSERT ON source_withdrawal FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('source_withdrawal_seq');

-- The only way to note one. True when it was noted, false when the same observation of the story is on record.
CREATE FUNCTION note_withdrawal(p_story bigint, p_how text, p_detail text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    added integer;
BEGIN
    IF NOT (holds('EDITOR') OR holds('DESK_CHIEF')) THEN
        PERFORM refuse('refused_by_the_workflow', 'a withdrawal is noted by an editor or a desk chief');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM story WHERE id = p_story AND status = 'PUBLISHED') THEN
        PERFORM refuse('refused_by_the_workflow', 'a withdrawal is noted on a published story only');
    END IF;
    INSERT INTO source_withdrawal (story_id, how, detail, noted_by, at_ms)
        VALUES (p_story, p_how, p_detail, session_user, now_ms())
        ON CONFLICT ON CONSTRAINT source_withdrawal_once DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added = 1;
END
$$;

-- Functions are executable by PUBLIC unless that is revoked from each (V002).
REVOKE EXECUTE ON FUNCTION note_withdrawal(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION note_withdrawal(bigint, text, text) TO wd_editor, wd_desk_chief;

-- Everyone sees what the sources withdrew; nobody writes it but through note_withdrawal().
GRANT SELECT ON source_withdrawal TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER source_withdrawal_announced AFTER INSERT ON source_withdrawal
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
