package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.wiredesk.story.Body;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.Timing;

/**
 * Moves on Derby: WireDesk writes the history rows, chained ({@link HistoryChain}), then the story; the guards of
 * V007 refuse rows that do not extend the chain, name someone else, or make a move the member's roles don't allow.
 */
final class DerbyMoves implements Moves {
    private final String member;

    DerbyMoves(String member) {
        this.member = member;
    }

    @Override
    public void arrival(Connection c, StoryId id, String reason, Instant at) throws SQLException {
        HistoryChain.at(c, member).statusChange(id, null, Status.NEW, reason, at);
    }

    @Override
    public void headline(Connection c, StoryId id, Status expected, Status to, Headline headline, Instant at)
            throws SQLException {
        requireStatus(c, id, expected);
        HistoryChain chain = HistoryChain.at(c, member);
        chain.headline(id, headline.text(), at);
        if (expected != to) {
            chain.statusChange(id, expected, to, null, at);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE story SET house_headline = ?, status = ?, updated_ms = ?
                WHERE id = ? AND status = ?""")) {
            ps.setString(1, headline.text());
            ps.setString(2, to.name());
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, id.value());
            ps.setString(5, expected.name());
            requireOneRow(ps.executeUpdate(), id, expected);
        }
    }

    @Override
    public void move(Connection c, StoryId id, Status expected, Status to, String reason, Instant at,
                     Publication publication) throws SQLException {
        requireStatus(c, id, expected);
        HistoryChain chain = HistoryChain.at(c, member);
        // a publication is recorded just before the move it makes (the guards look for it there)
        if (publication != null) {
            record(chain, id, publication);
        }
        chain.statusChange(id, expected, to, reason, at);
        update(c, id, expected, to, at);
    }

    @Override
    public void approve(Connection c, StoryId id, Headline headline, Body body, boolean selfApproved, Instant at)
            throws SQLException {
        requireStatus(c, id, Status.SUBMITTED);
        HistoryChain chain = HistoryChain.at(c, member);
        chain.approval(id, headline.text(), body.sha256(), body.htmlSha256(), selfApproved, at);
        chain.statusChange(id, Status.SUBMITTED, Status.APPROVED, null, at);
        update(c, id, Status.SUBMITTED, Status.APPROVED, at);
    }

    @Override
    public void correct(Connection c, StoryId id, Headline headline, String reason, Instant at,
                        Publication publication) throws SQLException {
        requireStatus(c, id, Status.PUBLISHED);
        HistoryChain chain = HistoryChain.at(c, member);
        chain.headline(id, headline.text(), at);
        record(chain, id, publication);
        chain.statusChange(id, Status.PUBLISHED, Status.PUBLISHED, reason, at);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE story SET house_headline = ?, updated_ms = ? WHERE id = ? AND status = 'PUBLISHED'""")) {
            ps.setString(1, headline.text());
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, id.value());
            requireOneRow(ps.executeUpdate(), id, Status.PUBLISHED);
        }
    }

    @Override
    public void note(Connection c, StoryId id, ThreadEntry.Kind kind, String message, String styleErrors, Instant at)
            throws SQLException {
        HistoryChain.at(c, member).note(id, kind.name(), message, styleErrors, at);
    }

    @Override
    public void timing(Connection c, StoryId id, Status seen, Timing.Kind kind, Instant until, String reason,
                       Instant at) throws SQLException {
        requireStatus(c, id, seen);
        HistoryChain.at(c, member).timing(id, kind.name(), until, reason, at);
    }

    /**
     * The story is still where the member saw it: else they are told it moved, not that their roles forbid the move
     * (the guards would refuse the history row first). This process's writers take turns, so nothing here moves it
     * between this check and the update, and no other process has the embedded store open meanwhile.
     */
    private static void requireStatus(Connection c, StoryId id, Status expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM story WHERE id = ?")) {
            ps.setLong(1, id.value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !expected.name().equals(rs.getString(1))) {
                    throw Moves.movedMeanwhile(id, expected);
                }
            }
        }
    }

    private static void record(HistoryChain chain, StoryId id, Publication p) throws SQLException {
        chain.publication(id, p.kind().name(), p.headline().text(), p.bodySha256(), p.at(), p.location(), p.note(),
                p.signature());
    }

    private static void update(Connection c, StoryId id, Status expected, Status to, Instant at) throws SQLException {
        if (expected == to) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE story SET updated_ms = ? WHERE id = ? AND status = ?")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setLong(2, id.value());
                ps.setString(3, expected.name());
                requireOneRow(ps.executeUpdate(), id, expected);
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE story SET status = ?, updated_ms = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, id.value());
            ps.setString(4, expected.name());
            requireOneRow(ps.executeUpdate(), id, expected);
        }
    }

    private static void requireOneRow(int updated, StoryId id, Status expected) {
        if (updated != 1) {
            throw Moves.movedMeanwhile(id, expected);
        }
    }
}
