package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;

/**
 * A story's thread (ADR 16): read from its status history (submissions with their notes, rejections and holds with
 * their reasons) and its notes (replies, style overrides), in the order of the history chain; and replies, written
 * as history rows by the signed-in member. Nothing is kept twice: a submit note or a rejection reason lives only in
 * its status change.
 */
public final class ThreadRepository {
    private final Database database;

    public ThreadRepository(Database database) {
        this.database = database;
    }

    /** Adds a reply to the story's thread, as the signed-in member (the database checks their roles). */
    public void reply(StoryId id, String text, Instant at) {
        database.inTransaction("reply on story " + id, c -> {
            database.moves().note(c, id, ThreadEntry.Kind.REPLY, text, null, at);
            return null;
        });
    }

    /** What was said on the story, oldest first. */
    public StoryThread thread(StoryId id) {
        record Said(long seq, ThreadEntry entry) {
        }
        List<Said> out = new ArrayList<>();
        try (Connection c = database.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT to_status, actor, at_ms, reason, chain_seq FROM status_change
                    WHERE story_id = ? AND to_status IN ('SUBMITTED', 'REJECTED', 'HELD')""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ThreadEntry.Kind kind = ThreadEntry.Kind.valueOf(rs.getString(1));
                        // a move that needs a reason always has one; an old row without one still shows
                        String text = rs.getString(4) == null && kind != ThreadEntry.Kind.SUBMITTED ? ""
                                : rs.getString(4);
                        out.add(new Said(rs.getLong(5), new ThreadEntry(kind, rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), text, List.of())));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT kind, author, at_ms, message, style_errors, chain_seq FROM story_note
                    WHERE story_id = ?""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String errors = rs.getString(5);
                        out.add(new Said(rs.getLong(6), new ThreadEntry(ThreadEntry.Kind.valueOf(rs.getString(1)),
                                rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                                errors == null ? List.of() : Arrays.asList(errors.split("\n")))));
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the thread of story " + id, e);
        }
        out.sort(Comparator.comparingLong(Said::seq));
        return new StoryThread(out.stream().map(Said::entry).toList());
    }
}
