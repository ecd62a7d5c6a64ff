package org.wiredesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiredesk.story.Role;

/**
 * The privileges each member holds on the desk's tables: what every member's work needs, and what each role adds.
 * Granted to each member by name (Derby activates one SQL role per session, and a member may hold several desk
 * roles), by the owner. The triggers of V007 then check the finer rules (which status move, whose claim).
 */
final class Grants {
    private static final List<String> READABLE = List.of("app_user", "user_role", "story", "story_key",
            "story_version", "headline_draft", "status_change", "publication", "quarantine", "desk_setting", "source",
            "headline_autosave", "story_claim", "headline_candidate", "story_read", "workflow_move", "approval",
            "chain_head", "desk_policy", "schema_version", "desk_public_key", "story_note",
            "story_timing", "source_withdrawal", "story_ed_note", "source_credit",
            "source_archive", "source_fetch", "body_choice");

    /** What every member may do: read the desk, bring stories in, keep their own read marks, move stories. */
    private static final List<String> EVERY_MEMBER = List.of(
            "INSERT ON story", "INSERT ON story_key", "INSERT ON story_version", "INSERT ON status_change",
            "INSERT ON quarantine", "UPDATE (retried_ms) ON quarantine",
            "UPDATE (status, updated_ms, updated_at_source_ms, copy_of, cluster_id, minhash, lead_terms) ON story",
            "INSERT ON story_read", "UPDATE ON story_read", "DELETE ON story_read",
            "UPDATE (etag, last_modified, last_success_ms, last_error, last_error_ms, failures, next_poll_ms) ON source",
            "INSERT ON desk_setting", "UPDATE (value) ON desk_setting",
            "USAGE ON SEQUENCE story_seq", "USAGE ON SEQUENCE story_version_seq", "USAGE ON SEQUENCE status_change_seq",
            // an embargo the source states is written with the story (V009); the database checks who and when
            "INSERT ON story_timing", "USAGE ON SEQUENCE story_timing_seq",
            // an agency's notes to the desk arrive with its item (V011)
            "INSERT ON story_ed_note", "USAGE ON SEQUENCE story_ed_note_seq",
            // the original a story or a later version was derived from is archived with it (V014)
            "INSERT ON source_archive", "INSERT ON source_fetch", "USAGE ON SEQUENCE source_fetch_seq");

    private static final Map<Role, List<String>> BY_ROLE = new EnumMap<>(Map.of(
            Role.EDITOR, List.of("UPDATE (priority) ON story", "INSERT ON source", "DELETE ON source",
                    "UPDATE (name, address, kind, poll_seconds, credit, enabled) ON source",
                    "INSERT ON source_withdrawal", "USAGE ON SEQUENCE source_withdrawal_seq",
                    "INSERT ON source_credit", "USAGE ON SEQUENCE source_credit_seq"),
            Role.COPY_EDITOR, List.of("UPDATE (house_headline) ON story", "INSERT ON headline_draft",
                    "INSERT ON headline_candidate", "INSERT ON story_claim", "UPDATE ON story_claim",
                    "DELETE ON story_claim", "INSERT ON headline_autosave", "UPDATE ON headline_autosave",
                    "DELETE ON headline_autosave", "USAGE ON SEQUENCE headline_draft_seq",
                    "USAGE ON SEQUENCE headline_candidate_seq", "INSERT ON story_note",
                    "USAGE ON SEQUENCE story_note_seq",
                    // the article's blocks chosen from its original (V016): the guards check the rest
                    "INSERT ON body_choice", "USAGE ON SEQUENCE body_choice_seq",
                    "UPDATE (body_html, body_sha256, body_html_sha256) ON story"),
            Role.DESK_CHIEF, List.of("UPDATE (house_headline) ON story", "UPDATE (priority) ON story", "INSERT ON headline_draft",
                    "INSERT ON approval", "INSERT ON publication", "SELECT ON desk_key", "INSERT ON story_claim",
                    "UPDATE ON story_claim", "DELETE ON story_claim", "INSERT ON headline_autosave",
                    "UPDATE ON headline_autosave", "DELETE ON headline_autosave",
                    "USAGE ON SEQUENCE headline_draft_seq", "USAGE ON SEQUENCE approval_seq",
                    "USAGE ON SEQUENCE publication_seq", "INSERT ON story_note",
                    "USAGE ON SEQUENCE story_note_seq", "INSERT ON source_withdrawal",
                    "USAGE ON SEQUENCE source_withdrawal_seq", "INSERT ON source_credit",
                    "USAGE ON SEQUENCE source_credit_seq")));

