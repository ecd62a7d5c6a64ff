package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.store.TestDesk;

/**
 * {@code wiredesk verify} on a real desk that published two stories: it holds, and then each kind of tampering the
 * issue names is found and named: a one-character change in a page, a history row changed by the owner with the
 * guard removed, a deleted row, a reordered chain.
 */
class VerifyCommandTest {
    @TempDir
    Path home;

    private Path store;
    private Path site;

    private CliRun run(String user, String... args) {
        return CliRun.run(home, store.toString(), user, "secret-" + user, "", args);
    }

    @BeforeEach
    void publishTwoStories() {
        store = home.resolve("store");
        site = home.resolve("site");
        try (TestDesk desk = TestDesk.inDirectory(store, false)) {
            desk.add("cora", Role.COPY_EDITOR);
            desk.add("dee", Role.DESK_CHIEF);
            try (AppContext cora = AppContext.open(desk.as("cora"), site, Clock.systemUTC())) {
                DemoWire.ingest(cora.ingest(), "cora");
                for (Story s : cora.stories().findAll(Set.of(Status.NEW)).subList(0, 2)) {
                    cora.desk().submit(cora.user(), s.id(), "Desk: " + s.agencyHeadline().text(), null);
                }
            }
            try (AppContext dee = AppContext.open(desk.as("dee"), site, Clock.systemUTC())) {
                for (Story s : dee.stories().findAll(Set.of(Status.SUBMITTED))) {
                    dee.desk().approve(dee.user(), s.id());
                }
                assertThat(dee.publish().publishAllApproved(dee.user(), site).published()).hasSize(2);
            }
        }
    }

    @Test
    void anUntouchedDeskVerifiesAndSaysWhatItChecked() {
        CliRun r = run("dee", "verify", "--site", site.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("checked 21 history links (15 status changes, 2 headline revisions").contains("2 approvals, 2 publications")
                .contains("bodies against their text and markup fingerprints")
                .contains("checked 2 pages in").contains("(2 verified)").endsWith("all holds" + System.lineSeparator());
    }

    @Test
    void aOneCharacterChangeInAPageIsFoundBySiteAndByPage() throws IOException {
        Path page = onePage();
        String html = Files.readString(page);
        int at = html.indexOf("<!--wd-body-->") + "<!--wd-body-->".length() + 5;
        String changed = html.substring(0, at) + (html.charAt(at) == 'x' ? 'y' : 'x') + html.substring(at + 1);
        Files.writeString(page, changed);

        CliRun r = run("dee", "verify", "--site", site.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN: story").contains(site.relativize(page).toString().replace('\\', '/'));
        CliRun one = run("nobody", "verify", "--page", page.toString());
        assertThat(one.code()).as(one.err()).isEqualTo(1);
        assertThat(one.out()).contains("BROKEN:");
    }

    @Test
    void aSinglePageVerifiesWithNothingButThePublicKey() throws IOException {
        Path copy = Files.copy(onePage(), home.resolve("received.html"));
        CliRun r = run("nobody", "verify", "--page", copy.toString(), "--key", site.resolve("desk-key.pem").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("the page is the desk's, unchanged");
    }

    @Test
    void aHistoryRowChangedByTheOwnerWithTheGuardRemovedIsFound() throws SQLException {
        owner("DROP TRIGGER status_change_is_history",
                "UPDATE status_change SET reason = 'approved after a call' WHERE to_status = 'APPROVED'");
        CliRun r = run("dee", "verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("BROKEN: status_change row \\d+ \\(link \\d+, story \\d+\\) was changed after it was written");
    }

    @Test
    void aDeletedHistoryRowIsFound() throws SQLException {
        owner("DROP TRIGGER headline_draft_is_kept",
                "DELETE FROM headline_draft WHERE chain_seq = (SELECT MIN(chain_seq) FROM headline_draft)");
        CliRun r = run("dee", "verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("BROKEN: links \\d+ to \\d+ are missing before")
                .contains("does not follow the row before it");
    }

    @Test
    void aReorderedChainIsFound() throws SQLException {
        // the owner swaps the places of the two approvals in the chain
        long first;
        long second;
        try (TestDesk owner = TestDesk.reopen(store); Connection c = owner.owner().connect();
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT MIN(chain_seq), MAX(chain_seq) FROM approval")) {
            rs.next();
            first = rs.getLong(1);
            second = rs.getLong(2);
        }
        owner("DROP TRIGGER approval_is_history",
                "UPDATE approval SET chain_seq = -chain_seq",
                "UPDATE approval SET chain_seq = CASE WHEN chain_seq = -" + first + " THEN " + second + " ELSE "
                        + first + " END");
        CliRun r = run("dee", "verify");
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN: approval row").contains("does not follow the row before it");
    }

    @Test
    void aMissingSiteFolderIsAClearMessage() {
        CliRun r = run("dee", "verify", "--site", home.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("wiredesk: --site: no such folder: " + home.resolve("nope")
                + System.lineSeparator());
    }

    private Path onePage() throws IOException {
        try (Stream<Path> pages = Files.list(site.resolve("stories"))) {
            return pages.sorted().findFirst().orElseThrow();
        }
    }

    private void owner(String... statements) throws SQLException {
        try (TestDesk owner = TestDesk.reopen(store); Connection c = owner.owner().connect();
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
