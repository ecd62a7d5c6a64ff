package org.wiredesk.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup and restore of a shared desk on PostgreSQL with the server's own programs. {@code pg_dump} writes the
 * desk's schema (tables, rows, sequences, guards, functions, grants) from one snapshot while the desk keeps working;
 * {@code pg_restore} brings it back, in one transaction, into an empty database owned by the same owner. The dump
 * keeps who owns what (no {@code --no-owner}): the desk's owner is a member recorded in its rows and history and
 * the one its moves run as, so a desk comes back as its owner's, whether the owner restores it or a superuser does.
 * Roles are the cluster's, not the database's, and are not in the dump: on the same server they are there; on a
 * new one the server's administrator brings them over first ({@code pg_dumpall --roles-only}).
 */
public final class PostgresBackup {
    /** The environment variable naming the folder that holds pg_dump and pg_restore, ahead of the PATH. */
    public static final String BIN_VARIABLE = PostgresClientTools.BIN_VARIABLE;
    /** The plain commands (docs/cli.md), for a machine without the programs. */
    static final String PLAIN_DUMP = "pg_dump --format=custom --schema=desk --host=HOST --port=PORT "
            + "--username=OWNER --file=FILE.dump DATABASE";
    static final String PLAIN_RESTORE = "pg_restore --exit-on-error --single-transaction --host=HOST --port=PORT "
            + "--username=OWNER --dbname=NEW-DATABASE FILE.dump";
    private static final List<String> GROUP_ROLES = List.of("wd_editor", "wd_copy_editor", "wd_desk_chief");
    /** The dump's table-of-contents line for the desk's schema: {@code 5; 2615 16386 SCHEMA - desk OWNER}. */
    private static final Pattern DESK_SCHEMA = Pattern.compile("^\\d+; \\d+ \\d+ SCHEMA - desk (\\S+)$",
            Pattern.MULTILINE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private PostgresBackup() {
    }

    /** A desk brought back, and what its owner should know about it (members this server cannot sign in). */
    public record Restored(Database database, List<String> notes) {
    }

    /**
     * Fails with one sentence unless pg_dump (for {@code restore == false}) or pg_restore is in
     * {@code WIREDESK_PG_BIN} or on the PATH of {@code env}; say so before anyone is asked for a password.
     */
    public static void requireTools(Map<String, String> env, boolean restore) {
        tools(env, restore);
    }

    private static PostgresClientTools tools(Map<String, String> env, boolean restore) {
        return restore ? PostgresClientTools.find(env, "pg_restore", PLAIN_RESTORE)
                : PostgresClientTools.find(env, "pg_dump", PLAIN_DUMP);
    }

    /**
     * Dumps the desk into a new file {@code DATABASE-yyyyMMddTHHmmssZ.dump} in {@code folder} (readable by its owner
     * only: it holds the desk's private signing keys) and returns it. The owner only.
     */
    public static Path backup(Database owner, Path folder, Map<String, String> env) {
        PostgresClientTools tools = tools(env, false);
        PostgresClientTools.Address address = PostgresClientTools.address(owner.url());
        try (Connection c = owner.connectUnpooled()) {
            if (!owner.isOwner(c)) {
                throw new StoreException("Only the desk's owner backs it up (" + owner.member() + " is a member)");
            }
        } catch (SQLException e) {
            throw owner.translateOpen(e);
        }
        Path file = newDumpFile(folder.toAbsolutePath().normalize(), address.database());
        List<String> command = new ArrayList<>(List.of(tools.pgDump().toString(), "--format=custom",
                "--schema=" + PostgresDialect.SCHEMA, "--file=" + file));
        command.addAll(address.options(owner.member()));
        try {
            tools.run(command, address, owner.credentialsPassword(),
                    "back up the desk at " + owner.description());
        } catch (RuntimeException e) {
            deleteQuietly(file, e);
            throw e;
        }
        return file;
    }

    private static Path newDumpFile(Path folder, String database) {
        Path file = folder.resolve(database.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + STAMP.format(Instant.now())
                + ".dump");
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot write the backup " + file + ": " + e, e);
        }
        return file;
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Restores a dump into the empty database {@code target} names, signed in as the desk's owner (the role that
     * owned the desk when it was dumped, who must own the database), keeps everyone but the desk's members off that
     * database as {@link PostgresSetup} does, and opens the desk. Refuses a database that is already a desk.
     */
    public static Restored restore(Path dump, Database target, Map<String, String> env) {
        Path from = dump.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from)) {
            throw new StoreException("There is no backup file at " + from + " (give the .dump file that backup wrote)");
        }
        PostgresClientTools tools = tools(env, true);
        String dumpOwner = dumpOwner(tools, from);
        PostgresClientTools.Address address = PostgresClientTools.address(target.url());
        try (Connection c = target.connectUnpooled()) {
            requireEmptyDatabaseOfTheOwner(c, target, dumpOwner);
            PostgresSetup.keepOthersOff(c); // grants on the database are not in a dump of its schema
        } catch (SQLException e) {
            throw target.translateOpen(e);
        }
        List<String> command = new ArrayList<>(List.of(tools.pgRestore().toString(), "--exit-on-error",
                "--single-transaction"));
        command.addAll(address.options(target.member()));
        command.add(from.toString());
        tools.run(command, address, target.credentialsPassword(),
                "restore " + from + " into " + target.description());
        Database restored = target.open();
        return new Restored(restored, notes(restored));
    }

    /** The role that owned the desk's schema when it was dumped, from the dump's table of contents. */
    private static String dumpOwner(PostgresClientTools tools, Path dump) {
        String list = tools.run(List.of(tools.pgRestore().toString(), "--list", dump.toString()),
                null, null, "read the backup " + dump);
        Matcher m = DESK_SCHEMA.matcher(list);
        if (!m.find()) {
            throw new StoreException(dump + " is not a backup of a desk: it has no schema desk");
        }
        return m.group(1);
    }

    private static void requireEmptyDatabaseOfTheOwner(Connection c, Database target, String dumpOwner)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT session_user, pg_get_userbyid(d.datdba), d.datname, current_setting('server_encoding'),
                       EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?),
                       (SELECT count(*) FROM pg_roles WHERE rolname = ANY (?))
                FROM pg_database d WHERE d.datname = current_database()""")) {
            ps.setString(1, PostgresDialect.SCHEMA);
            ps.setArray(2, c.createArrayOf("text", GROUP_ROLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String member = rs.getString(1);
                String database = rs.getString(3);
                if (rs.getBoolean(5)) {
                    throw new StoreException("The database at " + target.description() + " is a desk already: "
                            + "restore into a new, empty database (the server's administrator runs CREATE DATABASE "
                            + "NEW-DATABASE OWNER " + dumpOwner + ")");
                }
                if (!member.equals(dumpOwner)) {
                    throw new StoreException("This backup is the desk of " + dumpOwner + ": its owner restores it, "
                            + "signed in with --user " + dumpOwner + " (" + member + " cannot)");
                }
                if (!member.equals(rs.getString(2))) {
                    throw new StoreException("The desk's owner must own the database it is restored into: the "
                            + "server's administrator runs ALTER DATABASE " + database + " OWNER TO " + member);
                }
                if (!"UTF8".equals(rs.getString(4))) {
                    throw new StoreException("A desk needs a UTF8 database; " + database + " is " + rs.getString(4));
                }
                if (rs.getInt(6) != GROUP_ROLES.size()) {
                    throw new StoreException("This server has no desk roles (" + String.join(", ", GROUP_ROLES)
                            + "): roles are the server's, not in a backup; its administrator brings them and the "
                            + "members' roles over from the old server first (pg_dumpall --roles-only, docs/cli.md)");
                }
            }
        }
    }

    /**
     * Whether the restored desk's members can sign in on this server: their login roles are the server's, not the
     * backup's, so they are found on the same server and must be brought over to a new one.
     */
    private static List<String> notes(Database restored) {
        List<String> missing = new ArrayList<>();
        int members = 0;
        try (Connection c = restored.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT u.username, EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = u.username AND r.rolcanlogin)
                     FROM app_user u WHERE u.disabled_ms IS NULL ORDER BY u.username""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                members++;
                if (!rs.getBoolean(2)) {
                    missing.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the restored desk's members", e);
        }
        if (missing.isEmpty()) {
            return List.of("members sign in with the server's own login roles, which a backup does not hold: all "
                    + members + " are on this server");
        }
        return List.of("members sign in with the server's own login roles, which a backup does not hold: "
                + String.join(", ", missing) + " cannot sign in until the server's administrator brings their roles "
                + "over from the old server (pg_dumpall --roles-only, docs/cli.md)");
    }
}
