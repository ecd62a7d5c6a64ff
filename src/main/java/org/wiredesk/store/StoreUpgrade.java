package org.wiredesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wiredesk.story.Role;

/**
 * Secures a store made by a WireDesk before members signed in. Derby makes whoever creates a database its owner,
 * and such a store was created by nobody in particular, so the upgrade builds a new store owned by NAME (NATIVE
 * authentication and SQL authorization on), copies every row into it, computes the history chain over the history
 * as it was, and swaps the two directories. The store as it was is kept beside it, untouched.
 */
public final class StoreUpgrade {
    /** Tables in an order that satisfies their references. */
    static final List<String> TABLES = List.of("app_user", "user_role", "source", "story", "story_key",
            "story_version", "headline_draft", "status_change", "publication", "quarantine", "desk_setting",
            "headline_autosave", "story_claim", "headline_candidate", "story_read");
    private static final Map<String, String> SEQUENCES = Map.of("story_seq", "story", "story_version_seq",
            "story_version", "headline_draft_seq", "headline_draft", "status_change_seq", "status_change",
            "publication_seq", "publication", "headline_candidate_seq", "headline_candidate");
    private static final Set<String> MEMBER_COLUMNS = Set.of("app_user", "user_role", "headline_autosave",
            "story_claim", "story_read");

    private StoreUpgrade() {
    }

    /** What the upgrade did: rows copied per table, members renamed, members who need a first password. */
    public record Report(Map<String, Integer> rows, Map<String, String> renamed, List<String> membersWithoutPassword,
                         Path backup) {
        public String summary() {
            return rows.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                    + (renamed.isEmpty() ? "" : "; renamed members " + renamed);
        }
    }

    public static Report upgrade(Path directory, Credentials owner, String ownerDisplayName, boolean onePersonDesk) {
        Path dir = directory.toAbsolutePath().normalize();
        Path target = dir.resolveSibling(dir.getFileName() + ".upgrading");
        Path backup = dir.resolveSibling(dir.getFileName() + ".before-sign-in-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        if (owner.password().length() < 8) {
            throw new StoreException("A password needs at least 8 characters");
        }
        deleteTree(target);
        Database legacy = Database.unsecured(dir);
        Database fresh = Database.embedded(target, owner);
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> withoutPassword = new ArrayList<>();
        try (Connection from = legacy.connect()) {
            SchemaMigrator migrator = SchemaMigrator.derby();
            if (migrator.version(from) < SchemaMigrator.BEFORE_TRUST) {
                migrator.migrate(from, SchemaMigrator.BEFORE_TRUST);
            } else if (migrator.version(from) > SchemaMigrator.BEFORE_TRUST) {
                throw new StoreException("The store at " + dir + " is not one this upgrade knows (schema version "
                        + migrator.version(from) + ")");
            }
            Map<String, String> names = memberNames(from);
            names.forEach((old, now) -> {
                if (!old.equals(now)) {
                    renamed.put(old, now);
                }
            });
            StoreSetup.createEmpty(fresh, SchemaMigrator.BEFORE_TRUST);
            try (Connection to = fresh.connect()) {
                to.setAutoCommit(false);
                for (String table : TABLES) {
                    rows.put(table, copy(from, to, table, names));
                }
                restartSequences(to);
                to.commit();
                to.setAutoCommit(true);
                migrator.migrate(to);
                Set<String> members = finishMembers(to, owner.member(), ownerDisplayName, onePersonDesk);
                members.stream().filter(m -> !m.equals(owner.member())).sorted().forEach(withoutPassword::add);
            }
        } catch (SQLException e) {
            throw legacy.translateOpen(e);
        } finally {
            legacy.close();
            // shut the half-made store down too, so a retry in this process starts from clean files
            closeQuietly(fresh);
        }
        try {
            Files.move(dir, backup);
            Files.move(target, dir);
        } catch (IOException e) {
            throw new StoreException("The secured store is ready at " + target + " but could not replace " + dir
                    + ": " + e.getMessage(), e);
        }
        return new Report(rows, renamed, withoutPassword, backup);
    }

