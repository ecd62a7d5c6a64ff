package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.wiredesk.story.Body;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.Timing;

/**
 * Moves on PostgreSQL: each is one call of the desk's functions, which run as the owner, check the signed-in
 * member's group roles and the story's status, and write the history rows (the database chains them and stamps
 * them with its own clock). The times given here are used only for a publication, whose page is signed with it.
 */
final class PostgresMoves implements Moves {
    private static final String MOVED = "story_moved_meanwhile";

    @Override
    public void arrival(Connection c, StoryId id, String reason, Instant at) throws SQLException {
        call(c, id, Status.NEW, "SELECT record_arrival(?, ?)", id.value(), reason);
    }

    @Override
    public void headline(Connection c, StoryId id, Status expected, Status to, Headline headline, Instant at)
            throws SQLException {
        call(c, id, expected, "SELECT revise_headline(?, ?, ?)", id.value(), expected.name(), headline.text());
        if (expected != to) {
            call(c, id, expected, "SELECT move(?, ?, ?, ?)", id.value(), expected.name(), to.name(), null);
        }
    }

    @Override
    public void move(Connection c, StoryId id, Status expected, Status to, String reason, Instant at,
                     Publication publication) throws SQLException {
        if (publication != null) {
            publish(c, id, expected, publication);
        } else {
            call(c, id, expected, "SELECT move(?, ?, ?, ?)", id.value(), expected.name(), to.name(), reason);
        }
    }

    @Override
    public void approve(Connection c, StoryId id, Headline headline, Body body, boolean selfApproved, Instant at)
            throws SQLException {
        // the database decides whether this is a self-approval (and refuses one on a four-eyes desk)
        call(c, id, Status.SUBMITTED, "SELECT approve(?, ?, ?, ?)", id.value(), headline.text(), body.sha256(),
                body.htmlSha256());
    }

    @Override
    public void correct(Connection c, StoryId id, Headline headline, String reason, Instant at,
                        Publication publication) throws SQLException {
        // the revision, the new headline and the correction's record are one call of publish()
        publish(c, id, Status.PUBLISHED, publication, headline.text());
    }

    @Override
    public void note(Connection c, StoryId id, ThreadEntry.Kind kind, String message, String styleErrors, Instant at)
            throws SQLException {
        call(c, id, null, "SELECT add_note(?, ?, ?, ?)", id.value(), kind.name(), message, styleErrors);
    }

    @Override
    public void timing(Connection c, StoryId id, Status seen, Timing.Kind kind, Instant until, String reason,
                       Instant at) throws SQLException {
        // a null time is sent as text: the cast gives the function its bigint
        call(c, id, seen, "SELECT set_timing(?, ?, CAST(? AS bigint), ?)", id.value(), kind.name(),
                until == null ? null : until.toEpochMilli(), reason);
    }

    private static void publish(Connection c, StoryId id, Status expected, Publication p) throws SQLException {
        publish(c, id, expected, p, null);
    }

    private static void publish(Connection c, StoryId id, Status expected, Publication p, String corrected)
            throws SQLException {
        call(c, id, expected, "SELECT publish(?, ?, ?, ?, ?, ?, ?)", id.value(), p.kind().name(), p.location(),
                p.note(), p.signature(), p.at().toEpochMilli(), corrected);
    }

    private static void call(Connection c, StoryId id, Status expected, String sql, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        } catch (SQLException e) {
            if (MOVED.equals(SqlErrors.constraintOf(e))) {
                throw Moves.movedMeanwhile(id, expected);
            }
            throw e;
        }
    }
}
