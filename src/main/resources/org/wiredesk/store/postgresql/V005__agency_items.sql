-- WireDesk on PostgreSQL, version 5: what an agency's own format says about an item beyond its text (issue 13;
-- ADR 18), as Derby's V011: format, urgency, version, pubStatus, dateline and notes to the desk, kept as sent,
-- written with the story (or a later source version) in the transaction that stores it, never changed. A story
-- whose latest word from the agency is canceled or withheld cannot be approved.
-- Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

ALTER TABLE story ADD COLUMN format varchar(12), ADD COLUMN urgency smallint, ADD COLUMN agency_version varchar(64),
    ADD COLUMN pub_status varchar(10), ADD COLUMN dateline varchar(500),
    ADD CONSTRAINT story_agency_is_exact CHECK ((urgency IS NULL OR urgency BETWEEN 1 AND 9)
        AND (pub_status IS NULL OR pub_status IN ('USABLE', 'CANCELED', 'WITHHELD'))
        AND (format IS NULL OR format IN ('rss', 'atom', 'html', 'newsml-g2', 'ninjs')));

ALTER TABLE story_version ADD COLUMN urgency smallint, ADD COLUMN agency_version varchar(64),
    ADD COLUMN pub_status varchar(10),
    ADD CONSTRAINT version_agency_is_exact CHECK ((urgency IS NULL OR urgency BETWEEN 1 AND 9)
        AND (pub_status IS NULL OR pub_status IN ('USABLE', 'CANCELED', 'WITHHELD')));

CREATE TRIGGER story_agency_as_sent BEFORE UPDATE OF format, urgency, agency_version, pub_status, dateline ON story
    FOR EACH ROW EXECUTE FUNCTION refuse_change('what the agency sent is never changed');

CREATE SEQUENCE story_ed_note_seq AS bigint START WITH 1;

CREATE TABLE story_ed_note (
    id           bigint        NOT NULL DEFAULT nextval('story_ed_note_seq') PRIMARY KEY,
    story_id     bigint        NOT NULL REFERENCES story (id),
    version_id   bigint        REFERENCES story_version (id),
    position     integer       NOT NULL,
    note         varchar(4000) NOT NULL,
    publishable  smallint      NOT NULL,
    received_by  varchar(64)   DEFAULT session_user,
    CONSTRAINT ed_note_is_exact CHECK (publishable IN (0, 1) AND char_length(btrim(note)) > 0 AND position >= 0
                                       AND id > 0)
);

CREATE INDEX story_ed_note_by_story ON story_ed_note (story_id, id);

CREATE TRIGGER story_ed_note_is_kept BEFORE UPDATE OR DELETE ON story_ed_note FOR EACH ROW
    EXECUTE FUNCTION refuse_change('an agency''s note to the desk is never changed or deleted');

CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON story_ed_note FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');

CREATE TRIGGER story_ed_note_id_from_its_sequence BEFORE INSERT ON story_ed_note FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('story_ed_note_seq');

CREATE TRIGGER story_ed_note_by_the_member BEFORE INSERT ON story_ed_note FOR EACH ROW
    EXECUTE FUNCTION version_by_the_member();

-- A note arrives with what it was sent with: its story, or the later source version, in the same transaction.
CREATE FUNCTION ed_note_arrives_with_its_item() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NOT (NEW.version_id IS NULL AND EXISTS (SELECT 1 FROM story s WHERE s.id = NEW.story_id
                                               AND s.arrived_in = pg_current_xact_id())
            OR NEW.version_id IS NOT NULL AND EXISTS (SELECT 1 FROM story_version v WHERE v.id = NEW.version_id
                                               AND v.story_id = NEW.story_id AND v.xmin = pg_current_xact_id()::xid))
    THEN
        PERFORM refuse('refused_by_the_workflow', 'a note to the desk arrives with the item that carried it');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_ed_note_arrives_with_its_item BEFORE INSERT ON story_ed_note FOR EACH ROW
    EXECUTE FUNCTION ed_note_arrives_with_its_item();

-- The agency's latest word on a story: its latest source version's pubStatus, else the story's own.
CREATE FUNCTION agency_status_of(p_story bigint) RETURNS varchar
    LANGUAGE sql STABLE SET search_path = desk, pg_temp
    AS $$ SELECT coalesce((SELECT v.pub_status FROM story_version v WHERE v.story_id = p_story
                             AND v.pub_status IS NOT NULL ORDER BY v.id DESC LIMIT 1),
                          (SELECT s.pub_status FROM story s WHERE s.id = p_story), 'USABLE') $$;

CREATE FUNCTION approval_not_of_a_withdrawn_item() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF agency_status_of(NEW.story_id) <> 'USABLE' THEN
        PERFORM refuse('approval_covers_what_runs', 'the agency withdrew this item: it is not approved');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER approval_not_of_a_withdrawn_item BEFORE INSERT ON approval FOR EACH ROW
    EXECUTE FUNCTION approval_not_of_a_withdrawn_item();

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA desk FROM PUBLIC;

GRANT EXECUTE ON FUNCTION agency_status_of(bigint) TO wd_editor, wd_copy_editor, wd_desk_chief;

GRANT SELECT, INSERT ON story_ed_note TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT USAGE ON SEQUENCE story_ed_note_seq TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER story_ed_note_announced AFTER INSERT ON story_ed_note
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
