package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.StoryId;

/**
 * What an agency's format says about an item, written with the story or its later source version (V011 / V005),
 * and read back as the agency's latest word. Kept as sent; the databases refuse any change.
 */
public final class AgencyRecords {
    private static final String USABLE = "USABLE";
    private static final String WITHDRAWN = "CANCELED";

    private final Database database;

    public AgencyRecords(Database database) {
        this.database = database;
    }

    /**
     * The agency's latest word on a story: the format and dateline it arrived with, the urgency and version of its
     * latest source version that states one (else its own), whether the latest pubStatus withdraws it, and every
     * note to the desk, oldest first.
     */
    public AgencyMeta latest(StoryId id) {
        try (Connection c = database.connect()) {
            String format = null;
            String dateline = null;
            Integer urgency = null;
            String version = null;
            String status = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT format, dateline, urgency, agency_version, pub_status FROM story WHERE id = ?""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return AgencyMeta.NONE;
                    }
                    format = rs.getString(1);
                    dateline = rs.getString(2);
                    urgency = intOrNull(rs, 3);
                    version = rs.getString(4);
                    status = rs.getString(5);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT urgency, agency_version, pub_status FROM story_version WHERE story_id = ? ORDER BY id""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer u = intOrNull(rs, 1);
                        urgency = u != null ? u : urgency;
                        version = rs.getString(2) != null ? rs.getString(2) : version;
                        status = rs.getString(3) != null ? rs.getString(3) : status;
                    }
                }
            }
            return new AgencyMeta(format, urgency, version, status != null && !USABLE.equals(status), dateline,
                    notes(c, id));
        } catch (SQLException e) {
            throw SqlErrors.translate("read what the agency said about story " + id, e);
        }
    }

    private static List<AgencyMeta.EdNote> notes(Connection c, StoryId id) throws SQLException {
        List<AgencyMeta.EdNote> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT note, publishable FROM story_ed_note WHERE story_id = ? ORDER BY id")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AgencyMeta.EdNote(rs.getString(1), rs.getInt(2) == 1));
                }
            }
        }
        return out;
    }

    /** Binds format, urgency, version, pubStatus and dateline from {@code first}. */
    static void bindStory(PreparedStatement ps, int first, AgencyMeta a) throws SQLException {
        StoryRepository.setNullable(ps, first, a.format());
        bindVersion(ps, first + 1, a);
        StoryRepository.setNullable(ps, first + 4, a.dateline() == null ? null
                : StoryRepository.truncate(a.dateline(), 500));
    }

    /** Binds urgency, version and pubStatus from {@code first}. */
    static void bindVersion(PreparedStatement ps, int first, AgencyMeta a) throws SQLException {
        if (a.urgency() == null) {
            ps.setNull(first, Types.SMALLINT);
        } else {
            ps.setShort(first, a.urgency().shortValue());
        }
        StoryRepository.setNullable(ps, first + 1, a.version() == null ? null
                : StoryRepository.truncate(a.version(), 64));
        StoryRepository.setNullable(ps, first + 2, status(a));
    }

    /** Whether an arriving item says what the store already holds as the agency's latest word (version, status). */
    static boolean sameWord(Connection c, StoryId id, AgencyMeta arriving) throws SQLException {
        if (arriving.version() == null && status(arriving) == null) {
            return true;
        }
        String version = null;
        String status = null;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT agency_version, pub_status FROM story WHERE id = ?
                UNION ALL
                SELECT agency_version, pub_status FROM story_version WHERE story_id = ?""")) {
            ps.setLong(1, id.value());
            ps.setLong(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                // the story's own row first, then its versions in no promised order: the latest is the highest id
                while (rs.next()) {
                    version = rs.getString(1) != null ? rs.getString(1) : version;
                    status = rs.getString(2) != null ? rs.getString(2) : status;
                }
            }
        }
        return java.util.Objects.equals(version, arriving.version())
                && java.util.Objects.equals(status, status(arriving));
    }

    static void insertNotes(Connection c, Database database, StoryId story, Long version,
                            List<AgencyMeta.EdNote> notes) throws SQLException {
        int position = 0;
        for (AgencyMeta.EdNote note : notes) {
            if (note.text() == null || note.text().isBlank()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO story_ed_note (id, story_id, version_id, position, note, publishable, received_by)
                    VALUES (?, ?, ?, ?, ?, ?, """ + database.signedInMember() + ")")) {
                ps.setLong(1, database.nextId(c, "story_ed_note_seq"));
                ps.setLong(2, story.value());
                if (version == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, version);
                }
                ps.setInt(4, position++);
                ps.setString(5, StoryRepository.truncate(note.text().strip(), 4000));
                ps.setShort(6, (short) (note.publishable() ? 1 : 0));
                ps.executeUpdate();
            }
        }
    }

    /** USABLE or CANCELED for an item in an agency's own format; null for feeds and pages, which say neither. */
    private static String status(AgencyMeta a) {
        if (a.withdrawn()) {
            return WITHDRAWN;
        }
        return "newsml-g2".equals(a.format()) || "ninjs".equals(a.format()) ? USABLE : null;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
