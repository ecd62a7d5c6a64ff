package org.wiredesk.store;

import java.sql.Connection;
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
 * The workflow's writes, each with its history rows, inside the caller's transaction. On Derby WireDesk writes the
 * chained rows and the guards check them; on PostgreSQL it calls the desk's functions, which write them as the
 * owner after checking the signed-in member's roles. Either way a story that moved since it was read fails with
 * {@link ConcurrentChangeException}.
 */
interface Moves {
    /** The first history row of a story just stored. */
    void arrival(Connection c, StoryId id, String reason, Instant at) throws SQLException;

    /** A house headline revision, and a move from {@code expected} to {@code to} when they differ. */
    void headline(Connection c, StoryId id, Status expected, Status to, Headline headline, Instant at)
            throws SQLException;

    /** A status move, with the publication event it makes when {@code publication} is not null. */
    void move(Connection c, StoryId id, Status expected, Status to, String reason, Instant at, Publication publication)
            throws SQLException;

    /** An approval of exactly this headline and body, and the move to approved. */
    void approve(Connection c, StoryId id, Headline headline, Body body, boolean selfApproved, Instant at)
            throws SQLException;

    /** A published story's corrected headline, with its correction record. */
    void correct(Connection c, StoryId id, Headline headline, String reason, Instant at, Publication publication)
            throws SQLException;

    /**
     * A note on the story's thread (a reply, or a style override right after the member's own submission), as the
     * signed-in member; {@code styleErrors} is null for a reply.
     */
    void note(Connection c, StoryId id, ThreadEntry.Kind kind, String message, String styleErrors, Instant at)
            throws SQLException;

    /**
     * An embargo or schedule on the story (ADR 17), or its lifting or cancelling when {@code until} is null, as the
     * signed-in member, on the story the member saw {@code seen}.
     */
    void timing(Connection c, StoryId id, Status seen, Timing.Kind kind, Instant until, String reason, Instant at)
            throws SQLException;

    static ConcurrentChangeException movedMeanwhile(StoryId id, Status expected) {
        return new ConcurrentChangeException("Story " + id + " is no longer " + expected.label().toLowerCase()
                + ": someone else changed it. Reload and try again.");
    }
}
