-- WireDesk on PostgreSQL, version 7: a story belongs to its source (issue 11, point 4; ADR 27), as Derby's V013.
-- A story's keys are scoped by its source (written by the member who stores it, in that transaction, at most two:
-- key_arrives_with_its_story holds as before); the URL's unscoped key, url_hash, finds the same address from another
-- source, to link the later story to the first as a copy. Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

ALTER TABLE story ADD COLUMN url_hash varchar(64);

UPDATE story SET url_hash = encode(sha256(convert_to(lower(btrim(url)), 'UTF8')), 'hex') WHERE url IS NOT NULL;

CREATE INDEX story_by_url_hash ON story (url_hash);
