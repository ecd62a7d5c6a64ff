package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.store.PostgresBackup;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.postgresql.TestPostgres;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.workflow.DeskFixture;

/**
 * A shared desk on PostgreSQL backed up with pg_dump while its members work, and restored with pg_restore into an
 * empty database on the same server: every row, sequence, guard and grant comes back, verify holds, and the members
 * sign in and go on working on the restored desk. Needs pg_dump and pg_restore on the PATH (else skipped).
 */
class PostgresBackupRestoreTest {
    private static final AtomicInteger RESTORED = new AtomicInteger();

    @TempDir
    Path home;

    private final List<String> dropDatabases = new ArrayList<>();
    private final List<String> dropRoles = new ArrayList<>();
    private DeskFixture fx;

    @AfterEach
    void tearDown() throws SQLException {
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            for (String database : dropDatabases) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            for (String role : dropRoles) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static void requirePgTools() {
        try {
            PostgresBackup.requireTools(System.getenv(), false);
            PostgresBackup.requireTools(System.getenv(), true);
        } catch (StoreException e) {
            Assumptions.abort("pg_dump/pg_restore are not installed: " + e.getMessage());
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String store, String user, Map<String, String> extraEnv, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store, "--user", user));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("WIREDESK_HOME", home.toString(),
                "WIREDESK_PASSWORD", "secret-" + user, "PATH", System.getenv().getOrDefault("PATH", "")));
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env, gui -> {
            throw new AssertionError("no window");
        });
        return new Run(code, out.toString(), err.toString());
    }

    private Run run(String store, String user, String... args) {
        return run(store, user, Map.of(), args);
    }

    /** The file backup wrote (its first line; a note on roles follows). */
    private static Path written(Run backup) {
        String first = backup.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("backed up to ");
        assertThat(backup.out()).contains("pg_dumpall --roles-only");
        return Path.of(first.substring("backed up to ".length()));
    }

    /** The desk's address as a member types it. */
    private static String address(String database) {
        return TestPostgres.url(database).substring("jdbc:".length());
    }

    private String sourceDatabase() {
        String url = fx.testDesk.postgresUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** An empty database owned by {@code owner}, made as the server's administrator makes one for a desk. */
    private String emptyDatabase(String owner) throws SQLException {
        String database = "restored_" + RESTORED.incrementAndGet();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
        dropDatabases.add(database);
        try (Connection c = TestPostgres.superuser(database); Statement st = c.createStatement()) {
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        return database;
    }

    /** Stories through the whole workflow, and a row in every kind of the desk's working state. */
    private List<StoryId> aWorkingDesk(Path site) throws SQLException {
        StoryId published = fx.story("pub", "Agency: council votes", "The council voted.");
        fx.desk(fx.copy).claim(fx.copy, published);
        fx.desk(fx.copy).saveDraft(fx.copy, published, "Council votes yes");
        fx.desk(fx.copy).submit(fx.copy, published, "Council votes yes on budget", "checked the figures");
        fx.desk(fx.chief).approve(fx.chief, published);
        fx.publish(fx.chief).publish(fx.chief, published, site);
        fx.publish(fx.chief).correct(fx.chief, published, "Council votes yes on the budget", "wording", site);
        StoryId rejected = fx.story("rej", "Agency: storm warning", "A storm is coming.");
        fx.desk(fx.copy).submit(fx.copy, rejected, "Storm warning for the coast", null);
        fx.desk(fx.chief).reject(fx.chief, rejected, "name the coast");
        StoryId spiked = fx.story("spk", "Agency: old news", "Old news.");
        fx.desk(fx.editor).spike(fx.editor, spiked);
        StoryId open = fx.story("open", "Agency: bridge closed", "The bridge is closed.");
        fx.desk(fx.copy).claim(fx.copy, open);
        fx.desk(fx.copy).autosave(fx.copy, open, "Bridge closed until Monday");
        new InboxRepository(fx.as(fx.copy).database()).setRead(List.of(open, published), "cora", true, Instant.now());
        // raw rows: QuarantineRepository.add and SourceRepository.save ask PostgreSQL for the generated key "ID"
        try (Connection c = fx.database.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quarantine (origin, reason, content, received_ms) VALUES (?, ?, ?, ?)");
             Statement st = c.createStatement()) {
            ps.setString(1, "https://feed.example/rss");
            ps.setString(2, "not a feed");
            ps.setBytes(3, "<html>\u00e9\u0000</html>".getBytes(StandardCharsets.UTF_8));
            ps.setLong(4, Instant.now().toEpochMilli());
            ps.executeUpdate();
            st.executeUpdate("INSERT INTO source (name, address, kind, poll_seconds) "
                    + "VALUES ('Agency', 'https://feed.example/rss', 'FEED', 300)");
        }
        return List.of(published, rejected, spiked, open);
    }

    @Test
    void aDumpRestoresIntoAnEmptyDatabaseWithEveryRowGuardAndGrantAndItsMembersWorkOn() throws Exception {
        requirePgTools();
        fx = DeskFixture.onPostgres(false);
        String owner = fx.testDesk.ownerName();
        List<StoryId> ids = aWorkingDesk(home.resolve("site"));
        String source = sourceDatabase();

        Run refused = run(address(source), "cora", "backup", "--to", home.resolve("backups").toString());
        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("Only the desk's owner backs it up");

        Run backup = run(address(source), owner, "backup", "--to", home.resolve("backups").toString());
        assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
        Path dump = written(backup);
        assertThat(dump.getFileName().toString()).startsWith(source + "-").endsWith("Z.dump");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");

        String target = emptyDatabase(owner);
        Run restore = run(address(target), owner, "restore", "--from", dump.toString());
        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("restored " + address(target)).contains("all 6 are on this server")
                .contains("all holds");

        assertThat(everyRow(target)).isEqualTo(everyRow(source));
        assertThat(everyRow(target).get("story")).hasSize(ids.size());
        assertThat(everyRow(target).get("publication")).hasSize(2);
        Map<String, List<List<String>>> restoredCatalogue = catalogue(target);
        catalogue(source).forEach((kind, rows) -> assertThat(restoredCatalogue.get(kind)).as(kind)
                .containsExactlyElementsOf(rows));

        // the guards came back: not even the owner changes a body
        try (Connection c = TestPostgres.login(target, owner, "secret-" + owner); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE desk.story SET body_html = '<p>changed</p>'"))
                    .isInstanceOf(SQLException.class);
        }
        // the members sign in on the restored desk and go on working; someone who is no member stays out
        StoryId open = ids.get(3);
        Run retitle = run(address(target), "cora", "retitle", String.valueOf(open.value()), "Bridge closed to Monday");
        assertThat(retitle.code()).as(retitle.out() + retitle.err()).isZero();
        Run submit = run(address(target), "cora", "submit", String.valueOf(open.value()));
        assertThat(submit.code()).as(submit.out() + submit.err()).isZero();
        Run approve = run(address(target), "dee", "approve", String.valueOf(open.value()));
        assertThat(approve.code()).as(approve.out() + approve.err()).isZero();
        Run verify = run(address(target), "dee", "verify");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("all holds");
        String stranger = "stranger_" + RESTORED.incrementAndGet();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + stranger + " LOGIN PASSWORD 'secret-" + stranger + "'");
        }
        dropRoles.add(stranger);
        assertThatThrownBy(() -> TestPostgres.login(target, stranger, "secret-" + stranger).close())
                .hasMessageContaining("permission denied for database");

        Run again = run(address(target), owner, "restore", "--from", dump.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("is a desk already");
    }

    @Test
    void aDumpIsOneSnapshotWhileAMemberKeepsWorking() throws Exception {
        requirePgTools();
        fx = DeskFixture.onPostgres(false);
        String owner = fx.testDesk.ownerName();
        StoryId story = fx.story("busy", "Agency: busy day", "A busy day.");
        fx.desk(fx.copy).claim(fx.copy, story);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger drafts = new AtomicInteger();
        CompletableFuture<Void> cora = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                fx.desk(fx.copy).saveDraft(fx.copy, story, "Busy day, take " + i);
                if (i % 5 == 0) {
                    fx.as(fx.copy).stories().insertIfNew(TestStories.story("more-" + i, "More " + i, "More."), "cora");
                }
                drafts.incrementAndGet();
            }
        });
        try {
            awaitDrafts(drafts, 3);
            int before = drafts.get();
            Run backup = run(address(sourceDatabase()), owner, "backup", "--to", home.resolve("backups").toString());
            int during = drafts.get() - before;
            awaitDrafts(drafts, drafts.get() + 2); // and more after the dump ended, which it cannot hold
            stop.set(true);
            cora.get(30, TimeUnit.SECONDS);
            assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
            assertThat(during).as("cora's drafts while pg_dump ran").isPositive();

            Path dump = written(backup);
            String target = emptyDatabase(owner);
            Run restore = run(address(target), owner, "restore", "--from", dump.toString());
            assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
            assertThat(restore.out()).contains("all holds");
            List<List<String>> restoredDrafts = everyRow(target).get("headline_draft");
            List<List<String>> sourceDrafts = everyRow(sourceDatabase()).get("headline_draft");
            assertThat(restoredDrafts.size()).isBetween(before, sourceDrafts.size() - 2);
            assertThat(sourceDrafts).containsAll(restoredDrafts);
        } finally {
            stop.set(true);
        }
    }

    private static void awaitDrafts(AtomicInteger drafts, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (drafts.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(drafts.get()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void theOwnersPasswordReachesPgDumpThroughItsEnvironmentOnlyAndTheAddressThroughItsOptions() throws Exception {
        fx = DeskFixture.onPostgres(false);
        String owner = fx.testDesk.ownerName();
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path seen = home.resolve("seen.txt");
        Path fake = bin.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\n{ echo \"ARGS $*\"; env | grep '^PG' | sort; } > '" + seen + "'\n"
                + "for a in \"$@\"; do case \"$a\" in --file=*) echo dump > \"${a#--file=}\";; esac; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Files.copy(fake, bin.resolve("pg_restore"));

        String store = address(sourceDatabase()) + "?sslmode=disable&sslrootcert=/etc/desk/root.crt";
        Run backup = run(store, owner, Map.of("WIREDESK_PG_BIN", bin.toString(), "PGHOST", "elsewhere.example"),
                "backup", "--to", home.resolve("backups").toString());
        assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.get(0)).contains("--format=custom", "--schema=desk", "--host=localhost",
                "--port=" + java.net.URI.create(TestPostgres.url("postgres").substring("jdbc:".length())).getPort(), "--username=" + owner, "--no-password",
                "--dbname=" + sourceDatabase()).doesNotContain("secret");
        assertThat(lines).contains("PGPASSWORD=secret-" + owner, "PGSSLMODE=disable",
                "PGSSLROOTCERT=/etc/desk/root.crt").noneMatch(line -> line.startsWith("PGHOST"));
    }

    @Test
    void withoutPgDumpTheBackupSaysWhatItNeedsAndThePlainCommand() throws Exception {
        Run backup = run("postgresql://localhost:1/nowhere", "olga", Map.of("PATH", home.toString()),
                "backup", "--to", home.resolve("backups").toString());
        assertThat(backup.code()).isEqualTo(1);
        assertThat(backup.err()).contains("needs PostgreSQL's pg_dump").contains("postgresql-client")
                .contains("pg_dump --format=custom --schema=desk");
        Run notAFile = run("postgresql://localhost:1/nowhere", "olga", Map.of("WIREDESK_PG_BIN", home.toString()),
                "restore", "--from", home.toString());
        assertThat(notAFile.code()).isEqualTo(2);
        assertThat(notAFile.err()).contains("--from: there is no file");
        Path dump = Files.writeString(home.resolve("desk.dump"), "a dump");
        Run restore = run("postgresql://localhost:1/nowhere", "olga", Map.of("WIREDESK_PG_BIN", home.toString()),
                "restore", "--from", dump.toString());
        assertThat(restore.code()).isEqualTo(1);
        assertThat(restore.err()).contains("needs PostgreSQL's pg_restore, which is not in WIREDESK_PG_BIN")
                .contains("pg_restore --exit-on-error --single-transaction");
    }

    @Test
    void aBackupIsRestoredByItsDesksOwnerOnly() throws Exception {
        requirePgTools();
        fx = DeskFixture.onPostgres(false);
        String owner = fx.testDesk.ownerName();
        fx.story("one", "Agency: one", "One.");
        Run backup = run(address(sourceDatabase()), owner, "backup", "--to", home.resolve("backups").toString());
        assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
        Path dump = written(backup);

        var other = TestPostgres.freshDatabase("secret-other");
        dropDatabases.add(other.database());
        dropRoles.add(other.owner());
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + other.owner() + " PASSWORD 'secret-" + other.owner() + "'");
        }
        Run byAnother = run(address(other.database()), other.owner(), "restore", "--from", dump.toString());
        assertThat(byAnother.code()).isEqualTo(1);
        assertThat(byAnother.err()).contains("This backup is the desk of " + owner + ": its owner restores it");
        Run byAMember = run(address(other.database()), "cora", "restore", "--from", dump.toString());
        assertThat(byAMember.code()).isEqualTo(1);
        assertThat(byAMember.err()).contains("This backup is the desk of " + owner);
        try (Connection c = TestPostgres.superuser(other.database()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'desk'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing was restored").isZero();
        }
    }

    /** Every row of every table in the desk's schema, as text, in a stable order; and every sequence's position. */
    private static Map<String, List<List<String>>> everyRow(String database) throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (Connection c = TestPostgres.superuser(database); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'desk' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                tables.put(table, rows(st, "SELECT * FROM desk." + table));
            }
            tables.put("(sequences)", rows(st, "SELECT sequencename, last_value FROM pg_sequences "
                    + "WHERE schemaname = 'desk'"));
        }
        return tables;
    }

    /** What guards and grants the desk's schema holds: owners, grants, functions, triggers, policies, checks. */
    private static Map<String, List<List<String>>> catalogue(String database) throws SQLException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (Connection c = TestPostgres.superuser(database); Statement st = c.createStatement()) {
            out.put("schema", rows(st, "SELECT nspname, pg_get_userbyid(nspowner), nspacl::text FROM pg_namespace "
                    + "WHERE nspname = 'desk'"));
            out.put("relations", rows(st, "SELECT relname, relkind, pg_get_userbyid(relowner), relacl::text, "
                    + "relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'desk'::regnamespace"));
            out.put("columns", rows(st, "SELECT attrelid::regclass::text, attname, attacl::text FROM pg_attribute "
                    + "WHERE attacl IS NOT NULL AND attrelid IN (SELECT oid FROM pg_class "
                    + "WHERE relnamespace = 'desk'::regnamespace)"));
            out.put("functions", rows(st, "SELECT oid::regprocedure::text, prosecdef, pg_get_userbyid(proowner), "
                    + "proacl::text, proconfig::text, prosrc FROM pg_proc WHERE pronamespace = 'desk'::regnamespace"));
            out.put("triggers", rows(st, "SELECT pg_get_triggerdef(oid), tgenabled FROM pg_trigger "
                    + "WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class "
                    + "WHERE relnamespace = 'desk'::regnamespace)"));
            out.put("policies", rows(st, "SELECT tablename, policyname, permissive, roles::text, cmd, qual, "
                    + "with_check FROM pg_policies WHERE schemaname = 'desk'"));
            // a check over a varchar IN list comes back with its casts moved ((ARRAY['A'::varchar])::text[] becomes
            // ARRAY[('A'::varchar)::text]): the same check, so compared without casts and brackets
            out.put("constraints", rows(st, "SELECT conrelid::regclass::text, conname, contype, "
                    + "regexp_replace(pg_get_constraintdef(oid), '::(text|character varying)(\\[\\])?|[()]', '', "
                    + "'g') FROM pg_constraint WHERE connamespace = 'desk'::regnamespace"));
            out.put("default privileges", rows(st, "SELECT pg_get_userbyid(defaclrole), defaclobjtype, "
                    + "defaclacl::text FROM pg_default_acl WHERE defaclnamespace = 'desk'::regnamespace"));
            out.put("database", rows(st, "SELECT pg_get_userbyid(datdba), datacl::text FROM pg_database "
                    + "WHERE datname = current_database()"));
        }
        return out;
    }

    private static List<List<String>> rows(Statement st, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        return rows;
    }
}
