-- WireDesk on PostgreSQL, version 1: the desk of Derby's V001-V007 in one script, in one schema `desk`.
-- Run by the desk's owner (a LOGIN role with CREATEROLE that owns the empty database), in one transaction.
-- Who may do what lives in PostgreSQL's own terms:
--   * members are LOGIN roles (SCRAM passwords), their desk roles are memberships of the NOLOGIN group roles
--     wd_editor, wd_copy_editor, wd_desk_chief (the one truth; no user_role table);
--   * grants give members SELECT and only the writes their work needs; row-level security keeps a member's own
--     working state (claims, autosaves, read marks, candidates) their own;
--   * status moves and every history row go through SECURITY DEFINER functions that run as the owner, with a fixed
--     search_path, and check session_user's group roles with pg_has_role(session_user, ..., 'MEMBER');
--   * triggers hold what must hold for every writer, the owner's functions included: content is immutable,
--     history is append-only and chained (computed here, ChainLink's format), a story moves only with its history.
-- Refusals raise SQLState 23514 (check_violation) naming the rule as the constraint, as Derby's guard tables do.

DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'a desk needs a UTF8 database (this one is %)', current_setting('server_encoding');
    END IF;
    -- Group roles are the cluster's, not the database's: a second desk in the same cluster shares them.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wd_editor') THEN
        CREATE ROLE wd_editor NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wd_copy_editor') THEN
        CREATE ROLE wd_copy_editor NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wd_desk_chief') THEN
        CREATE ROLE wd_desk_chief NOLOGIN;
    END IF;
END
$$;

CREATE SCHEMA desk;

REVOKE ALL ON SCHEMA desk FROM PUBLIC;

GRANT USAGE ON SCHEMA desk TO wd_editor, wd_copy_editor, wd_desk_chief;

-- Functions are not executable by PUBLIC here; the workflow's are granted one by one below.
ALTER DEFAULT PRIVILEGES IN SCHEMA desk REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

SET LOCAL search_path = desk, pg_temp;

-- ---------------------------------------------------------------------------------------------------- tables

CREATE TABLE schema_version (
    version     integer      NOT NULL PRIMARY KEY,
    script      varchar(200) NOT NULL,
    applied_ms  bigint       NOT NULL
);

CREATE TABLE app_user (
    username      varchar(64)  NOT NULL PRIMARY KEY,
    display_name  varchar(200) NOT NULL,
    created_ms    bigint       NOT NULL,
    disabled_ms   bigint,
    -- a disabled member's desk roles, kept for when the owner lets them back (their memberships are revoked)
    disabled_roles varchar(100)
);

CREATE TABLE workflow_move (
    action        varchar(20) NOT NULL,
    from_status   varchar(20) NOT NULL,
    to_status     varchar(20) NOT NULL,
    role          varchar(20) NOT NULL CHECK (role IN ('EDITOR', 'COPY_EDITOR', 'DESK_CHIEF')),
    needs_reason  smallint    NOT NULL,
    PRIMARY KEY (action, from_status)
);

INSERT INTO workflow_move (action, from_status, to_status, role, needs_reason) VALUES
    ('SPIKE', 'NEW', 'SPIKED', 'EDITOR', 0),
    ('SPIKE', 'EDITING', 'SPIKED', 'EDITOR', 0),
    ('SPIKE', 'REJECTED', 'SPIKED', 'EDITOR', 0),
    ('UNSPIKE', 'SPIKED', 'NEW', 'EDITOR', 0),
    ('DRAFT', 'NEW', 'EDITING', 'COPY_EDITOR', 0),
    ('DRAFT', 'EDITING', 'EDITING', 'COPY_EDITOR', 0),
    ('DRAFT', 'REJECTED', 'EDITING', 'COPY_EDITOR', 0),
    ('SUBMIT', 'NEW', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('SUBMIT', 'EDITING', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('SUBMIT', 'REJECTED', 'SUBMITTED', 'COPY_EDITOR', 0),
    ('APPROVE', 'SUBMITTED', 'APPROVED', 'DESK_CHIEF', 0),
    ('REJECT', 'SUBMITTED', 'REJECTED', 'DESK_CHIEF', 1),
    ('PUBLISH', 'APPROVED', 'PUBLISHED', 'DESK_CHIEF', 0),
    ('HOLD', 'APPROVED', 'HELD', 'DESK_CHIEF', 1),
    ('SEND_BACK', 'HELD', 'REJECTED', 'DESK_CHIEF', 1),
    ('CORRECT', 'PUBLISHED', 'PUBLISHED', 'DESK_CHIEF', 1),
    ('KILL', 'PUBLISHED', 'KILLED', 'DESK_CHIEF', 1);

CREATE SEQUENCE story_seq AS bigint START WITH 1;

CREATE TABLE source (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             varchar(200)  NOT NULL,
    address          varchar(4000) NOT NULL CONSTRAINT source_address UNIQUE,
    kind             varchar(20)   NOT NULL,
    poll_seconds     integer       NOT NULL,
    credit           varchar(200),
    enabled          smallint      NOT NULL DEFAULT 1,
    etag             varchar(1000),
    last_modified    varchar(200),
    last_success_ms  bigint,
    last_error       varchar(2000),
    last_error_ms    bigint,
    failures         integer       NOT NULL DEFAULT 0,
    next_poll_ms     bigint        NOT NULL DEFAULT 0
);

CREATE TABLE story (
    id                    bigint        NOT NULL DEFAULT nextval('story_seq') PRIMARY KEY,
    dedup_hash            varchar(64)   NOT NULL CONSTRAINT story_dedup UNIQUE,
    dedup_key             varchar(4000) NOT NULL,
    source_name           varchar(200)  NOT NULL,
    url                   varchar(4000),
    agency_headline       varchar(1000) NOT NULL,
    byline                varchar(500),
    language              varchar(35),
    published_at_source   varchar(40),
    received_ms           bigint        NOT NULL,
    body_html             text          NOT NULL,
    body_sha256           varchar(64)   NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    body_html_sha256      varchar(64)   NOT NULL CHECK (body_html_sha256 ~ '^[0-9a-f]{64}$'),
    status                varchar(20)   NOT NULL CONSTRAINT story_status_is_exact CHECK (status IN ('NEW', 'EDITING',
                              'SUBMITTED', 'REJECTED', 'APPROVED', 'HELD', 'PUBLISHED', 'KILLED', 'SPIKED')),
    house_headline        varchar(1000) CONSTRAINT house_headline_is_exact CHECK (house_headline IS NULL
                              OR (char_length(house_headline) > 0 AND house_headline = btrim(house_headline))),
    updated_ms            bigint        NOT NULL,
    updated_at_source_ms  bigint,
    copy_of               bigint,
    cluster_id            bigint,
    minhash               varchar(1024),
    lead_terms            varchar(4000),
    source_id             bigint,
    priority              smallint      NOT NULL DEFAULT 0,
    -- the transaction that stored it (set by the database): its keys are written in that one only
    arrived_in            xid8,
    -- what every reader relies on (a row any member could otherwise insert would stop list and verify for all)
    CONSTRAINT story_id_is_positive CHECK (id > 0),
    CONSTRAINT agency_headline_has_words CHECK (agency_headline ~ '[^[:space:]\u00a0\u2007\u202f]'),
    CONSTRAINT story_url_is_an_address CHECK (url IS NULL
                                              OR url ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]<>"{}|\\^`]+$'),
    CONSTRAINT grouping_names_stories CHECK ((cluster_id IS NULL OR cluster_id > 0)
                                             AND (copy_of IS NULL OR copy_of > 0)),
    CONSTRAINT body_is_at_most_16_mb CHECK (octet_length(body_html) <= 16777216)
);

CREATE INDEX story_by_received ON story (received_ms DESC);
CREATE INDEX story_by_status ON story (status, received_ms DESC);
CREATE INDEX story_by_cluster ON story (cluster_id);
CREATE INDEX story_by_source ON story (source_id, received_ms);

CREATE TABLE story_key (
    key_hash  varchar(64) NOT NULL PRIMARY KEY,
    story_id  bigint      NOT NULL REFERENCES story (id)
);

CREATE SEQUENCE story_version_seq AS bigint START WITH 1;

CREATE TABLE story_version (
    id               bigint        NOT NULL DEFAULT nextval('story_version_seq') PRIMARY KEY,
    story_id         bigint        NOT NULL REFERENCES story (id),
    agency_headline  varchar(1000) NOT NULL,
    body_html        text          NOT NULL,
    body_sha256      varchar(64)   NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    received_ms      bigint        NOT NULL,
    CONSTRAINT version_id_is_positive CHECK (id > 0),
    CONSTRAINT version_headline_has_words CHECK (agency_headline ~ '[^[:space:]\u00a0\u2007\u202f]'),
    CONSTRAINT version_is_at_most_16_mb CHECK (octet_length(body_html) <= 16777216),
    -- who received it; empty only in versions kept before members signed in (a store copied from Derby)
    received_by      varchar(64)   DEFAULT session_user
);

CREATE INDEX story_version_by_story ON story_version (story_id, id);

-- The history: four tables, one chain over them (org.wiredesk.story.ChainLink), filled in by chain_the_row().
CREATE SEQUENCE headline_draft_seq AS bigint START WITH 1;

CREATE TABLE headline_draft (
    id          bigint        NOT NULL DEFAULT nextval('headline_draft_seq') PRIMARY KEY,
    story_id    bigint        NOT NULL REFERENCES story (id),
    headline    varchar(1000) NOT NULL CONSTRAINT headline_revision_is_exact
                                  CHECK (char_length(headline) > 0 AND headline = btrim(headline)),
    author      varchar(64)   NOT NULL,
    created_ms  bigint        NOT NULL,
    chain_seq   bigint        NOT NULL CONSTRAINT headline_draft_chain UNIQUE,
    prev_hash   varchar(64)   NOT NULL,
    row_hash    varchar(64)   NOT NULL
);

CREATE INDEX headline_draft_by_story_chain ON headline_draft (story_id, chain_seq);

CREATE SEQUENCE status_change_seq AS bigint START WITH 1;

CREATE TABLE status_change (
    id           bigint        NOT NULL DEFAULT nextval('status_change_seq') PRIMARY KEY,
    story_id     bigint        NOT NULL REFERENCES story (id),
    from_status  varchar(20),
    to_status    varchar(20)   NOT NULL,
    actor        varchar(64)   NOT NULL,
    reason       varchar(2000),
    at_ms        bigint        NOT NULL,
    chain_seq    bigint        NOT NULL CONSTRAINT status_change_chain UNIQUE,
    prev_hash    varchar(64)   NOT NULL,
    row_hash     varchar(64)   NOT NULL
);

CREATE INDEX status_change_by_story_chain ON status_change (story_id, chain_seq);

CREATE SEQUENCE approval_seq AS bigint START WITH 1;

CREATE TABLE approval (
    id                bigint        NOT NULL DEFAULT nextval('approval_seq') PRIMARY KEY,
    story_id          bigint        NOT NULL REFERENCES story (id),
    headline          varchar(1000) NOT NULL,
    body_sha256       varchar(64)   NOT NULL,
    body_html_sha256  varchar(64)   NOT NULL,
    actor             varchar(64)   NOT NULL,
    self_approved     smallint      NOT NULL CHECK (self_approved IN (0, 1)),
    at_ms             bigint        NOT NULL,
    chain_seq         bigint        NOT NULL CONSTRAINT approval_chain UNIQUE,
    prev_hash         varchar(64)   NOT NULL,
    row_hash          varchar(64)   NOT NULL
);

CREATE INDEX approval_by_story ON approval (story_id, chain_seq);

CREATE SEQUENCE publication_seq AS bigint START WITH 1;

CREATE TABLE publication (
    id           bigint        NOT NULL DEFAULT nextval('publication_seq') PRIMARY KEY,
    story_id     bigint        NOT NULL REFERENCES story (id),
    kind         varchar(20)   NOT NULL CHECK (kind IN ('PUBLISHED', 'CORRECTED', 'KILLED')),
    headline     varchar(1000) NOT NULL,
    body_sha256  varchar(64)   NOT NULL,
    actor        varchar(64)   NOT NULL,
    at_ms        bigint        NOT NULL,
    location     varchar(4000) CONSTRAINT location_is_a_site_path CHECK (location ~ '^[a-z0-9][a-z0-9/._-]*$'),
    note         varchar(2000),
    signature    varchar(200)  CONSTRAINT signature_is_ed25519 CHECK (signature ~ '^[A-Za-z0-9+/]{86}==$'),
    chain_seq    bigint        NOT NULL CONSTRAINT publication_chain UNIQUE,
    prev_hash    varchar(64)   NOT NULL,
    row_hash     varchar(64)   NOT NULL
);

CREATE INDEX publication_by_time ON publication (at_ms DESC);
CREATE INDEX publication_by_story_chain ON publication (story_id, chain_seq);

CREATE TABLE chain_head (
    one       smallint    NOT NULL PRIMARY KEY CONSTRAINT chain_head_is_one_row CHECK (one = 1),
    seq       bigint      NOT NULL,
    row_hash  varchar(64) NOT NULL
);

INSERT INTO chain_head (one, seq, row_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE quarantine (
    id           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin       varchar(4000) NOT NULL,
    reason       varchar(2000) NOT NULL,
    content      bytea         CONSTRAINT quarantined_at_most_16_mb CHECK (octet_length(content) <= 16777216),
    received_ms  bigint        NOT NULL,
    retried_ms   bigint
);

CREATE TABLE desk_setting (
    name   varchar(100)  NOT NULL PRIMARY KEY,
    value  varchar(4000) NOT NULL
);

CREATE TABLE desk_policy (
    name   varchar(100)  NOT NULL PRIMARY KEY,
    value  varchar(4000) NOT NULL
);

CREATE TABLE desk_key (
    id           bigint        NOT NULL PRIMARY KEY,
    public_key   varchar(4000) NOT NULL,
    private_key  varchar(4000) NOT NULL,
    created_ms   bigint        NOT NULL,
    retired_ms   bigint
);

CREATE VIEW desk_public_key (id, public_key, created_ms, retired_ms) AS
    SELECT id, public_key, created_ms, retired_ms FROM desk_key;

CREATE TABLE headline_autosave (
    story_id  bigint        NOT NULL REFERENCES story (id),
    username  varchar(64)   NOT NULL DEFAULT session_user,
    headline  varchar(1000) NOT NULL,
    saved_ms  bigint        NOT NULL,
    PRIMARY KEY (story_id, username)
);

CREATE TABLE story_claim (
    story_id   bigint      NOT NULL PRIMARY KEY REFERENCES story (id),
    username   varchar(64) NOT NULL DEFAULT session_user,
    since_ms   bigint      NOT NULL,
    active_ms  bigint      NOT NULL
);

CREATE SEQUENCE headline_candidate_seq AS bigint START WITH 1;

CREATE TABLE headline_candidate (
    id          bigint        NOT NULL DEFAULT nextval('headline_candidate_seq') PRIMARY KEY,
    story_id    bigint        NOT NULL REFERENCES story (id),
    headline    varchar(1000) NOT NULL,
    author      varchar(64)   NOT NULL DEFAULT session_user,
    created_ms  bigint        NOT NULL,
    CONSTRAINT candidate_id_is_positive CHECK (id > 0),
    CONSTRAINT candidate_is_exact CHECK (char_length(headline) > 0 AND headline = btrim(headline))
);

CREATE INDEX headline_candidate_by_story ON headline_candidate (story_id, id);

CREATE TABLE story_read (
    story_id  bigint      NOT NULL REFERENCES story (id),
    username  varchar(64) NOT NULL DEFAULT session_user,
    read_ms   bigint      NOT NULL,
    PRIMARY KEY (story_id, username)
);

-- Who holds which desk role, read from PostgreSQL's memberships (for screens and verify).
CREATE VIEW user_role (username, role) AS
    SELECT m.rolname::varchar(64), upper(substr(g.rolname, 4))::varchar(20)
    FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
    WHERE g.rolname IN ('wd_editor', 'wd_copy_editor', 'wd_desk_chief')
    UNION
    SELECT u.username, r.role::varchar(20)
    FROM app_user u, unnest(string_to_array(u.disabled_roles, ',')) AS r (role)
    WHERE u.disabled_ms IS NOT NULL;

-- ------------------------------------------------------------------------------------- the chain, in SQL

-- One field of a link: "-" for null, else its length in code points, ":", the value; then a newline.
CREATE FUNCTION chain_field(v text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN v IS NULL THEN '-' ELSE char_length(v)::text || ':' || v END || E'\n' $$;

-- The link of ChainLink.link: lower-case hex SHA-256 of the UTF-8 bytes of the canonical text.
CREATE FUNCTION chain_link(prev text, seq bigint, kind text, fields text[]) RETURNS varchar(64)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = desk, pg_temp
    AS $$
        SELECT encode(sha256(convert_to('wiredesk-chain-v1' || E'\n' || prev || E'\n' || seq::text || E'\n'
                   || kind || E'\n'
                   || coalesce((SELECT string_agg(chain_field(f), '' ORDER BY i)
                                FROM unnest(fields) WITH ORDINALITY AS u (f, i)), ''), 'UTF8')), 'hex')
    $$;

CREATE FUNCTION chain_headline(prev text, seq bigint, story_id bigint, headline text, author text, at_ms bigint)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'HEADLINE', ARRAY[story_id::text, headline, author, at_ms::text]) $$;

CREATE FUNCTION chain_status(prev text, seq bigint, story_id bigint, from_status text, to_status text, actor text,
                             reason text, at_ms bigint)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'STATUS',
                            ARRAY[story_id::text, from_status, to_status, actor, reason, at_ms::text]) $$;

CREATE FUNCTION chain_approval(prev text, seq bigint, story_id bigint, headline text, body_sha256 text,
                               body_html_sha256 text, actor text, self_approved integer, at_ms bigint)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'APPROVAL', ARRAY[story_id::text, headline, body_sha256, body_html_sha256,
                            actor, self_approved::text, at_ms::text]) $$;

CREATE FUNCTION chain_publication(prev text, seq bigint, story_id bigint, kind text, headline text,
                                  body_sha256 text, actor text, at_ms bigint, note text, signature text)
    RETURNS varchar(64) LANGUAGE sql IMMUTABLE SET search_path = desk, pg_temp
    AS $$ SELECT chain_link(prev, seq, 'PUBLICATION', ARRAY[story_id::text, kind, headline, body_sha256, actor,
                            at_ms::text, note, signature]) $$;

GRANT EXECUTE ON FUNCTION chain_field(text), chain_link(text, bigint, text, text[]),
    chain_headline(text, bigint, bigint, text, text, bigint),
    chain_status(text, bigint, bigint, text, text, text, text, bigint),
    chain_approval(text, bigint, bigint, text, text, text, text, integer, bigint),
    chain_publication(text, bigint, bigint, text, text, text, text, bigint, text, text)
    TO wd_editor, wd_copy_editor, wd_desk_chief;

-- ------------------------------------------------------------------------------------------- helpers

CREATE FUNCTION refuse(rule text, message text) RETURNS void
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = rule, MESSAGE = message; END $$;

-- The desk's clock is the server's, so no workstation's clock reaches the history.
CREATE FUNCTION now_ms() RETURNS bigint
    LANGUAGE sql VOLATILE
    AS $$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $$;

-- Whether the signed-in member holds a desk role ('EDITOR', 'COPY_EDITOR', 'DESK_CHIEF').
CREATE FUNCTION holds(role text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = desk, pg_temp
    AS $$ SELECT role IN ('EDITOR', 'COPY_EDITOR', 'DESK_CHIEF')
                 AND pg_has_role(session_user, 'wd_' || lower(role), 'MEMBER') $$;

GRANT EXECUTE ON FUNCTION now_ms(), holds(text) TO wd_editor, wd_copy_editor, wd_desk_chief;

GRANT EXECUTE ON FUNCTION refuse(text, text) TO wd_editor, wd_copy_editor, wd_desk_chief;

-- ------------------------------------------------------------------ triggers: what holds for every writer

CREATE FUNCTION refuse_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$ BEGIN PERFORM refuse('no_change_to_the_content', TG_ARGV[0]); RETURN NULL; END $$;

-- Naming a content column in an UPDATE is refused, even SET body_html = body_html (as on Derby).
CREATE TRIGGER story_content_is_immutable
    BEFORE UPDATE OF body_html, body_sha256, body_html_sha256, agency_headline, dedup_hash, dedup_key, source_name,
                     url, received_ms, id, arrived_in
    ON story FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a stored story body, agency headline or source is never changed');

CREATE TRIGGER story_is_never_deleted BEFORE DELETE ON story FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a stored story is never deleted: spike or kill it');

CREATE TRIGGER story_is_never_truncated BEFORE TRUNCATE ON story FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('a stored story is never deleted: spike or kill it');

CREATE TRIGGER story_key_is_kept BEFORE UPDATE OR DELETE ON story_key FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a story''s keys are never changed');

CREATE TRIGGER story_version_is_history BEFORE UPDATE OR DELETE ON story_version FOR EACH ROW
    EXECUTE FUNCTION refuse_change('a source version is never rewritten or deleted');

CREATE TRIGGER headline_draft_is_history BEFORE UPDATE OR DELETE ON headline_draft FOR EACH ROW
    EXECUTE FUNCTION refuse_change('headline history is never rewritten or deleted');

CREATE TRIGGER status_change_is_history BEFORE UPDATE OR DELETE ON status_change FOR EACH ROW
    EXECUTE FUNCTION refuse_change('status history is never rewritten or deleted');

CREATE TRIGGER approval_is_history BEFORE UPDATE OR DELETE ON approval FOR EACH ROW
    EXECUTE FUNCTION refuse_change('approval history is never rewritten or deleted');

CREATE TRIGGER publication_is_history BEFORE UPDATE OR DELETE ON publication FOR EACH ROW
    EXECUTE FUNCTION refuse_change('publication history is never rewritten or deleted');

CREATE TRIGGER candidate_is_history BEFORE UPDATE OR DELETE ON headline_candidate FOR EACH ROW
    EXECUTE FUNCTION refuse_change('headline candidates are never rewritten or deleted');

CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON headline_draft FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON status_change FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON approval FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON publication FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON story_version FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('history is never deleted');

-- Every history row takes the next link: the database fills in chain_seq, prev_hash and row_hash (a value sent
-- that differs is refused), holds chain_head locked until commit (writers take turns, no lost link), and
-- requires the actor to be session_user. SECURITY DEFINER: members cannot read-lock chain_head themselves.
CREATE FUNCTION chain_the_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    head record;
    who text;
    computed varchar(64);
BEGIN
    SELECT seq, row_hash INTO head FROM chain_head WHERE one = 1 FOR UPDATE;
    IF NEW.chain_seq IS NOT NULL AND NEW.chain_seq <> head.seq + 1
       OR NEW.prev_hash IS NOT NULL AND NEW.prev_hash <> head.row_hash THEN
        PERFORM refuse('history_chain_holds', 'a history row must extend the chain at its head');
    END IF;
    NEW.chain_seq := head.seq + 1;
    NEW.prev_hash := head.row_hash;
    IF TG_TABLE_NAME = 'headline_draft' THEN
        who := NEW.author;
        computed := chain_headline(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.headline, NEW.author,
                                   NEW.created_ms);
    ELSIF TG_TABLE_NAME = 'status_change' THEN
        who := NEW.actor;
        computed := chain_status(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.from_status, NEW.to_status,
                                 NEW.actor, NEW.reason, NEW.at_ms);
    ELSIF TG_TABLE_NAME = 'approval' THEN
        who := NEW.actor;
        computed := chain_approval(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.headline, NEW.body_sha256,
                                   NEW.body_html_sha256, NEW.actor, NEW.self_approved, NEW.at_ms);
    ELSE
        who := NEW.actor;
        computed := chain_publication(NEW.prev_hash, NEW.chain_seq, NEW.story_id, NEW.kind, NEW.headline,
                                      NEW.body_sha256, NEW.actor, NEW.at_ms, NEW.note, NEW.signature);
    END IF;
    IF who IS DISTINCT FROM session_user THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'a history row is written as the signed-in member');
    END IF;
    IF NEW.row_hash IS NOT NULL AND NEW.row_hash <> computed THEN
        PERFORM refuse('history_chain_holds', 'a history row''s hash is the one the database computes');
    END IF;
    NEW.row_hash := computed;
    UPDATE chain_head SET seq = NEW.chain_seq, row_hash = NEW.row_hash WHERE one = 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER headline_draft_is_chained BEFORE INSERT ON headline_draft FOR EACH ROW
    EXECUTE FUNCTION chain_the_row();
CREATE TRIGGER status_change_is_chained BEFORE INSERT ON status_change FOR EACH ROW
    EXECUTE FUNCTION chain_the_row();
CREATE TRIGGER approval_is_chained BEFORE INSERT ON approval FOR EACH ROW
    EXECUTE FUNCTION chain_the_row();
CREATE TRIGGER publication_is_chained BEFORE INSERT ON publication FOR EACH ROW
    EXECUTE FUNCTION chain_the_row();

-- A story enters the desk new, without a house headline, with its markup fingerprint, under an id the sequence
-- already handed out (so no member takes the id the desk gives next).
CREATE FUNCTION story_arrives_new() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NOT (NEW.status = 'NEW' AND NEW.house_headline IS NULL AND NEW.priority = 0
            AND NEW.body_html_sha256 = encode(sha256(convert_to(NEW.body_html, 'UTF8')), 'hex')
            AND NEW.id <= (SELECT last_value FROM story_seq)) THEN
        PERFORM refuse('refused_by_the_workflow', 'a story enters the desk as new, as its fingerprints say');
    END IF;
    NEW.arrived_in := pg_current_xact_id();
    RETURN NEW;
END
$$;

CREATE TRIGGER story_arrives_new BEFORE INSERT ON story FOR EACH ROW EXECUTE FUNCTION story_arrives_new();

-- A story is found again only by the keys it arrived with: its keys are written in the transaction that stored it,
-- at most two (its guid and its URL), so no member files a future item under a story that is already there.
CREATE FUNCTION key_arrives_with_its_story() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM story s WHERE s.id = NEW.story_id AND s.arrived_in = pg_current_xact_id())
       OR EXISTS (SELECT 1 FROM status_change c WHERE c.story_id = NEW.story_id)
       OR (SELECT count(*) FROM story_key k WHERE k.story_id = NEW.story_id) >= 2 THEN
        PERFORM refuse('refused_by_the_workflow', 'a story is known only by the guid and URL it arrived with');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER key_arrives_with_its_story BEFORE INSERT ON story_key FOR EACH ROW
    EXECUTE FUNCTION key_arrives_with_its_story();

-- A shared desk polls the web only: a drop folder is a path on whichever workstation polls it, so a member could
-- make every colleague's workstation read its own files into the desk (and move them away).
CREATE FUNCTION source_is_on_the_web() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NEW.kind NOT IN ('FEED', 'PAGE') OR NEW.address !~* '^https?://[^/[:space:]]' THEN
        PERFORM refuse('shared_desk_polls_the_web', 'a shared desk polls web sources only');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER source_is_on_the_web BEFORE INSERT OR UPDATE OF kind, address ON source
    FOR EACH ROW EXECUTE FUNCTION source_is_on_the_web();

-- Ids come from their sequences: no member takes an id the desk hands out next, and so blocks another's insert.
CREATE FUNCTION id_from_its_sequence() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    handed_out bigint;
BEGIN
    EXECUTE format('SELECT last_value FROM %I', TG_ARGV[0]) INTO handed_out;
    IF NEW.id > handed_out THEN
        PERFORM refuse('refused_by_the_workflow', 'an id comes from its sequence');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_version_id_from_its_sequence BEFORE INSERT ON story_version FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('story_version_seq');
CREATE TRIGGER headline_candidate_id_from_its_sequence BEFORE INSERT ON headline_candidate FOR EACH ROW
    EXECUTE FUNCTION id_from_its_sequence('headline_candidate_seq');

CREATE FUNCTION version_by_the_member() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NEW.received_by IS DISTINCT FROM session_user THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'a source version is recorded as the member who received it');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_version_by_the_member BEFORE INSERT ON story_version FOR EACH ROW
    EXECUTE FUNCTION version_by_the_member();

