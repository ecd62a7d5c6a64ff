-- WireDesk schema, version 15: the inbox pages its rows (issue 12, point 5; ADR 28). It reads a view newest first
-- by (received_ms, id), a page or a chunk of keys at a time after the last one read (a keyset). This index gives that
-- order without a sort; the inbox's queries name it (Derby's optimizer otherwise prefers story_by_status for the
-- status list and sorts every row of the view: 2.3 s at 100,000 stories, against 16-46 ms with this index). It holds
-- the status and the event cluster too, so the keys of a view (without words typed or narrowing) come from the index
-- alone, without reading the rows.

CREATE INDEX story_by_received_id ON story (received_ms DESC, id DESC, status, cluster_id);
