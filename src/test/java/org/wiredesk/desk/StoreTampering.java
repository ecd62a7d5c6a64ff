package org.wiredesk.desk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Database;

/**
 * What only someone with the database owner's power can do to an approved story, to make the publisher refuse it:
 * drop the content guard and add a script to the stored body. The screens then have a held story to show.
 */
public final class StoreTampering {
    private StoreTampering() {
    }

    /** Appends {@code <script>x</script>} to the story's stored body, as the store's owner. */
    public static void addScriptToBody(Database owner, StoryId id) {
        try (Connection c = owner.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER story_content_is_immutable");
            } catch (SQLException alreadyDropped) {
                // a second story on the same desk: the guard is gone already
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE story SET body_html = body_html || '<script>x</script>' WHERE id = ?")) {
                ps.setLong(1, id.value());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no story " + id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