-- A story's status and house headline move only with their history row, written just before by the same member
-- (so the owner's own functions cannot skip it, and neither can the owner at a psql prompt).
CREATE FUNCTION story_moves_with_its_history() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
            SELECT 1 FROM status_change c
            WHERE c.story_id = NEW.id AND c.from_status = OLD.status AND c.to_status = NEW.status
              AND c.actor = session_user
              AND c.chain_seq = (SELECT max(m.chain_seq) FROM status_change m WHERE m.story_id = NEW.id)) THEN
        PERFORM refuse('refused_by_the_workflow', 'a story moves only with its status change recorded first');
    END IF;
    IF NEW.house_headline IS DISTINCT FROM OLD.house_headline AND NOT EXISTS (
            SELECT 1 FROM headline_draft d
            WHERE d.story_id = NEW.id AND d.headline = NEW.house_headline AND d.author = session_user
              AND d.chain_seq = (SELECT max(m.chain_seq) FROM headline_draft m WHERE m.story_id = NEW.id)) THEN
        PERFORM refuse('refused_by_the_workflow', 'a house headline changes only by its recorded revision');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER story_moves_with_its_history BEFORE UPDATE OF status, house_headline ON story FOR EACH ROW
    EXECUTE FUNCTION story_moves_with_its_history();

