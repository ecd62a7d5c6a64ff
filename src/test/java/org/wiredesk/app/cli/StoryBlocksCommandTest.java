package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.store.TestDesk;

/**
 * {@code story blocks ID [--use 0,1,3-7]} on a desk that ingested a page over real HTTP on loopback (issue 11, point
 * 6; ADR 32): the blocks of the archived original are listed with those in the body marked; a choice drops the
 * caption and the ad label and makes the body; the story then runs through submission, approval and publication, and
 * {@code verify} proves the chosen body from its original, and names the story when the body was changed behind the
 * guards.
 */
class StoryBlocksCommandTest {
    private static final String CHIEF = "chief";
    static final String FIRST = "The Calder river burst its banks on Thursday night, flooding the lower town and "
            + "forcing more than two hundred families from their homes before dawn, the council said.";
    static final String SECOND = "Rescue teams worked through the night with boats borrowed from the rowing club, "
            + "and the water had begun to fall by midday on Friday, according to the fire service.";
    static final String CAPTION = "Photo: the flooded high street at first light (Agency / J. Doe)";
    static final String AD = "ADVERTISEMENT";
    static final String THIRD = "The council said it would open the school gym as a shelter for as long as needed "
            + "and asked residents not to drive through standing water on the valley road.";
    static final String ARTICLE = "<html><head><title>Calder floods</title><meta property=\"og:type\" "
            + "content=\"article\"></head><body><article><h1>Calder river floods the lower town</h1>"
            + "<p>" + FIRST + "</p><figure><img src=\"flood.jpg\"><figcaption>" + CAPTION + "</figcaption></figure>"
            + "<p>" + SECOND + "</p><p>" + AD + "</p><p>" + THIRD + "</p></article>"
            + "<footer><p>Read more: how the town prepared for the floods</p></footer></body></html>";

    @TempDir
    Path home;

    private HttpServer server;

    private CliRun run(String... args) {
        return CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-" + CHIEF, "", args);
    }

    @BeforeEach
    void ingestAPageOverLoopback() throws IOException {
        byte[] sent = ARTICLE.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/floods", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, sent.length);
            ex.getResponseBody().write(sent);
            ex.close();
        });
        server.start();
        for (String[] step : new String[][] {{"init", "--owner", CHIEF, "--one-person-desk"},
                {"ingest", "http://127.0.0.1:" + server.getAddress().getPort() + "/floods"}}) {
            CliRun r = run(step);
            assertThat(r.code()).as(String.join(" ", step) + ": " + r.err()).isZero();
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theBlocksAreListedWithThoseInTheBodyMarkedAndAChoiceBecomesTheBodyThatVerifyProves() throws SQLException {
        CliRun listed = run("story", "blocks", "1");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("Story 1: ").contains("as ingest made it");
        String use = number(listed.out(), FIRST) + "," + number(listed.out(), SECOND) + ","
                + number(listed.out(), THIRD);

        CliRun chosen = run("story", "blocks", "1", "--use", use);

        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("story 1's body is now blocks " + use + " of its original")
                .contains("3 in the body, chosen by chief at ");
        assertThat(marked(chosen.out())).containsExactly(number(listed.out(), FIRST), number(listed.out(), SECOND),
                number(listed.out(), THIRD));
        String shown = run("story", "show", "1").out();
        assertThat(shown).endsWith(FIRST + "\n\n" + SECOND + "\n\n" + THIRD + System.lineSeparator())
                .doesNotContain(CAPTION).doesNotContain(AD);
        for (String[] step : new String[][] {{"retitle", "1", "Calder river floods the lower town"}, {"submit", "1"},
                {"approve", "1"}, {"publish", "--out", home.resolve("site").toString()}}) {
            CliRun r = run(step);
            assertThat(r.code()).as(String.join(" ", step) + ": " + r.err() + r.out()).isZero();
        }
        CliRun verify = run("verify");
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("checked 1 published body against their archived originals (0 derived "
                + "again exactly by the build that made them, 0 word for word, 1 chosen from the original's blocks, "
                + "each block word for word)");
        // after submission the choice is closed
        CliRun late = run("story", "blocks", "1", "--use", "0");
        assertThat(late.code()).isEqualTo(1);
        assertThat(late.err()).contains("its blocks are chosen only before it is submitted");

        // a sentence the source never wrote, put in the body behind the guards with every fingerprint consistent
        String forged = "<p>" + FIRST + "</p><p>" + SECOND + "</p><p>The mayor resigned.</p>";
        owner("DROP TRIGGER story_content_is_immutable");
        try (TestDesk desk = TestDesk.reopen(home.resolve("store"), CHIEF); Connection c = desk.owner().connect();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE story SET body_html = ?, body_sha256 = ?, body_html_sha256 = ? WHERE id = 1")) {
            ps.setString(1, forged);
            ps.setString(2, Fingerprint.ofText(FIRST + " " + SECOND + " The mayor resigned."));
            ps.setString(3, Fingerprint.ofHtml(forged));
            assertThat(ps.executeUpdate()).isOne();
        }
        CliRun broken = run("verify");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN: story 1's published body, chosen from blocks 3 of its original, is "
                + "not the body its latest recorded choice made");
    }

    @Test
    void aChoiceIsCheckedBeforeAnythingIsWritten() {
        CliRun notANumber = run("story", "blocks", "1", "--use", "1,x");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--use: \"x\" is not a block number or a range such as 3-7");
        CliRun tooFar = run("story", "blocks", "1", "--use", "0-999");
        assertThat(tooFar.code()).isEqualTo(1);
        assertThat(tooFar.err()).contains("there is no block");
        assertThat(run("story", "blocks", "1").out()).contains("as ingest made it");
    }

    private static String number(String listing, String text) {
        for (String line : listing.split("\\R")) {
            String words = line.length() > 4 ? line.substring(line.indexOf(' ', 0) + 3) : "";
            if (!line.startsWith("Story") && text.startsWith(words.replace("…", ""))) {
                return line.strip().split(" ")[0];
            }
        }
        throw new AssertionError("no block «" + text + "» in\n" + listing);
    }

    private static List<String> marked(String listing) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            String[] parts = line.strip().split(" ", 3);
            if (parts.length > 1 && parts[0].matches("\\d+") && parts[1].equals("*")) {
                out.add(parts[0]);
            }
        }
        return out;
    }

    private void owner(String... sql) throws SQLException {
        try (TestDesk desk = TestDesk.reopen(home.resolve("store"), CHIEF);
             Connection c = desk.owner().connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