    /** Every earlier member name, and the member name it becomes (lower case, letters, digits and '_'). */
    static Map<String, String> memberNames(Connection from) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new java.util.HashSet<>();
        try (PreparedStatement ps = from.prepareStatement("""
                SELECT username FROM app_user UNION SELECT username FROM story_claim
                UNION SELECT username FROM headline_autosave UNION SELECT username FROM story_read""");
             ResultSet rs = ps.executeQuery()) {
            List<String> all = new ArrayList<>();
            while (rs.next()) {
                all.add(rs.getString(1));
            }
            all.sort(Comparator.naturalOrder());
            // names that are valid already keep them; only then are the others renamed, around them
            for (String old : all) {
                if (Credentials.isValidName(old) && old.equals(old.toLowerCase(Locale.ROOT))) {
                    out.put(old, old);
                    taken.add(old);
                }
            }
            for (String old : all) {
                if (out.containsKey(old)) {
                    continue;
                }
                String name = old.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
                if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                    name = "m" + name;
                }
                name = name.length() > 56 ? name.substring(0, 56) : name;
                if (!Credentials.isValidName(name)) {
                    name = "m_" + name; // an SQL word or a sys… name
                }
                String unique = name;
                for (int i = 2; !taken.add(unique); i++) {
                    unique = name + i;
                }
                out.put(old, unique);
            }
        }
        return out;
    }

    private static int copy(Connection from, Connection to, String table, Map<String, String> names)
            throws SQLException {
        boolean identity = table.equals("source") || table.equals("quarantine");
        if (identity) {
            execute(to, "ALTER TABLE " + table + " ALTER COLUMN id SET GENERATED BY DEFAULT");
        }
        int count = 0;
        try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnName(i));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement in = to.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        bind(in, i, rs, meta.getColumnType(i), MEMBER_COLUMNS.contains(table)
                                && columns.get(i - 1).equalsIgnoreCase("username") ? names : null);
                    }
                    in.executeUpdate();
                    count++;
                }
            }
        }
        if (identity) {
            execute(to, "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max(to, table) + 1));
            execute(to, "ALTER TABLE " + table + " ALTER COLUMN id SET GENERATED ALWAYS");
        }
        return count;
    }

    private static void bind(PreparedStatement in, int i, ResultSet rs, int type, Map<String, String> names)
            throws SQLException {
        switch (type) {
            case Types.CLOB -> in.setString(i, rs.getString(i));
            case Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                if (bytes == null) {
                    in.setNull(i, Types.BLOB);
                } else {
                    in.setBytes(i, bytes);
                }
            }
            default -> {
                Object value = rs.getObject(i);
                if (value == null) {
                    in.setNull(i, type);
                } else if (names != null) {
                    in.setString(i, names.getOrDefault((String) value, (String) value));
                } else {
                    in.setObject(i, value, type);
                }
            }
        }
    }

    /** Sequences continue after the copied ids (Derby cannot restart a sequence: it is made again). */
    private static void restartSequences(Connection to) throws SQLException {
        for (Map.Entry<String, String> e : SEQUENCES.entrySet()) {
            execute(to, "DROP SEQUENCE " + e.getKey() + " RESTRICT");
            execute(to, "CREATE SEQUENCE " + e.getKey() + " AS BIGINT START WITH " + (max(to, e.getValue()) + 1));
        }
    }

    /** The owner as a member, everyone's privileges, the desk's policy and its key. Returns every member. */
    private static Set<String> finishMembers(Connection to, String owner, String displayName, boolean onePersonDesk)
            throws SQLException {
        to.setAutoCommit(false);
        Map<String, Set<Role>> members = new LinkedHashMap<>();
        try (PreparedStatement ps = to.prepareStatement(
                "SELECT u.username, r.role FROM app_user u LEFT JOIN user_role r ON r.username = u.username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<Role> roles = members.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class));
                if (rs.getString(2) != null) {
                    roles.add(Role.valueOf(rs.getString(2)));
                }
            }
        }
        for (Map.Entry<String, Set<Role>> m : members.entrySet()) {
            Grants.set(to, m.getKey(), null, m.getValue());
        }
        if (!members.containsKey(owner)) {
            UserRepository.insertMember(to, owner, displayName, StoreSetup.ownerRoles(), Instant.now());
            members.put(owner, StoreSetup.ownerRoles());
        }
        StoreSetup.setPolicy(to, "desk.one-person", Boolean.toString(onePersonDesk));
        DeskKeyRepository.insertNew(to);
        to.commit();
        to.setAutoCommit(true);
        return members.keySet();
    }

    private static void closeQuietly(Database db) {
        try {
            db.close();
        } catch (StoreException e) {
            // nothing was booted, or it is already down
        }
    }

    private static long max(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot clear " + dir + " left by an earlier upgrade: " + e.getMessage(), e);
        }
    }
}
