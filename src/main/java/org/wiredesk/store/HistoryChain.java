package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;

/**
 * Appends history rows to the chain inside the caller's transaction: each row takes the next sequence number and
 * links to the row before it ({@link ChainLink}). The actor is always the database's own {@code CURRENT_USER};
 * the guards of V007 refuse any row that does not extend the chain exactly or names someone else.
 */
final class HistoryChain {
    private final Connection c;
    private final String member;
    private long seq;
    private String head;

    private HistoryChain(Connection c, String member, long seq, String head) {
        this.c = c;
        this.member = member;
        this.seq = seq;
        this.head = head;
    }

    /** The chain as it stands in this transaction. */
    static HistoryChain at(Connection c, String member) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, row_hash FROM chain_head");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the store has no history chain head", "XWD01");
            }
            return new HistoryChain(c, member, rs.getLong(1), rs.getString(2));
        }
    }

    void statusChange(StoryId id, Status from, Status to, String reason, Instant at) throws SQLException {
        String why = reason == null ? null : StoryRepository.truncate(reason, 2000);
        String hash = ChainLink.status(head, seq + 1, id.value(), from == null ? null : from.name(), to.name(),
                member, why, at.toEpochMilli());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO status_change (id, story_id, from_status, to_status, actor, reason, at_ms,
                                           chain_seq, prev_hash, row_hash)
                VALUES (?, ?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "status_change_seq"));
            ps.setLong(2, id.value());
            StoryRepository.setNullable(ps, 3, from == null ? null : from.name());
            ps.setString(4, to.name());
            StoryRepository.setNullable(ps, 5, why);
            ps.setLong(6, at.toEpochMilli());
            bindLink(ps, 7, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    void headline(StoryId id, String headline, Instant at) throws SQLException {
        String hash = ChainLink.headline(head, seq + 1, id.value(), headline, member, at.toEpochMilli());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO headline_draft (id, story_id, headline, author, created_ms, chain_seq, prev_hash, row_hash)
                VALUES (?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "headline_draft_seq"));
            ps.setLong(2, id.value());
            ps.setString(3, headline);
            ps.setLong(4, at.toEpochMilli());
            bindLink(ps, 5, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    void approval(StoryId id, String headline, String bodySha256, String bodyHtmlSha256, boolean self, Instant at)
            throws SQLException {
        String hash = ChainLink.approval(head, seq + 1, id.value(), headline, bodySha256, bodyHtmlSha256, member,
                self ? 1 : 0, at.toEpochMilli());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO approval (id, story_id, headline, body_sha256, body_html_sha256, actor, self_approved,
                                      at_ms, chain_seq, prev_hash, row_hash)
                VALUES (?, ?, ?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "approval_seq"));
            ps.setLong(2, id.value());
            ps.setString(3, headline);
            ps.setString(4, bodySha256);
            ps.setString(5, bodyHtmlSha256);
            ps.setInt(6, self ? 1 : 0);
            ps.setLong(7, at.toEpochMilli());
            bindLink(ps, 8, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    void publication(StoryId id, String kind, String headline, String bodySha256, Instant at, String location,
                     String note, String signature) throws SQLException {
        String hash = ChainLink.publication(head, seq + 1, id.value(), kind, headline, bodySha256, member,
                at.toEpochMilli(), note, signature);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO publication (id, story_id, kind, headline, body_sha256, actor, at_ms, location, note,
                                         signature, chain_seq, prev_hash, row_hash)
                VALUES (?, ?, ?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "publication_seq"));
            ps.setLong(2, id.value());
            ps.setString(3, kind);
            ps.setString(4, headline);
            ps.setString(5, bodySha256);
            ps.setLong(6, at.toEpochMilli());
            StoryRepository.setNullable(ps, 7, location);
            StoryRepository.setNullable(ps, 8, note);
            StoryRepository.setNullable(ps, 9, signature);
            bindLink(ps, 10, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    void note(StoryId id, String kind, String message, String styleErrors, Instant at) throws SQLException {
        String hash = ChainLink.note(head, seq + 1, id.value(), kind, message, styleErrors, member, at.toEpochMilli());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO story_note (id, story_id, kind, message, style_errors, author, at_ms, chain_seq, prev_hash,
                                        row_hash)
                VALUES (?, ?, ?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "story_note_seq"));
            ps.setLong(2, id.value());
            ps.setString(3, kind);
            ps.setString(4, message);
            StoryRepository.setNullable(ps, 5, styleErrors);
            ps.setLong(6, at.toEpochMilli());
            bindLink(ps, 7, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    void timing(StoryId id, String kind, Instant until, String reason, Instant at) throws SQLException {
        Long untilMs = until == null ? null : until.toEpochMilli();
        String why = reason == null ? null : StoryRepository.truncate(reason, 2000);
        String hash = ChainLink.timing(head, seq + 1, id.value(), kind, untilMs, why, member, at.toEpochMilli());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO story_timing (id, story_id, kind, until_ms, reason, actor, at_ms, chain_seq, prev_hash,
                                          row_hash)
                VALUES (?, ?, ?, ?, ?, LOWER(CURRENT_USER), ?, ?, ?, ?)""")) {
            ps.setLong(1, StoryRepository.nextId(c, "story_timing_seq"));
            ps.setLong(2, id.value());
            ps.setString(3, kind);
            if (untilMs == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, untilMs);
            }
            StoryRepository.setNullable(ps, 5, why);
            ps.setLong(6, at.toEpochMilli());
            bindLink(ps, 7, hash);
            ps.executeUpdate();
        }
        advance(hash);
    }

    private void bindLink(PreparedStatement ps, int first, String hash) throws SQLException {
        ps.setLong(first, seq + 1);
        ps.setString(first + 1, head);
        ps.setString(first + 2, hash);
    }

    private void advance(String hash) {
        seq++;
        head = hash;
    }
}
