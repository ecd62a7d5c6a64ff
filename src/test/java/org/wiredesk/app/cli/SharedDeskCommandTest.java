package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.AppContext;
import org.wiredesk.store.postgresql.TestPostgres;

/**
 * The command line on a shared desk on PostgreSQL: the server's administrator made an empty database owned by the
 * desk's owner; the owner makes it a desk and adds members; members sign in with their own passwords and work.
 * Bad addresses, passwords and databases each get one sentence.
 */
class SharedDeskCommandTest {
    private static final String OWNER_PASSWORD = "owner-password";

    @TempDir
    Path home;

    private TestPostgres.Fresh db;
    private String url;
    private String owner;
    private final List<String> members = new ArrayList<>();

    @BeforeEach
    void makeTheDesk() throws SQLException {
        db = TestPostgres.freshDatabase(OWNER_PASSWORD);
        owner = db.owner();
        url = TestPostgres.url(db.database()).substring("jdbc:".length());
        CliRun init = run(url, owner, OWNER_PASSWORD, "", "init", "--owner", owner, "--name", "Olga Owner");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("a desk, owned by " + owner + " (four eyes)");
        add("carla", "COPY_EDITOR");
        add("dora", "DESK_CHIEF");
        add("dan", "DESK_CHIEF");
    }

