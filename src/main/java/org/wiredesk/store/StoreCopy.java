package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wiredesk.story.Role;

/**
 * Moves a desk: copies a whole Derby store into a PostgreSQL desk that its owner has just made with {@code init} and
 * not used since, in one transaction (all or nothing). Every row keeps its ids and values; history is copied
 * verbatim (links, hashes, actors, times), so the chain verifies on the copy as it did on Derby. For the copy the
 * owner switches the desk's own triggers off (they would relink every row and demand that its actor is the one
 * signed in), sets the chain's head and every sequence past the copied rows, and switches them on again before
 * committing. Members become login roles that cannot sign in yet, holding their desk roles; the owner gives each a
 * first password. The desk's signing keys and policy replace the ones {@code init} made, so old pages still verify.
 */
public final class StoreCopy {
    /** Tables in an order that satisfies their references. Derby's user_role becomes role memberships. */
    static final List<String> TABLES = List.of("app_user", "source", "source_archive",
            "source_fetch", "story", "story_key", "story_version", "body_choice",
            "story_ed_note", "headline_draft", "status_change", "approval", "publication", "story_note", "story_timing",
            "source_withdrawal", "source_credit", "quarantine", "desk_setting", "desk_policy", "desk_key",
            "headline_autosave", "story_claim", "headline_candidate", "story_read");
    /** What init puts in a new desk (the owner, the policy, a first key): everything else must still be empty. */
    private static final Set<String> MADE_BY_INIT = Set.of("app_user", "desk_policy", "desk_key");
    /** Each sequence, and the table whose ids it hands out. */
    private static final Map<String, String> SEQUENCES = java.util.Collections.unmodifiableMap(new TreeMap<>(
            Stream.of("story", "story_version", "story_ed_note", "headline_draft", "status_change", "approval",
                    "publication", "headline_candidate", "story_note", "story_timing", "source_withdrawal",
                    "source_credit", "source_fetch", "body_choice")
                    .collect(Collectors.toMap(table -> table + "_seq", table -> table))));

    private static final Set<String> IDENTITY = Set.of("source", "quarantine");

    private StoreCopy() {
    }

    /**
     * What the copy did: rows per table, members who need a first password, members who stay disabled, and what
     * the owner should know (the policy the Derby store brought, an owner row taken from it).
     */
    public record Report(Map<String, Integer> rows, List<String> needPassword, List<String> disabled,
                         List<String> notes) {
        public String summary() {
            return rows.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        }
    }

