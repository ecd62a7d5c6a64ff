package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import org.wiredesk.ingest.Corpus;
import org.wiredesk.store.TestDesk;
import org.wiredesk.store.postgresql.TestPostgres;

/**
 * {@code wiredesk store copy} from the command line: a Derby desk made and worked with the commands moves into a
 * PostgreSQL desk, verifies there, and its members sign in once the owner has given them a password; the refusals
 * say what is wrong in one line.
 */
class StoreCommandTest {
    private static final String DERBY_OWNER = "olga";
    private static final String DERBY_PASSWORD = "olga-derby-password";

    @TempDir
    Path home;

    private TestDesk pg;
    private String url;

    private record Run(int code, String out, String err) {
    }

    /** Runs as {@code user} with this password in WIREDESK_PASSWORD and extra variables, with this standard input. */
    private Run run(String user, String password, Map<String, String> extra, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--user", user));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(extra);
        env.put("WIREDESK_HOME", home.toString());
        env.put("WIREDESK_PASSWORD", password);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), env, Terminal.NONE, gui -> {
                    throw new AssertionError("no window");
                });
        return new Run(code, out.toString(), err.toString());
    }

    private Run derby(String user, String password, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", home.resolve("store").toString()));
        all.addAll(List.of(args));
        return run(user, password, Map.of(), input, all.toArray(String[]::new));
    }

    private Run copy(Map<String, String> extra, String... more) {
        List<String> all = new ArrayList<>(List.of("store", "copy", "--from", home.resolve("store").toString(),
                "--to", url, "--from-user", DERBY_OWNER));
        all.addAll(List.of(more));
        return run(pg.ownerName(), new String(TestDesk.password(pg.ownerName())), extra, "",
                all.toArray(String[]::new));
    }

    private static Map<String, String> derbyPassword() {
        return Map.of(StoreCommand.FROM_PASSWORD, DERBY_PASSWORD);
    }

    @BeforeEach
    void aDerbyDeskWithAStoryInProgressAndAnEmptyDeskOnPostgres() {
        assertThat(derby(DERBY_OWNER, DERBY_PASSWORD, "", "init", "--owner", DERBY_OWNER).code()).isZero();
        assertThat(derby(DERBY_OWNER, DERBY_PASSWORD, "cora-password\n", "users", "--add", "cora", "--role",
                "COPY_EDITOR", "--password-stdin").code()).isZero();
        Run ingest = derby("cora", "cora-password", "", "ingest",
                Corpus.path("readability/pages/aclu/source.html").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(derby("cora", "cora-password", "", "retitle", "1", "Tracked without an account").code()).isZero();
        assertThat(derby("cora", "cora-password", "", "submit", "1").code()).isZero();
        pg = TestDesk.onPostgres(false);
        url = pg.postgresUrl().substring("jdbc:".length());
    }

    @AfterEach
    void dropTheDeskAndTheCopiedRoles() throws SQLException {
        pg.close();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS cora");
            st.execute("DROP ROLE IF EXISTS " + DERBY_OWNER);
        }
    }

    @Test
    void aDerbyStoreMovesIntoAnEmptyDeskWhereItVerifiesAndItsMembersSignInOnceGivenAPassword() {
        Run copy = copy(derbyPassword());

        assertThat(copy.code()).as(copy.out() + copy.err()).isZero();
        assertThat(copy.out()).contains("copied " + home.resolve("store") + " into " + url + ": ")
                .contains("1 story").contains("3 status_change")
                .contains("members who need a first password (users --set NAME --password-stdin): cora, olga")
                .endsWith("all holds" + System.lineSeparator());
        Run before = run("cora", "cora-first-password", Map.of(), "", "--store", url, "list");
        assertThat(before.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        Run set = run(pg.ownerName(), new String(TestDesk.password(pg.ownerName())), Map.of(),
                "cora-first-password\n", "--store", url, "users", "--set", "cora", "--password-stdin");
        assertThat(set.code()).as(set.err()).isZero();
        Run show = run("cora", "cora-first-password", Map.of(), "", "--store", url, "story", "show", "1");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Tracked without an account").contains("SUBMITTED");
        Run verify = run("cora", "cora-first-password", Map.of(), "", "--store", url, "verify");
        assertThat(verify.out()).endsWith("all holds" + System.lineSeparator());
    }

    @Test
    void copyingTwiceIsRefusedInOneSentence() {
        assertThat(copy(derbyPassword()).code()).isZero();

        Run again = copy(derbyPassword());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("wiredesk: The desk at " + url + " is not empty (it has 1 row in story): "
                + "a store is copied only into a desk made with init and not used since" + System.lineSeparator());
    }

    @Test
    void aDatabaseThatIsNotADeskIsRefusedInOneSentence() throws SQLException {
        TestPostgres.Fresh bare = TestPostgres.freshDatabase(new String(TestDesk.password("unused")));
        String bareUrl = TestPostgres.url(bare.database()).substring("jdbc:".length());

        Run r = run(bare.owner(), new String(TestDesk.password("unused")), derbyPassword(), "", "store", "copy",
                "--from", home.resolve("store").toString(), "--to", bareUrl, "--from-user", DERBY_OWNER);
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + bare.database() + " WITH (FORCE)");
            st.execute("DROP ROLE " + bare.owner());
        }
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("wiredesk: The database at " + bareUrl + " is not a desk yet")
                .contains("init --owner NAME");
    }

    @Test
    void withoutTheDerbyOwnersPasswordTheCommandSaysHowToGiveIt() {
        Run r = copy(Map.of());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("set " + StoreCommand.FROM_PASSWORD);
    }

    @Test
    void aWrongDerbyPasswordSaysWhichStoreRefusedTheSignIn() {
        Run r = copy(Map.of(StoreCommand.FROM_PASSWORD, "not-the-password"));
        assertThat(r.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        assertThat(r.err()).isEqualTo("wiredesk: sign-in refused by the Derby store" + System.lineSeparator());
    }

    @Test
    void theTargetMustBeAPostgresDesk() {
        Run r = run(pg.ownerName(), "whatever-it-is", derbyPassword(), "", "store", "copy", "--from",
                home.resolve("store").toString(), "--to", home.resolve("other").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to: a PostgreSQL desk, postgresql://HOST[:PORT]/DATABASE");
    }
}
