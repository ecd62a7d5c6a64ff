-- WireDesk on PostgreSQL, version 9: the inbox pages its rows (issue 12, point 5; ADR 28), as Derby's V015. It reads
-- a view newest first by (received_ms, id), a page or a chunk of keys at a time after the last one read (a keyset);
-- this index gives that order without a sort, and with the status and the event cluster, the keys of a view from
-- the index alone. Run by the desk's owner, in one transaction.

SET LOCAL search_path = desk, pg_temp;

CREATE INDEX story_by_received_id ON story (received_ms DESC, id DESC, status, cluster_id);