    /**
     * Copies the Derby store {@code from} (signed in as its owner) into the empty PostgreSQL desk {@code to} (signed
     * in as its owner). Refuses, changing nothing, when the desk is not empty, when a member's name is already a role
     * on the server, or when a value cannot be held by PostgreSQL.
     */
    public static Report copy(Database from, Database to) {
        if (from.isPostgres() || !to.isPostgres()) {
            throw new StoreException("A store is copied from Derby into a PostgreSQL desk");
        }
        try (Connection src = from.connect(); Connection dst = to.connect()) {
            if (!from.isOwner(src)) {
                throw new StoreException("Only the Derby store's owner, " + from.ownerName(src) + ", can copy it: "
                        + "sign in to it as them");
            }
            String owner = to.ownerName(dst);
            if (!to.isOwner(dst)) {
                throw new StoreException("Only the desk's owner, " + owner + ", copies a store into it");
            }
            requireEmpty(dst, to.description()); // first, so that a second copy is told the desk has one already
            Map<String, Set<Role>> members = members(src);
            Set<String> disabled = disabledMembers(src);
            requireFreeNames(dst, members.keySet(), owner);
            dst.setAutoCommit(false);
            try {
                Report report = copyAll(src, dst, to.description(), owner, members, disabled);
                dst.commit();
                return report;
            } catch (SQLException | RuntimeException e) {
                try {
                    dst.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("copy " + from.description() + " into " + to.description(), e);
        }
    }

    private static Report copyAll(Connection src, Connection dst, String description, String owner,
                                  Map<String, Set<Role>> members, Set<String> disabled) throws SQLException {
        List<String> notes = new ArrayList<>();
        // ALTER TABLE locks each table against other writers until commit, so the desk stays empty meanwhile
        for (String table : TABLES) {
            execute(dst, "ALTER TABLE " + table + " DISABLE TRIGGER USER");
        }
        execute(dst, "LOCK TABLE chain_head IN EXCLUSIVE MODE");
        requireEmpty(dst, description); // again, now that nobody else can write to it
        String policyBefore = policy(dst);
        // the desk's keys and policy are the Derby store's: init's fresh key has signed nothing yet
        execute(dst, "DELETE FROM desk_key");
        execute(dst, "DELETE FROM desk_policy");
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, StoreCopyRows.copy(src, dst, table, IDENTITY.contains(table),
                    table.equals("app_user") ? owner : null));
        }
        if (members.containsKey(owner)) {
            takeOwnerRow(src, dst, owner);
            rows.merge("app_user", 1, Integer::sum);
            notes.add("the owner " + owner + " keeps the name, full name and start date the Derby store had");
        }
        String policyAfter = policy(dst);
        if (!policyAfter.equals(policyBefore)) {
            notes.add("the desk's policy is the Derby store's: " + policyAfter + " (init had set " + policyBefore
                    + ")");
        }
        rows.put("user_role", grantRoles(dst, owner, members));
        setChainHead(src, dst);
        setSequences(dst);
        for (String table : TABLES) {
            execute(dst, "ALTER TABLE " + table + " ENABLE TRIGGER USER");
        }
        try (Statement st = dst.createStatement()) {
            st.execute("SELECT pg_notify('wiredesk', 'story')"); // screens already open on the desk reload
        }
        List<String> needPassword = members.keySet().stream()
                .filter(m -> !m.equals(owner) && !disabled.contains(m)).sorted().toList();
        List<String> stillDisabled = disabled.stream().filter(m -> !m.equals(owner)).sorted().toList();
        return new Report(rows, needPassword, stillDisabled, notes);
    }

    /** A desk just made by init: its chain has no link and it holds nothing but what init put there. */
    private static void requireEmpty(Connection dst, String description) throws SQLException {
        String found = null;
        // a story says more than the original it was derived from: the archive's tables are named last
        List<String> order = Stream.concat(TABLES.stream().filter(t -> !t.startsWith("source_archive")
                && !t.startsWith("source_fetch")), Stream.of("source_archive", "source_fetch")).toList();
        for (String table : order) {
            long n = MADE_BY_INIT.contains(table) ? 0 : single(dst, "SELECT count(*) FROM " + table);
            if (n > 0 && found == null) {
                found = "it has " + n + (n == 1 ? " row" : " rows") + " in " + table;
            }
        }
        long links = single(dst, "SELECT seq FROM chain_head");
        if (found == null && links > 0) {
            found = "its history has " + links + " links";
        }
        if (found != null) {
            throw new StoreException("The desk at " + description + " is not empty (" + found + "): a store is "
                    + "copied only into a desk made with init and not used since");
        }
    }