    @AfterEach
    void dropTheDesk() throws SQLException {
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
            for (String m : members) {
                st.execute("DROP ROLE IF EXISTS " + m);
            }
        }
    }

    private String member(String name) {
        return name + "_" + db.n();
    }

    private void add(String name, String role) {
        members.add(member(name));
        CliRun add = run(url, owner, OWNER_PASSWORD, name + "-password\n", "users", "--add", member(name), "--role", role,
                "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
    }

    private CliRun as(String name, String... args) {
        return run(url, member(name), name + "-password", "", args);
    }

    private CliRun run(String store, String user, String password, String input, String... args) {
        return CliRun.run(home, store, user, password, input, args);
    }

    private Path demo(String name) throws IOException {
        return CliRun.demo(home, name);
    }

    @Test
    void membersSignInWithTheirOwnPasswordsAndTakeAStoryFromIngestToAVerifiedPage() throws IOException {
        CliRun users = run(url, owner, OWNER_PASSWORD, "", "users");
        assertThat(users.out()).contains(member("carla") + "  " + member("carla") + "  COPY_EDITOR")
                .contains(owner + "  Olga Owner  COPY_EDITOR,DESK_CHIEF,EDITOR  owner");
        CliRun ingest = as("carla", "ingest", demo("council-budget.html").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        String id = null;
        for (JsonNode row : new ObjectMapper().readTree(as("dora", "list", "--json").out())) {
            id = row.get("id").asText();
        }
        assertThat(id).isNotNull();
        assertThat(as("carla", "retitle", id, "Council passes record housing budget").code()).isZero();
        assertThat(as("carla", "submit", id).code()).isZero();
        Path site = home.resolve("site");
        assertThat(as("dora", "approve", id).code()).isZero();
        CliRun publish = as("dan", "publish", id, "--out", site.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        CliRun verify = as("dora", "verify", "--site", site.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("all holds");
        CliRun show = as("dora", "story", "show", id);
        assertThat(show.out()).contains(member("carla")).contains(member("dora")).contains(member("dan"));
    }

    @Test
    void aMemberCannotApproveTheirOwnSubmissionOnAFourEyesDesk() throws IOException {
        add("sam", "COPY_EDITOR");
        assertThat(run(url, owner, OWNER_PASSWORD, "", "users", "--set", member("sam"), "--role", "COPY_EDITOR",
                "--role", "DESK_CHIEF").code()).isZero();
        as("sam", "ingest", demo("council-budget.html").toString());
        String id = new ObjectMapper().readTree(as("sam", "list", "--json").out()).get(0).get("id").asText();
        assertThat(as("sam", "retitle", id, "Her own headline").code()).isZero();
        assertThat(as("sam", "submit", id).code()).isZero();
        CliRun approve = as("sam", "approve", id);
        assertThat(approve.code()).isEqualTo(1);
        assertThat(approve.err()).containsIgnoringCase("four eyes");
    }

    @Test
    void aWrongPasswordAnUnknownOrADisabledMemberExit4WithNoHint() {
        CliRun wrong = run(url, member("carla"), "not-her-password", "", "list");
        CliRun unknown = run(url, "mallory", "whatever-password", "", "list");
        assertThat(run(url, owner, OWNER_PASSWORD, "", "users", "--disable", member("carla")).code()).isZero();
        CliRun disabled = as("carla", "list");
        for (CliRun r : List.of(wrong, unknown, disabled)) {
            assertThat(r.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
            assertThat(r.err()).isEqualTo("wiredesk: sign-in refused" + System.lineSeparator());
        }
    }

    @Test
    void aMemberChangesTheirOwnPasswordAndTheOwnerResetsADisabledMembersAndTheirRolesComeBack() {
        CliRun change = run(url, member("carla"), "carla-password", "carla-new-password\n", "users", "--password",
                "--password-stdin");
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(run(url, member("carla"), "carla-password", "", "list").code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        assertThat(run(url, member("carla"), "carla-new-password", "", "list").code()).isZero();

        assertThat(run(url, owner, OWNER_PASSWORD, "", "users", "--disable", member("dora")).code()).isZero();
        assertThat(run(url, owner, OWNER_PASSWORD, "", "users").out())
                .contains(member("dora") + "  " + member("dora") + "  DESK_CHIEF  disabled");
        CliRun reset = run(url, owner, OWNER_PASSWORD, "dora-again-password\n", "users", "--set", member("dora"),
                "--password-stdin");
        assertThat(reset.code()).as(reset.err()).isZero();
        assertThat(run(url, owner, OWNER_PASSWORD, "", "users").out())
                .contains(member("dora") + "  " + member("dora") + "  DESK_CHIEF");
        assertThat(run(url, member("dora"), "dora-again-password", "", "list").code()).isZero();
    }

    @Test
    void onlyTheOwnerManagesMembersAndTheServerRefusesAMemberWhoTriesAnyway() {
        CliRun add = run(url, member("dora"), "dora-password", "eve-password\n", "users", "--add", "eve", "--role",
                "DESK_CHIEF", "--password-stdin");
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("Only the store's owner manages members");
    }

    @Test
    void aJdbcUrlWorksTooAndCredentialsInTheAddressAreRefused() {
        CliRun jdbc = run("jdbc:" + url, member("dora"), "dora-password", "", "list");
        assertThat(jdbc.code()).as(jdbc.err()).isZero();
        CliRun withPassword = run(url + "?password=x", member("dora"), "dora-password", "", "list");
        assertThat(withPassword.code()).isEqualTo(1);
        assertThat(withPassword.err()).contains("never written in a URL");
    }

    @Test
    void anUnreachableServerADatabaseThatIsNotADeskANewerDeskAndDerbysNetworkServerEachGetOneSentence()
            throws SQLException {
        CliRun unreachable = run("postgresql://localhost:1/desk", member("dora"), "dora-password", "", "list");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("wiredesk: Cannot reach the desk at postgresql://localhost:1/desk");

        TestPostgres.Fresh empty = TestPostgres.freshDatabase(OWNER_PASSWORD);
        String emptyUrl = TestPostgres.url(empty.database()).substring("jdbc:".length());
        CliRun notADesk = run(emptyUrl, empty.owner(), OWNER_PASSWORD, "", "list");
        assertThat(notADesk.code()).isEqualTo(1);
        assertThat(notADesk.err()).contains("is not a desk yet").contains("init --owner");

        try (Connection c = TestPostgres.login(db.database(), owner, OWNER_PASSWORD); Statement st = c.createStatement()) {
            st.execute("INSERT INTO desk.schema_version (version, script, applied_ms) VALUES (99, 'V099', 0)");
        }
        CliRun newer = as("dora", "list");
        assertThat(newer.code()).isEqualTo(1);
        assertThat(newer.err()).contains("upgraded by a newer WireDesk");

        CliRun network = run("//deskserver:1527/desk", member("dora"), "dora-password", "", "list");
        assertThat(network.code()).isEqualTo(1);
        assertThat(network.err().strip().lines().count()).isEqualTo(1);
        assertThat(network.err()).contains("PostgreSQL").contains("docs/shared-desk.md");
    }
}
