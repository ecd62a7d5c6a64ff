-- WireDesk schema, version 13: a story belongs to its source (issue 11, point 4; ADR 27). A story was known by its
-- guid or URL alone, so a feed that carried another agency's URL first made the real agency's item a "duplicate",
-- and our page then credited the real agency for the first feed's text. From now on a story's keys (its guid and its
-- URL, and its dedup_hash) are scoped by its source: the desk source that brought it ("source:ID"), else the agency
-- it names ("agency:NAME"). The same URL from another source is another story, linked to the first as a copy
-- (story.url_hash finds it). Keys written before stay valid for their own story: the rules accept both forms.

-- A story enters the desk new, without a house headline, with both fingerprints, under its own (scoped) key.
DROP TRIGGER story_arrives_new;

CREATE TRIGGER story_arrives_new
    AFTER INSERT ON story
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN n.status = 'NEW' AND n.house_headline IS NULL AND n.priority = 0
               AND is_sha256(n.body_sha256) = 1 AND n.body_html_sha256 = markup_sha256(n.body_html)
               AND (n.dedup_hash = key_hash(n.dedup_key)
                    OR n.dedup_hash = key_hash(CASE WHEN n.source_id IS NULL THEN 'agency:' || n.source_name
                                                    ELSE 'source:' || RTRIM(CHAR(n.source_id)) END
                                               || '|' || n.dedup_key))
               AND n.id < SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_SEQ')
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a story enters the desk as new, as its fingerprints and keys say');

-- A story is found again only by its own guid or URL, within its source: a member cannot file a future item under
-- another story.
DROP TRIGGER story_key_is_the_storys_own;

CREATE TRIGGER story_key_is_the_storys_own
    AFTER INSERT ON story_key
    REFERENCING NEW AS n
    FOR EACH ROW
    WHEN (CASE WHEN EXISTS (SELECT 1 FROM story s WHERE s.id = n.story_id
                            AND (n.key_hash = key_hash(s.dedup_key) OR n.key_hash = key_hash(s.url)
                                 OR n.key_hash = key_hash(CASE WHEN s.source_id IS NULL
                                                               THEN 'agency:' || s.source_name
                                                               ELSE 'source:' || RTRIM(CHAR(s.source_id)) END
                                                          || '|' || s.dedup_key)
                                 OR n.key_hash = key_hash(CASE WHEN s.source_id IS NULL
                                                               THEN 'agency:' || s.source_name
                                                               ELSE 'source:' || RTRIM(CHAR(s.source_id)) END
                                                          || '|' || s.url)))
          THEN 0 ELSE 1 END = 1)
    INSERT INTO workflow_guard (violation) VALUES ('a story is known only by its own guid or URL');

-- Where the same address arrived from another source: the URL's key, unscoped, to link a copy to the first.
ALTER TABLE story ADD COLUMN url_hash CHAR(64);

UPDATE story SET url_hash = key_hash(url) WHERE url IS NOT NULL;

CREATE INDEX story_by_url_hash ON story (url_hash);
