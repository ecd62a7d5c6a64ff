package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wiredesk withdrawals [--check]}: re-checks the published stories' source pages and lists what is gone. */
class WithdrawalsCommandTest {
    private static final String CHIEF = "chief";
    private static final String ARTICLE = "<html><head><title>Port reopens</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<p>The Port of Calder reopened to shipping on Thursday after a storm that closed it for three days, the "
            + "port authority said, with the first vessels entering the harbour shortly after dawn.</p>"
            + "<p>More than 40 ships had waited at anchor off the coast since Monday, shipping agents said, and it "
            + "would take about a week to clear the backlog.</p></article></body></html>";

    @TempDir
    Path home;

    private HttpServer server;
    private volatile int status = 200;

    private CliRun run(String user, String... args) {
        return CliRun.run(home, home.resolve("store").toString(), user, "secret-" + user, "", args);
    }

    @BeforeEach
    void publishAStoryFromALoopbackPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/port", ex -> {
            byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        for (String[] step : new String[][] {{"init", "--owner", CHIEF, "--one-person-desk"},
                {"ingest", "http://127.0.0.1:" + server.getAddress().getPort() + "/port"},
                {"retitle", "1", "Calder port reopens after storm"}, {"submit", "1"}, {"approve", "1"},
                {"publish", "--out", home.resolve("site").toString()}}) {
            CliRun r = run(CHIEF, step);
            assertThat(r.code()).as(String.join(" ", step) + ": " + r.err()).isZero();
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aCheckNotesAPageThatAnswers410AndTheListShowsIt() {
        CliRun live = run(CHIEF, "withdrawals", "--check");
        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.out()).contains("/port answered 200").contains("1 checked, 0 withdrawn at the source")
                .endsWith("0 stories still running that the source withdrew" + System.lineSeparator());

        status = 410;
        CliRun gone = run(CHIEF, "withdrawals", "--check");
        assertThat(gone.code()).as(gone.err()).isZero();
        assertThat(gone.out()).contains("Story 1: http://127.0.0.1:").contains("/port answered 410: the source "
                + "withdrew it (noted)").contains("1 checked, 1 withdrawn at the source, 0 could not be checked");

        CliRun list = run(CHIEF, "withdrawals");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("    1  Published  Source withdrew: 410 on ")
                .contains("Calder port reopens after storm").contains("/port answered HTTP 410 (noted by chief)")
                .endsWith("1 story still running that the source withdrew" + System.lineSeparator());
    }

    @Test
    void aCopyEditorListsButCannotCheck() {
        CliRun add = CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-chief", "secret-cora\n",
                "users", "--add", "cora", "--role", "COPY_EDITOR", "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();

        CliRun check = run("cora", "withdrawals", "--check");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).contains("Only an editor or a desk chief checks what the sources withdrew");
        assertThat(run("cora", "withdrawals").code()).isZero();
    }
}
