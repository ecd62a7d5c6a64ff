-- WireDesk schema, version 4: what the headline editor keeps while a copy editor works.

-- The headline as last typed, saved within a second of each change, so a killed workstation loses nothing.
-- One row per story and member, overwritten as they type (revisions are kept in headline_draft).
CREATE TABLE headline_autosave (
    story_id  BIGINT        NOT NULL REFERENCES story (id),
    username  VARCHAR(64)   NOT NULL,
    headline  VARCHAR(1000) NOT NULL,
    saved_ms  BIGINT        NOT NULL,
    PRIMARY KEY (story_id, username)
);

-- Who is editing a story. Only the holder saves its headline; the claim's time is refreshed by every save, so a
-- claim left behind grows stale and a desk chief can take it over.
CREATE TABLE story_claim (
    story_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES story (id),
    username   VARCHAR(64)  NOT NULL,
    since_ms   BIGINT       NOT NULL,
    active_ms  BIGINT       NOT NULL
);