    /** Each member's desk roles, from the Derby store's own tables. */
    private static Map<String, Set<Role>> members(Connection src) throws SQLException {
        Map<String, Set<Role>> out = new TreeMap<>();
        try (PreparedStatement ps = src.prepareStatement(
                "SELECT u.username, r.role FROM app_user u LEFT JOIN user_role r ON r.username = u.username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<Role> roles = out.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class));
                if (rs.getString(2) != null) {
                    roles.add(Role.valueOf(rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static Set<String> disabledMembers(Connection src) throws SQLException {
        Set<String> out = new java.util.TreeSet<>();
        try (PreparedStatement ps = src.prepareStatement("SELECT username FROM app_user WHERE disabled_ms IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Roles are the server's, not one database's: a member cannot take over a role someone else has. */
    private static void requireFreeNames(Connection dst, Set<String> members, String owner) throws SQLException {
        List<String> invalid = members.stream().filter(m -> !Credentials.isValidName(m)).toList();
        if (!invalid.isEmpty()) {
            throw new StoreException("These member names cannot be PostgreSQL role names: "
                    + String.join(", ", invalid));
        }
        List<String> taken = new ArrayList<>();
        try (PreparedStatement ps = dst.prepareStatement(
                "SELECT rolname FROM pg_roles WHERE rolname = ANY (?) AND rolname <> ? ORDER BY rolname")) {
            ps.setArray(1, dst.createArrayOf("text", members.toArray()));
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new StoreException("These members' names are already roles on the PostgreSQL server, which belong "
                    + "to the whole server and not to one desk: " + String.join(", ", taken) + " (the server's "
                    + "administrator renames or drops them first; nothing was copied)");
        }
    }

    /** The owner's row as the Derby store has it, when the owner was a member there too. */
    private static void takeOwnerRow(Connection src, Connection dst, String owner) throws SQLException {
        try (PreparedStatement ps = src.prepareStatement(
                "SELECT display_name, created_ms, disabled_ms FROM app_user WHERE username = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery();
                 PreparedStatement up = dst.prepareStatement(
                         "UPDATE app_user SET display_name = ?, created_ms = ?, disabled_ms = ? WHERE username = ?")) {
                rs.next();
                up.setString(1, rs.getString(1));
                up.setLong(2, rs.getLong(2));
                up.setObject(3, rs.getObject(3) == null ? null : rs.getLong(3), Types.BIGINT);
                up.setString(4, owner);
                up.executeUpdate();
            }
        }
    }

    /**
     * Each member becomes a role that cannot sign in (no password, NOLOGIN) holding their desk roles' groups, so
     * the desk lists their roles; a disabled member keeps them too, for when the owner lets them back in. The
     * owner holds every role already. Returns the memberships granted.
     */
    private static int grantRoles(Connection dst, String owner, Map<String, Set<Role>> members) throws SQLException {
        int granted = 0;
        PostgresMembers admin = new PostgresMembers();
        for (Map.Entry<String, Set<Role>> m : members.entrySet()) {
            if (m.getKey().equals(owner)) {
                continue;
            }
            execute(dst, "CREATE ROLE " + PostgresMembers.quoted(m.getKey()) + " NOLOGIN");
            admin.setRoles(dst, m.getKey(), EnumSet.noneOf(Role.class), m.getValue());
            granted += m.getValue().size();
        }
        return granted;
    }

    private static void setChainHead(Connection src, Connection dst) throws SQLException {
        try (PreparedStatement ps = src.prepareStatement("SELECT seq, row_hash FROM chain_head");
             ResultSet rs = ps.executeQuery();
             PreparedStatement up = dst.prepareStatement("UPDATE chain_head SET seq = ?, row_hash = ? WHERE one = 1")) {
            if (!rs.next()) {
                throw new StoreException("The Derby store has no chain head: verify it before copying it");
            }
            up.setLong(1, rs.getLong(1));
            up.setString(2, rs.getString(2));
            up.executeUpdate();
        }
    }

    /** Every sequence and identity continues after the copied ids. */
    private static void setSequences(Connection dst) throws SQLException {
        for (Map.Entry<String, String> e : SEQUENCES.entrySet()) {
            setSequence(dst, "'" + PostgresDialect.SCHEMA + "." + e.getKey() + "'", e.getValue());
        }
        for (String table : IDENTITY) {
            setSequence(dst, "pg_get_serial_sequence('" + PostgresDialect.SCHEMA + "." + table + "', 'id')", table);
        }
    }

    private static void setSequence(Connection dst, String sequence, String table) throws SQLException {
        long max = single(dst, "SELECT COALESCE(MAX(id), 0) FROM " + table);
        if (max > 0) {
            execute(dst, "SELECT setval(" + sequence + ", " + max + ")");
        }
    }

    private static String policy(Connection dst) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = dst.prepareStatement("SELECT name, value FROM desk_policy ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " = " + rs.getString(2));
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