-- ------------------------------------------- the workflow: SECURITY DEFINER functions, the only way to move

-- The first history row of a story just ingested (any member ingests).
CREATE FUNCTION record_arrival(p_story bigint, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
BEGIN
    PERFORM 1 FROM story WHERE id = p_story AND status = 'NEW' FOR UPDATE;
    IF NOT FOUND OR EXISTS (SELECT 1 FROM status_change WHERE story_id = p_story) THEN
        PERFORM refuse('refused_by_the_workflow', 'only a new story without history records its arrival');
    END IF;
    INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms)
        VALUES (p_story, NULL, 'NEW', session_user, left(p_reason, 2000), now_ms());
END
$$;

-- A status move the member's roles hold, from the status the member saw (else: the story moved meanwhile).
-- Approval, publication, correction and kill have their own functions, which record what they cover.
CREATE FUNCTION move(p_story bigint, p_from text, p_to text, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    now_status text;
    allowed record;
BEGIN
    SELECT status INTO now_status FROM story WHERE id = p_story FOR UPDATE;
    IF now_status IS NULL THEN
        PERFORM refuse('refused_by_the_workflow', 'no such story');
    ELSIF now_status IS DISTINCT FROM p_from THEN
        PERFORM refuse('story_moved_meanwhile', format('the story is %s now, not %s', now_status, p_from));
    END IF;
    IF p_to = 'APPROVED' OR (p_from = 'APPROVED' AND p_to = 'PUBLISHED') OR p_from = 'PUBLISHED' THEN
        PERFORM refuse('refused_by_the_workflow', 'approval, publication, correction and kill record what they cover');
    END IF;
    SELECT * INTO allowed FROM workflow_move w
        WHERE w.from_status = p_from AND w.to_status = p_to AND holds(w.role) LIMIT 1;
    IF NOT FOUND THEN
        PERFORM refuse('refused_by_the_workflow', 'this status move is not one the member''s roles allow');
    ELSIF allowed.needs_reason = 1 AND nullif(btrim(p_reason), '') IS NULL THEN
        PERFORM refuse('refused_by_the_workflow', 'this move needs a reason');
    END IF;
    INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms)
        VALUES (p_story, p_from, p_to, session_user, p_reason, now_ms());
    UPDATE story SET status = p_to, updated_ms = now_ms() WHERE id = p_story;
