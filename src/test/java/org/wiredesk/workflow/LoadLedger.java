package org.wiredesk.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load test's clients believe they wrote, and the check of that against the store afterwards: every write
 * a client was told succeeded is in the history, in an order that agrees with when the calls ran; the history holds
 * nothing nobody was told about (except what {@link #refusedSubmitHeadline} names); each story's row is where its
 * history leaves it; autosaves and claims are what their members last did; the chain runs gapless from link 1.
 */
final class LoadLedger {
    /** A write a client was told succeeded: its history row's key, who, and when the call started and returned. */
    record Write(String table, long story, String member, String value, long startNanos, long endNanos) {
    }

    private final List<Write> writes = new ArrayList<>();
    /** Headlines given with a submit that was refused: the revision may have been kept (see the report). */
    private final Set<String> refusedSubmitHeadlines = new HashSet<>();
    /** member|story -> the autosave expected now (null: none). */
    private final Map<String, String> autosaves = new HashMap<>();

    void headline(long story, String member, String headline, long start, long end) {
        writes.add(new Write("headline_draft", story, member, headline, start, end));
    }

    void status(long story, String member, String to, long start, long end) {
        writes.add(new Write("status_change", story, member, to, start, end));
    }

    void approval(long story, String member, long start, long end) {
        writes.add(new Write("approval", story, member, "", start, end));
    }

    void refusedSubmitHeadline(String headline) {
        refusedSubmitHeadlines.add(headline);
    }

    void autosaved(long story, String member, String headline) {
        autosaves.put(member + "|" + story, headline);
    }

    void autosaveCleared(long story, String member) {
        autosaves.put(member + "|" + story, null);
    }

    static LoadLedger merge(List<LoadLedger> parts) {
        LoadLedger out = new LoadLedger();
        for (LoadLedger p : parts) {
            out.writes.addAll(p.writes);
            out.refusedSubmitHeadlines.addAll(p.refusedSubmitHeadlines);
            out.autosaves.putAll(p.autosaves); // member|story keys: each client writes only its own member's
        }
        return out;
    }

    int writes() {
        return writes.size();
    }

    /** Who the clients believe holds which story's claim, checked as each claim is won. */
    static final class Claims {
        private final ConcurrentHashMap<Long, String> holders = new ConcurrentHashMap<>();
        private final List<String> doubleHolders = java.util.Collections.synchronizedList(new ArrayList<>());

        /** The member won the claim: nobody else may believe they hold it. */
        void won(long story, String member) {
            String before = holders.putIfAbsent(story, member);
            if (before != null && !before.equals(member)) {
                doubleHolders.add("story " + story + " claimed by " + member + " while " + before + " held it");
            }
        }

        /** The member is about to submit (which releases the claim): from now on they may not hold it. */
        void releasing(long story, String member) {
            holders.remove(story, member);
        }

        List<String> doubleHolders() {
            return doubleHolders;
        }

        Map<Long, String> holders() {
            return holders;
        }
    }

    /** What the check found; every list empty means no lost update, no broken link, no stray write. */
    record Findings(List<String> lost, List<String> unexplained, List<String> outOfOrder, List<String> storyRows,
                    List<String> chain, List<String> autosaves, List<String> claims,
                    List<String> keptFromRefusedSubmits, int historyRows, int arrivals, int overlappingRevisions,
                    int overlappingSubmits) {
        List<String> all() {
            List<String> out = new ArrayList<>();
            out.addAll(lost);
            out.addAll(unexplained);
            out.addAll(outOfOrder);
            out.addAll(storyRows);
            out.addAll(chain);
            out.addAll(autosaves);
            out.addAll(claims);
            return out;
        }
    }

    /** A believed write and the link it found in the chain. */
    private record Placed(long seq, Write write) {
    }

    /** A history row as stored. */
    private record Row(String table, long story, String member, String key, String from, long seq) {
    }

    Findings check(Connection c, Claims claims) throws SQLException {
        List<Row> rows = new ArrayList<>();
        query(c, "SELECT story_id, actor, to_status, from_status, chain_seq FROM status_change",
                rs -> rows.add(new Row("status_change", rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5))));
        query(c, "SELECT story_id, author, headline, chain_seq FROM headline_draft",
                rs -> rows.add(new Row("headline_draft", rs.getLong(1), rs.getString(2), rs.getString(3), null,
                        rs.getLong(4))));
        query(c, "SELECT story_id, actor, chain_seq FROM approval",
                rs -> rows.add(new Row("approval", rs.getLong(1), rs.getString(2), "", null, rs.getLong(3))));
        query(c, "SELECT story_id, actor, chain_seq FROM publication",
                rs -> rows.add(new Row("publication", rs.getLong(1), rs.getString(2), "", null, rs.getLong(3))));
        rows.sort(Comparator.comparingLong(Row::seq));

        List<String> lost = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        Map<String, Row> byKey = new HashMap<>();
        Map<Long, Row> bySeq = new HashMap<>();
        for (Row r : rows) {
            bySeq.put(r.seq(), r);
            // in this test each story moves to a status at most once and every headline text is written once
            Row twice = byKey.put(key(r.table(), r.story(), r.key()), r);
            if (twice != null) {
                unexplained.add(r.table() + " for story " + r.story() + " (" + r.key() + ") is recorded twice: links "
                        + twice.seq() + " and " + r.seq());
            }
        }

        // every write a client was told succeeded is in the history, as that member, in real-time order per story
        Set<Long> believed = new HashSet<>();
        Map<Long, List<Placed>> perStory = new HashMap<>();
        for (Write w : writes) {
            Row r = byKey.get(key(w.table(), w.story(), w.value()));
            if (r == null || !r.member().equals(w.member())) {
                lost.add("LOST: " + w.member() + "'s " + w.table() + " on story " + w.story() + " (" + w.value()
                        + ") succeeded but the history has " + (r == null ? "no such row" : "it by " + r.member()));
                continue;
            }
            believed.add(r.seq());
            perStory.computeIfAbsent(w.story(), s -> new ArrayList<>()).add(new Placed(r.seq(), w));
        }
        List<String> outOfOrder = new ArrayList<>();
        int[] overlapping = new int[2];
        perStory.forEach((story, list) -> {
            list.sort(Comparator.comparingLong(Placed::seq));
            long latestStart = Long.MIN_VALUE;
            long latestSeq = 0;
            Write lastRevision = null;
            for (Placed p : list) {
                Write w = p.write();
                if (w.endNanos() < latestStart) {
                    outOfOrder.add("story " + story + ": link " + p.seq() + " was written by a call that returned "
                            + "before the call that wrote the earlier link " + latestSeq + " started");
                }
                if (w.startNanos() > latestStart) {
                    latestStart = w.startNanos();
                    latestSeq = p.seq();
                }
                // not a failure (the workflow checks only the status): a revision or a submission by a member whose
                // call began before another member's revision of the same story had returned, so the member may
                // not have seen the headline they replaced or submitted
                boolean overlaps = lastRevision != null && !lastRevision.member().equals(w.member())
                        && w.startNanos() < lastRevision.endNanos();
                if (w.table().equals("headline_draft")) {
                    overlapping[0] += overlaps ? 1 : 0;
                    lastRevision = w;
                } else if (w.value().equals("SUBMITTED")) {
                    overlapping[1] += overlaps ? 1 : 0;
                }
            }
        });

        // nothing in the history that nobody was told about
        int arrivals = 0;
        List<String> kept = new ArrayList<>();
        for (Row r : rows) {
            if (believed.contains(r.seq())) {
                continue;
            }
            if (r.table().equals("status_change") && r.from() == null && r.key().equals("NEW")) {
                arrivals++;
            } else if (r.table().equals("status_change") && "NEW".equals(r.from()) && r.key().equals("EDITING")
                    && bySeq.containsKey(r.seq() - 1) && believed.contains(r.seq() - 1)
                    && bySeq.get(r.seq() - 1).table().equals("headline_draft")
                    && bySeq.get(r.seq() - 1).story() == r.story()
                    && bySeq.get(r.seq() - 1).member().equals(r.member())) {
                continue; // the first draft's move to editing, written with it
            } else if (r.table().equals("headline_draft") && refusedSubmitHeadlines.contains(r.key())) {
                // DeskService.submit writes the revision and the move in two transactions: a move refused after the
                // first committed keeps the revision. Printed, not failed, until submit is one transaction (see
                // docs/benchmarks.md); any other stray row fails the test
                kept.add("story " + r.story() + ": \"" + r.key() + "\" (link " + r.seq() + ") was kept although "
                        + r.member() + "'s submission was refused");
            } else {
                unexplained.add("UNEXPLAINED: " + r.table() + " link " + r.seq() + " on story " + r.story() + " by "
                        + r.member() + " (" + r.key() + "): no client was told it made this write");
            }
        }

        List<String> storyRows = storyRows(c);
        List<String> chain = chain(c);
        return new Findings(lost, unexplained, outOfOrder, storyRows, chain, autosaves(c), claims(c, claims), kept,
                rows.size(), arrivals, overlapping[0], overlapping[1]);
    }

    /** Each story's status and house headline are where its last history rows leave them. */
    private static List<String> storyRows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        query(c, """
                SELECT s.id, s.status, s.house_headline, s.agency_headline,
                       (SELECT x.to_status FROM status_change x WHERE x.story_id = s.id
                        ORDER BY x.chain_seq DESC LIMIT 1),
                       (SELECT d.headline FROM headline_draft d WHERE d.story_id = s.id
                        ORDER BY d.chain_seq DESC LIMIT 1),
                       (SELECT a.headline FROM approval a WHERE a.story_id = s.id ORDER BY a.chain_seq DESC LIMIT 1)
                FROM story s""", rs -> {
            long id = rs.getLong(1);
            if (!Objects.equals(rs.getString(2), rs.getString(5))) {
                out.add("story " + id + " is " + rs.getString(2) + " but its last status change is to "
                        + rs.getString(5));
            }
            if (!Objects.equals(rs.getString(3), rs.getString(6))) {
                out.add("story " + id + "'s house headline is \"" + rs.getString(3) + "\" but its last revision is \""
                        + rs.getString(6) + "\"");
            }
            String running = rs.getString(3) == null ? rs.getString(4) : rs.getString(3);
            if (rs.getString(7) != null && !rs.getString(7).equals(running)) {
                out.add("story " + id + " was approved as \"" + rs.getString(7) + "\" but runs \"" + running + "\"");
            }
        });
        return out;
    }

    /** chain_seq runs 1..N over the four history tables, each row follows the one before, the head is the last. */
    private static List<String> chain(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        long[] expected = {1};
        String[] prev = {org.wiredesk.story.ChainLink.GENESIS};
        query(c, """
                SELECT chain_seq, prev_hash, row_hash FROM (
                    SELECT chain_seq, prev_hash, row_hash FROM status_change
                    UNION ALL SELECT chain_seq, prev_hash, row_hash FROM headline_draft
                    UNION ALL SELECT chain_seq, prev_hash, row_hash FROM approval
                    UNION ALL SELECT chain_seq, prev_hash, row_hash FROM publication) h
                ORDER BY chain_seq""", rs -> {
            long seq = rs.getLong(1);
            if (seq != expected[0]) {
                out.add("BROKEN LINK: expected link " + expected[0] + ", found " + seq);
            }
            if (!rs.getString(2).equals(prev[0])) {
                out.add("BROKEN LINK: link " + seq + "'s previous hash is not link " + (seq - 1) + "'s hash");
            }
            prev[0] = rs.getString(3);
            expected[0] = seq + 1;
        });
        query(c, "SELECT seq, row_hash FROM chain_head", rs -> {
            if (rs.getLong(1) != expected[0] - 1 || !rs.getString(2).equals(prev[0])) {
                out.add("BROKEN LINK: the chain's head is link " + rs.getLong(1) + ", its last row link "
                        + (expected[0] - 1));
            }
        });
        return out;
    }

    private List<String> autosaves(Connection c) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        query(c, "SELECT username, story_id, headline FROM headline_autosave",
                rs -> stored.put(rs.getString(1) + "|" + rs.getLong(2), rs.getString(3)));
        List<String> out = new ArrayList<>();
        autosaves.forEach((k, v) -> {
            if (!Objects.equals(v, stored.get(k))) {
                out.add("autosave " + k + ": the member's last autosave left \"" + v + "\", the store has \""
                        + stored.get(k) + "\"");
            }
        });
        stored.keySet().stream().filter(k -> !autosaves.containsKey(k))
                .forEach(k -> out.add("autosave " + k + " is stored but nobody autosaved it"));
        return out;
    }

    private static List<String> claims(Connection c, Claims claims) throws SQLException {
        List<String> out = new ArrayList<>(claims.doubleHolders());
        Map<Long, String> stored = new HashMap<>();
        query(c, "SELECT story_id, username FROM story_claim", rs -> stored.put(rs.getLong(1), rs.getString(2)));
        if (!stored.equals(claims.holders())) {
            Set<Long> differ = new HashSet<>(stored.keySet());
            differ.addAll(claims.holders().keySet());
            differ.removeIf(s -> Objects.equals(stored.get(s), claims.holders().get(s)));
            differ.stream().sorted().limit(20).forEach(s -> out.add("claim on story " + s + ": the store says "
                    + stored.get(s) + ", the members believe " + claims.holders().get(s)));
        }
        return out;
    }

    private static String key(String table, long story, String value) {
        return table + "|" + story + "|" + value;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
