package org.wiredesk.store.postgresql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.PostgresSetup;
import org.wiredesk.store.UserRepository;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Role;

/**
 * A desk on the shared test PostgreSQL: a fresh database made a desk by its owner through WireDesk, and members
 * added through WireDesk's own member management (login roles with SCRAM passwords). Member names carry the database's number, as login roles are the cluster's.
 */
final class PgTestDesk {
    static final String SCRIPT = "/org/wiredesk/store/postgresql/V001__desk.sql";
    private static final String OWNER_PASSWORD = "owner-secret-1";

    private final TestPostgres.Fresh db;

    private PgTestDesk(TestPostgres.Fresh db) {
        this.db = db;
    }

    /** A new desk, made by its owner the way {@code init --owner} makes one ({@link PostgresSetup}). */
    static PgTestDesk create() throws SQLException {
        PgTestDesk desk = new PgTestDesk(TestPostgres.freshDatabase(OWNER_PASSWORD));
        PostgresSetup.create(desk.ownerDatabase(), "The Owner", false).close();
        return desk;
    }

    /** The desk signed in as its owner, through WireDesk. */
    Database ownerDatabase() {
        return Database.postgres(TestPostgres.url(db.database()),
                new Credentials(db.owner(), OWNER_PASSWORD.toCharArray()));
    }

    static String script() {
        try (InputStream in = PgTestDesk.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner's connection (plain JDBC, password). */
    Connection owner() throws SQLException {
        return TestPostgres.login(db.database(), db.owner(), OWNER_PASSWORD);
    }

    String database() {
        return db.database();
    }

    String ownerName() {
        return db.owner();
    }

    /** The role name of a member of this desk. */
    String name(String member) {
        return member + "_" + db.n();
    }

    static String password(String member) {
        return "pw-" + member + "-secret";
    }

    /**
     * Adds a member the way {@code users --add} does (a login role with a SCRAM password, holding the group roles
     * named: wd_editor, wd_copy_editor, wd_desk_chief), so the refusals are tried on the privileges WireDesk gives.
     */
    String add(String member, String... groups) {
        String role = name(member);
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String group : groups) {
            roles.add(Role.valueOf(group.substring("wd_".length()).toUpperCase(java.util.Locale.ROOT)));
        }
        new UserRepository(ownerDatabase()).add(role, member, roles, password(member).toCharArray());
        return role;
    }

    /** A member's own connection by plain JDBC, no WireDesk code between them and the store. */
    Connection member(String member) throws SQLException {
        return TestPostgres.login(db.database(), name(member), password(member));
    }

    /**
     * A story as ingest stores it, inserted by the member on their connection with plain SQL, with its arrival
     * recorded (in the connection's transaction when it is not in auto-commit). Its text is "The body.".
     */
    long ingest(Connection c, String guid, String url, String bodyHtml) throws SQLException {
        // the story and its arrival in one transaction, as the desk requires (V003)
        boolean own = c.getAutoCommit();
        c.setAutoCommit(false);
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO desk.story (dedup_hash, dedup_key, source_name, url, agency_headline, received_ms,
                    body_html, body_sha256, body_html_sha256, status, updated_ms)
                VALUES (?, ?, 'Agency', ?, 'Agency headline', 0, ?, ?, ?, 'NEW', 0) RETURNING id""")) {
            ps.setString(1, Fingerprint.sha256Hex(guid));
            ps.setString(2, guid);
            ps.setString(3, url);
            ps.setString(4, bodyHtml);
            ps.setString(5, Fingerprint.sha256Hex("The body."));
            ps.setString(6, Fingerprint.ofHtml(bodyHtml));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT desk.record_arrival(?, NULL)")) {
            ps.setLong(1, id);
            ps.execute();
        }
        if (own) {
            c.commit();
            c.setAutoCommit(true);
        }
        return id;
    }
}