END
$$;

-- A house headline revision by a copy editor, before submission (a correction goes through publish()).
CREATE FUNCTION revise_headline(p_story bigint, p_expected text, p_headline text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    now_status text;
BEGIN
    SELECT status INTO now_status FROM story WHERE id = p_story FOR UPDATE;
    IF now_status IS DISTINCT FROM p_expected THEN
        PERFORM refuse('story_moved_meanwhile', format('the story is %s now, not %s', now_status, p_expected));
    END IF;
    IF NOT (now_status IN ('NEW', 'EDITING', 'REJECTED') AND holds('COPY_EDITOR')) THEN
        PERFORM refuse('refused_by_the_workflow', 'this member may not write this story''s headline now');
    END IF;
    INSERT INTO headline_draft (story_id, headline, author, created_ms)
        VALUES (p_story, p_headline, session_user, now_ms());
    UPDATE story SET house_headline = p_headline, updated_ms = now_ms() WHERE id = p_story;
END
$$;

-- Approval by a desk chief: a submitted story with a web source, exactly the headline and body the member saw,
-- four eyes unless the owner made this a one-person desk (then recorded as self-approved; the database decides).
CREATE FUNCTION approve(p_story bigint, p_headline text, p_body_sha256 text, p_body_html_sha256 text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    s story;
    own boolean;
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
        PERFORM refuse('approval_covers_what_runs', 'no URL, no approval: every page ends with its source and URL');
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
    UPDATE story SET status = 'APPROVED', updated_ms = now_ms() WHERE id = p_story;
    RETURN own;
END
$$;

-- Publication events by a desk chief: the first run of exactly what was approved, a correction, or a kill.
CREATE FUNCTION publish(p_story bigint, p_kind text, p_location text, p_note text, p_signature text,
                        p_at_ms bigint, p_headline text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = desk, pg_temp
    AS $$
DECLARE
    s story;
    a approval;
    next_status text;
    expected text;
BEGIN
    IF NOT holds('DESK_CHIEF') THEN
        PERFORM refuse('acts_only_as_the_signed_in_member', 'a publication is made by a desk chief');
    END IF;
    SELECT * INTO s FROM story WHERE id = p_story FOR UPDATE;
    -- the page is signed with its publication time before this row is written: the member's clock, which the
    -- server holds to within five minutes of its own
    IF p_at_ms IS NULL OR abs(p_at_ms - now_ms()) > 300000 THEN
        PERFORM refuse('clock_within_five_minutes', 'a publication''s time is within five minutes of the desk''s clock');
    END IF;
    expected := CASE WHEN p_kind = 'PUBLISHED' THEN 'APPROVED' ELSE 'PUBLISHED' END;
    IF s.status IS DISTINCT FROM expected THEN
        PERFORM refuse('story_moved_meanwhile', format('the story is %s now', s.status));
    END IF;
    IF p_kind = 'PUBLISHED' THEN
        SELECT * INTO a FROM approval WHERE story_id = p_story ORDER BY chain_seq DESC LIMIT 1;
        IF s.status IS DISTINCT FROM 'APPROVED' OR a.id IS NULL
           OR a.headline IS DISTINCT FROM coalesce(s.house_headline, s.agency_headline)
           OR a.body_sha256 <> s.body_sha256 OR a.body_html_sha256 <> s.body_html_sha256 THEN
            PERFORM refuse('approval_covers_what_runs', 'a publication runs the approved headline and body');
        END IF;
        next_status := 'PUBLISHED';
    ELSIF p_kind IN ('CORRECTED', 'KILLED') THEN
        IF s.status IS DISTINCT FROM 'PUBLISHED' OR nullif(btrim(p_note), '') IS NULL THEN
            PERFORM refuse('refused_by_the_workflow', 'a published story is corrected or killed with a reason');
        END IF;
        IF p_kind = 'CORRECTED' THEN
            -- the corrected headline, its revision and the correction's record, in this one call
            IF p_headline IS NULL THEN
                PERFORM refuse('refused_by_the_workflow', 'a correction gives the corrected headline');
            END IF;
            INSERT INTO headline_draft (story_id, headline, author, created_ms)
                VALUES (p_story, p_headline, session_user, now_ms());
            UPDATE story SET house_headline = p_headline WHERE id = p_story;
            s.house_headline := p_headline;
        ELSIF p_headline IS NOT NULL THEN
            PERFORM refuse('refused_by_the_workflow', 'only a correction changes the headline');
        END IF;
        next_status := CASE WHEN p_kind = 'KILLED' THEN 'KILLED' ELSE 'PUBLISHED' END;
    ELSE
        PERFORM refuse('refused_by_the_workflow', 'no such publication kind');
    END IF;
    INSERT INTO publication (story_id, kind, headline, body_sha256, actor, at_ms, location, note, signature)
        VALUES (p_story, p_kind, coalesce(s.house_headline, s.agency_headline), s.body_sha256, session_user,
                p_at_ms, p_location, p_note, p_signature);
    INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms)
        VALUES (p_story, s.status, next_status, session_user, p_note, now_ms());
    UPDATE story SET status = next_status, updated_ms = now_ms() WHERE id = p_story;
END
$$;

GRANT EXECUTE ON FUNCTION record_arrival(bigint, text) TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT EXECUTE ON FUNCTION move(bigint, text, text, text) TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT EXECUTE ON FUNCTION revise_headline(bigint, text, text) TO wd_copy_editor, wd_desk_chief;
GRANT EXECUTE ON FUNCTION approve(bigint, text, text, text) TO wd_desk_chief;
GRANT EXECUTE ON FUNCTION publish(bigint, text, text, text, text, bigint, text) TO wd_desk_chief;

-- ---------------------------------------------------------------------------- grants: least privilege

-- Everyone reads the desk (not the private signing keys).
GRANT SELECT ON app_user, workflow_move, source, story, story_key, story_version, headline_draft, status_change,
    approval, publication, chain_head, quarantine, desk_setting, desk_policy, desk_public_key, headline_autosave,
    story_claim, headline_candidate, story_read, user_role, schema_version
    TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT SELECT ON desk_key TO wd_desk_chief;

-- Ingest runs on every workstation: new stories, their keys, later versions, quarantine; grouping and polling.
GRANT INSERT ON story, story_key, story_version, quarantine TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT USAGE ON SEQUENCE story_seq, story_version_seq TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT UPDATE (copy_of, cluster_id, minhash, lead_terms, updated_at_source_ms) ON story
    TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT UPDATE (retried_ms) ON quarantine TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT UPDATE (etag, last_modified, last_success_ms, last_error, last_error_ms, failures, next_poll_ms) ON source
    TO wd_editor, wd_copy_editor, wd_desk_chief;

-- Editors: priority and the sources.
GRANT UPDATE (priority) ON story TO wd_editor;
GRANT INSERT, UPDATE, DELETE ON source TO wd_editor;

-- A member's own working state (row-level security below keeps it their own).
GRANT INSERT, UPDATE, DELETE ON story_read, desk_setting TO wd_editor, wd_copy_editor, wd_desk_chief;
GRANT INSERT, UPDATE, DELETE ON headline_autosave, story_claim TO wd_copy_editor, wd_desk_chief;
GRANT INSERT ON headline_candidate TO wd_copy_editor;
GRANT USAGE ON SEQUENCE headline_candidate_seq TO wd_copy_editor;

ALTER TABLE story_read ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read_marks ON story_read USING (true)
    WITH CHECK (username = session_user);
CREATE POLICY own_read_marks_change ON story_read AS RESTRICTIVE FOR UPDATE USING (username = session_user);
CREATE POLICY own_read_marks_delete ON story_read AS RESTRICTIVE FOR DELETE USING (username = session_user);

ALTER TABLE headline_autosave ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_autosaves ON headline_autosave USING (true) WITH CHECK (username = session_user);
CREATE POLICY own_autosaves_change ON headline_autosave AS RESTRICTIVE FOR UPDATE USING (username = session_user);
CREATE POLICY own_autosaves_delete ON headline_autosave AS RESTRICTIVE FOR DELETE USING (username = session_user);

-- A claim is taken for oneself; only a desk chief takes over another's; one releases only one's own.
ALTER TABLE story_claim ENABLE ROW LEVEL SECURITY;
CREATE POLICY claims ON story_claim USING (true) WITH CHECK (username = session_user);
CREATE POLICY claims_taken_over ON story_claim AS RESTRICTIVE FOR UPDATE
    USING (username = session_user OR pg_has_role(session_user, 'wd_desk_chief', 'MEMBER'));
CREATE POLICY claims_released ON story_claim AS RESTRICTIVE FOR DELETE USING (username = session_user);

ALTER TABLE headline_candidate ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_candidates ON headline_candidate USING (true) WITH CHECK (author = session_user);

-- Saved inbox views are everyone's; the rest of the desk's settings the desk chief's.
ALTER TABLE desk_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings ON desk_setting USING (true)
    WITH CHECK (name = 'inbox.saved-views' OR pg_has_role(session_user, 'wd_desk_chief', 'MEMBER'));
CREATE POLICY settings_changed ON desk_setting AS RESTRICTIVE FOR UPDATE
    USING (name = 'inbox.saved-views' OR pg_has_role(session_user, 'wd_desk_chief', 'MEMBER'));
CREATE POLICY settings_removed ON desk_setting AS RESTRICTIVE FOR DELETE
    USING (name = 'inbox.saved-views' OR pg_has_role(session_user, 'wd_desk_chief', 'MEMBER'));

-- ------------------------------------------------------------------- live: other workstations follow at once

-- Every change a screen shows is announced on channel 'wiredesk' when its transaction commits (NOTIFY is
-- transactional and folds repeats within one transaction); the payload is the table's name, no content.
CREATE FUNCTION announce_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = desk, pg_temp
    AS $$ BEGIN PERFORM pg_notify('wiredesk', TG_TABLE_NAME); RETURN NULL; END $$;

GRANT EXECUTE ON FUNCTION announce_change() TO wd_editor, wd_copy_editor, wd_desk_chief;

CREATE TRIGGER story_announced AFTER INSERT OR UPDATE ON story
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER status_change_announced AFTER INSERT ON status_change
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER headline_draft_announced AFTER INSERT ON headline_draft
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER story_claim_announced AFTER INSERT OR UPDATE OF username OR DELETE ON story_claim
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER source_announced AFTER INSERT OR DELETE ON source
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER quarantine_announced AFTER INSERT OR UPDATE ON quarantine
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();

-- A member who holds the history's lock (a transaction left open in psql) holds every other member's step too:
-- the workflow waits five seconds at most, then the step fails and is tried again (the DBA also sets
-- idle_in_transaction_session_timeout, docs/shared-desk.md).
ALTER FUNCTION record_arrival(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION move(bigint, text, text, text) SET lock_timeout = '5s';
ALTER FUNCTION revise_headline(bigint, text, text) SET lock_timeout = '5s';
ALTER FUNCTION approve(bigint, text, text, text) SET lock_timeout = '5s';
ALTER FUNCTION publish(bigint, text, text, text, text, bigint, text) SET lock_timeout = '5s';