    private Grants() {
    }

    /** Every privilege a member with these roles holds. */
    static Set<String> of(Set<Role> roles) {
        Set<String> out = new LinkedHashSet<>();
        READABLE.forEach(t -> out.add("SELECT ON " + t));
        out.addAll(EVERY_MEMBER);
        roles.forEach(r -> out.addAll(BY_ROLE.get(r)));
        return out;
    }

    /** Gives a member exactly the privileges of these roles (as the owner): what they had beyond it is revoked. */
    static void set(Connection owner, String member, Set<Role> had, Set<Role> roles) throws SQLException {
        if (isOwner(owner, member)) {
            return; // the owner holds every privilege already, and Derby refuses grants to them (42509)
        }
        Set<String> keep = of(roles);
        List<String> drop = new ArrayList<>(had == null ? Set.<String>of() : of(had));
        drop.removeAll(keep);
        try (Statement st = owner.createStatement()) {
            for (String privilege : drop) {
                st.execute("REVOKE " + privilege + " FROM " + quoted(member) + (privilege.startsWith("USAGE") ? " RESTRICT" : ""));
            }
            for (String privilege : keep) {
                st.execute("GRANT " + privilege + " TO " + quoted(member));
            }
        }
    }

    /**
     * Grants every member who can sign in the privileges their roles now hold (as the owner), after a schema step that
     * added tables: what they held stays, and nothing of it is revoked. A disabled member holds nothing and is left
     * so; they get their roles' privileges, these included, when the owner lets them back in.
     */
    static void renew(Connection owner) throws SQLException {
        Set<String> exist = existingObjects(owner);
        Map<String, Set<Role>> members = new java.util.TreeMap<>();
        try (Statement st = owner.createStatement(); java.sql.ResultSet rs = st.executeQuery("""
                SELECT u.username, r.role FROM app_user u JOIN user_role r ON r.username = u.username
                WHERE u.disabled_ms IS NULL""")) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getString(1), k -> java.util.EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2)));
            }
        }
        for (Map.Entry<String, Set<Role>> m : members.entrySet()) {
            grant(owner, m.getKey(), of(m.getValue()).stream().filter(p -> exist.contains(objectOf(p))).toList());
        }
    }

    /**
     * Grants exactly these privileges (as the owner), taking nothing away. The owner is left alone, as in
     * {@link #set}.
     */
    private static void grant(Connection owner, String member, List<String> privileges) throws SQLException {
        if (isOwner(owner, member)) {
            return;
        }
        try (Statement st = owner.createStatement()) {
            for (String privilege : privileges) {
                st.execute("GRANT " + privilege + " TO " + quoted(member));
            }
        }
    }

    /** The table or sequence a privilege is on: its last word ("INSERT ON story" is on story). */
    private static String objectOf(String privilege) {
        return privilege.substring(privilege.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The tables and sequences in the owner's schema now. A schema step grants what its scripts so far have made: an
     * older store brought up step by step has no table yet that a later script adds (whose privileges are listed
     * here already), and granting on it would fail the step.
     */
    private static Set<String> existingObjects(Connection owner) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (java.sql.PreparedStatement ps = owner.prepareStatement("""
                SELECT t.tablename FROM sys.systables t JOIN sys.sysschemas s ON s.schemaid = t.schemaid
                WHERE s.schemaname = CURRENT SCHEMA
                UNION ALL
                SELECT q.sequencename FROM sys.syssequences q JOIN sys.sysschemas s ON s.schemaid = q.schemaid
                WHERE s.schemaname = CURRENT SCHEMA""");
             java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** A member's Derby user as a delimited identifier, so no name can read as PUBLIC or an SQL word. */
    private static String quoted(String member) {
        return "\"" + member.toUpperCase(java.util.Locale.ROOT) + "\"";
    }

    private static boolean isOwner(Connection c, String member) throws SQLException {
        return DerbyAdmin.ownerName(c).equals(member);
    }

    /** Takes every privilege from a member (as the owner), for a disabled member. */
    static void revokeAll(Connection owner, String member, Set<Role> had) throws SQLException {
        if (isOwner(owner, member)) {
            return;
        }
        try (Statement st = owner.createStatement()) {
            for (String privilege : of(had)) {
                st.execute("REVOKE " + privilege + " FROM " + quoted(member) + (privilege.startsWith("USAGE") ? " RESTRICT" : ""));
            }
        }
    }
}
