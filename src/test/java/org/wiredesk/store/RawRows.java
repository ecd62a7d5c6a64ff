package org.wiredesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Story;

/**
 * INSERT statements a plain JDBC client could write for the attacker's tests: correctly chained history rows (the
 * chain needs no secret), and story rows with fingerprints as ingest makes them.
 */
final class RawRows {
    private final Database owner;
    private final Instant now;

    RawRows(Database owner, Instant now) {
        this.owner = owner;
        this.now = now;
    }

    private String single(String sql) throws SQLException {
        try (Connection c = owner.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    String storyRow(long id, String key, String html, String textSha) {
        return "INSERT INTO desk.story (id, dedup_hash, dedup_key, source_name, url, agency_headline, received_ms,"
                + " body_html, body_sha256, body_html_sha256, status, updated_ms) VALUES ("
                + (id < 0 ? "NEXT VALUE FOR desk.story_seq" : Long.toString(id)) + ", '"
                + StoryRepository.dedupHash(key) + "', '" + key + "', 'Agency', 'https://agency.example/" + key
                + "', 'Headline', 1, '" + html + "', '" + textSha + "', '" + Fingerprint.ofHtml(html)
                + "', 'NEW', 1)";
    }

    /** A correctly chained status_change row (as a plain client could compute it), for the member. */
    String statusRow(long story, String from, String to, String actor, String reason) throws SQLException {
        String[] head = head();
        long seq = Long.parseLong(head[0]) + 1;
        String hash = ChainLink.status(head[1], seq, story, from, to, actor, reason, now.toEpochMilli());
        return "INSERT INTO desk.status_change (id, story_id, from_status, to_status, actor, reason, at_ms, chain_seq,"
                + " prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.status_change_seq, " + story + ", '" + from + "', '" + to + "', '"
                + actor + "', " + (reason == null ? "NULL" : "'" + reason + "'") + ", " + now.toEpochMilli() + ", "
                + seq + ", '" + head[1] + "', '" + hash + "')";
    }

    String headlineRow(long story, String headline, String author) throws SQLException {
        String[] head = head();
        long seq = Long.parseLong(head[0]) + 1;
        String hash = ChainLink.headline(head[1], seq, story, headline, author, now.toEpochMilli());
        return "INSERT INTO desk.headline_draft (id, story_id, headline, author, created_ms, chain_seq, prev_hash,"
                + " row_hash) VALUES (NEXT VALUE FOR desk.headline_draft_seq, " + story + ", '" + headline + "', '" + author + "', "
                + now.toEpochMilli() + ", " + seq + ", '" + head[1] + "', '" + hash + "')";
    }

    String approvalRow(Story s, String actor, int self) throws SQLException {
        String[] head = head();
        long seq = Long.parseLong(head[0]) + 1;
        String headline = s.runningHeadline().text();
        String hash = ChainLink.approval(head[1], seq, s.id().value(), headline, s.body().sha256(),
                s.body().htmlSha256(), actor, self, now.toEpochMilli());
        return "INSERT INTO desk.approval (id, story_id, headline, body_sha256, body_html_sha256, actor, self_approved,"
                + " at_ms, chain_seq, prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.approval_seq, " + s.id().value() + ", '"
                + headline.replace("'", "''") + "', '" + s.body().sha256() + "', '" + s.body().htmlSha256() + "', '"
                + actor + "', " + self + ", " + now.toEpochMilli() + ", " + seq + ", '" + head[1] + "', '" + hash + "')";
    }

    String publicationRow(long story, String headline, String bodySha, String actor) throws SQLException {
        return publicationRowAt(story, headline, bodySha, actor, now.toEpochMilli());
    }

    /** A first publication's row, dated {@code atMs}. */
    String publicationRowAt(long story, String headline, String bodySha, String actor, long atMs)
            throws SQLException {
        String[] head = head();
        long seq = Long.parseLong(head[0]) + 1;
        String hash = ChainLink.publication(head[1], seq, story, "PUBLISHED", headline, bodySha, actor, atMs, null,
                null);
        return "INSERT INTO desk.publication (id, story_id, kind, headline, body_sha256, actor, at_ms, chain_seq,"
                + " prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.publication_seq, " + story + ", 'PUBLISHED', '" + headline
                + "', '" + bodySha + "', '" + actor + "', " + atMs + ", " + seq + ", '" + head[1]
                + "', '" + hash + "')";
    }

    /** A correctly chained embargo or schedule row ({@code until} null: lifted, cancelled). */
    String timingRow(long story, String kind, Long until, String reason, String actor) throws SQLException {
        return timingRowAfter(head(), story, kind, until, reason, actor);
    }

    /** The same, after a given link (seq, hash): for a row written after another in the same transaction. */
    String timingRowAfter(String[] head, long story, String kind, Long until, String reason, String actor) {
        long seq = Long.parseLong(head[0]) + 1;
        String hash = ChainLink.timing(head[1], seq, story, kind, until, reason, actor, now.toEpochMilli());
        return "INSERT INTO desk.story_timing (id, story_id, kind, until_ms, reason, actor, at_ms, chain_seq, prev_hash,"
                + " row_hash) VALUES (NEXT VALUE FOR desk.story_timing_seq, " + story + ", '" + kind + "', "
                + (until == null ? "NULL" : until.toString()) + ", "
                + (reason == null ? "NULL" : "'" + reason.replace("'", "''") + "'") + ", '" + actor + "', "
                + now.toEpochMilli() + ", " + seq + ", '" + head[1] + "', '" + hash + "')";
    }

    /** A correctly chained note (a reply or a style override), as a plain client could compute it. */
    String noteRow(long story, String kind, String message, String styleErrors, String author) throws SQLException {
        return noteRowAfter(head(), story, kind, message, styleErrors, author);
    }

    /** The same, after a given link (seq, hash): for a row written after another in the same transaction. */
    String noteRowAfter(String[] head, long story, String kind, String message, String styleErrors, String author) {
        long seq = Long.parseLong(head[0]) + 1;
        String hash = ChainLink.note(head[1], seq, story, kind, message, styleErrors, author, now.toEpochMilli());
        return "INSERT INTO desk.story_note (id, story_id, kind, message, style_errors, author, at_ms, chain_seq,"
                + " prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.story_note_seq, " + story + ", '" + kind + "', '"
                + message.replace("'", "''") + "', "
                + (styleErrors == null ? "NULL" : "'" + styleErrors.replace("'", "''") + "'") + ", '" + author + "', "
                + now.toEpochMilli() + ", " + seq + ", '" + head[1] + "', '" + hash + "')";
    }

    String[] head() throws SQLException {
        return new String[] {single("SELECT seq FROM chain_head"), single("SELECT row_hash FROM chain_head")};
    }
}
