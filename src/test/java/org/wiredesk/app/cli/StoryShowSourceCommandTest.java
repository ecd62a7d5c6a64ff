package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.store.TestDesk;

/**
 * {@code story show ID --source [--out FILE]} and {@code verify} on a desk that ingested a page over real HTTP on
 * loopback (windows-1252, through a redirect) and published it (issue 11, point 5; ADR 30): the original comes out
 * byte for byte with its SHA-256, address and content type as received; verify derives the published body from it,
 * and names the story when the archived bytes were changed behind the guards.
 */
class StoryShowSourceCommandTest {
    private static final String CHIEF = "chief";
    private static final String ARTICLE = "<html><head><title>Caf\u00e9 reopens</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<p>The Caf\u00e9 M\u00fcller in Calder reopened on Thursday after a storm that closed it for three "
            + "days, its owner said, with the first guests arriving shortly after dawn \u2013 \u201cat last\u201d.</p>"
            + "<p>More than 40 regulars had waited outside since Monday, neighbours said, and it would take about a "
            + "week to clear the backlog of birthday cakes.</p></article></body></html>";
    private static final byte[] SENT = ARTICLE.getBytes(Charset.forName("windows-1252"));

    @TempDir
    Path home;

    private HttpServer server;
    private String page;

    private CliRun run(String... args) {
        return CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-" + CHIEF, "", args);
    }

    @BeforeEach
    void publishAPageFetchedOverLoopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/cafe");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/cafe", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=windows-1252");
            ex.sendResponseHeaders(200, SENT.length);
            ex.getResponseBody().write(SENT);
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        page = base + "/cafe";
        for (String[] step : new String[][] {{"init", "--owner", CHIEF, "--one-person-desk"},
                {"ingest", base + "/old"}, {"retitle", "1", "Calder caf\u00e9 reopens after storm"},
                {"submit", "1"}, {"approve", "1"}, {"publish", "--out", home.resolve("site").toString()}}) {
            CliRun r = run(step);
            assertThat(r.code()).as(String.join(" ", step) + ": " + r.err()).isZero();
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theOriginalIsWrittenToAFileByteForByteWithItsSha256() throws IOException {
        Path out = home.resolve("original.html");

        CliRun r = run("story", "show", "1", "--source", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(SENT);
        assertThat(r.out()).startsWith("wrote story 1's original to " + out + ": " + SENT.length + " bytes, SHA-256 "
                + sha256(SENT) + ", fetched ").contains(" from " + page + " as text/html; charset=windows-1252");
    }

    @Test
    void withoutOutTheBytesGoToStandardOutputAndWhatTheyAreToStandardError() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun r;
        System.setOut(new PrintStream(captured, true));
        try {
            r = run("story", "show", "1", "--source");
        } finally {
            System.setOut(before);
        }

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(captured.toByteArray()).isEqualTo(SENT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("SHA-256 " + sha256(SENT));
    }

    @Test
    void aStoryWithoutAnOriginalIsToldSoAndOptionsAreChecked() throws SQLException {
        owner("DROP TRIGGER story_original_is_kept", "UPDATE story SET source_fetch_id = NULL WHERE id = 1");

        CliRun none = run("story", "show", "1", "--source");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("story 1 was stored before the archive existed: it has no archived original");
        CliRun outAlone = run("story", "show", "1", "--out", home.resolve("x").toString());
        assertThat(outAlone.code()).isEqualTo(2);
        assertThat(outAlone.err()).contains("--out: only with --source");
        // and verify counts it, and holds
        CliRun verify = run("verify");
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("1 published story was stored before the archive and has none");
    }

    @Test
    void verifyDerivesThePublishedBodyFromItsOriginalAndNamesTheStoryWhenTheBytesWereChanged() throws SQLException {
        CliRun holds = run("verify");
        assertThat(holds.code()).as(holds.out()).isZero();
        assertThat(holds.out()).contains("checked 1 published body against their archived originals (1 derived "
                + "again exactly by the build that made them, 0 word for word)");

        String sha = sha256(SENT);
        try (TestDesk desk = TestDesk.reopen(home.resolve("store"), CHIEF);
             Connection c = desk.owner().connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER source_archive_is_kept_as_fetched");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE source_archive SET gz = ? WHERE sha256 = ?")) {
                ps.setBytes(1, gzip(ARTICLE.replace("40", "400").getBytes(Charset.forName("windows-1252"))));
                ps.setString(2, sha);
                assertThat(ps.executeUpdate()).isOne();
            }
        }

        CliRun broken = run("verify");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN: story 1's archived original was tampered with: the archived bytes "
                + "are not the ones their SHA-256 " + sha + " names").endsWith("1 break found" + System.lineSeparator());
        assertThat(run("story", "show", "1", "--source").err()).contains("not the ones their SHA-256");
    }

    private void owner(String... sql) throws SQLException {
        try (TestDesk desk = TestDesk.reopen(home.resolve("store"), CHIEF);
             Connection c = desk.owner().connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
