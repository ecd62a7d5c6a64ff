package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.publish.DeskVerifier;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.workflow.DeskFixture;

/**
 * An agency item without a web page of its own (issue 13, point 3; ADR 19): it cannot be approved until its agency
 * has a credit address; the approval binds the address in force; its page, feeds and {@code verify} use that one,
 * whatever is set later. Through WireDesk and as an attacker with a plain JDBC client: only editors and desk chiefs
 * set addresses, as themselves; nobody rewrites or deletes one, or writes a story's bound address. On Derby;
 * {@code PgCreditAddressStoreTest} runs every test again on PostgreSQL.
 */
class CreditAddressStoreTest {
    private static final String DPA = "https://www.dpa.com/en";

    @TempDir
    Path site;

    DeskFixture desk;
    StoryId item;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        String text = "Berlin (dpa) - The federal cabinet agreed the budget on Wednesday.";
        item = desk.stories.insertIfNew(new NewStory("urn:newsml:dpa.com:20261127:budget", "dpa", null,
                new Headline("Cabinet agrees budget"), new Body("<p>" + text + "</p>", Fingerprint.ofText(text)),
                "A. Reporter", "de", null, desk.clock.instant()), "test").orElseThrow();
        desk.desk(desk.copy).submit(desk.copy, item, "Cabinet agrees the budget", null);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void anItemWithoutAWebPageIsApprovedOnceItsAgencyHasACreditAddressAndItsPagePrintsIt() throws Exception {
        assertThat(desk.desk(desk.chief).cannotApproveBecause(desk.stories.find(item).orElseThrow())).get()
                .asString().contains("no credit address is set for «dpa»");
        assertThatThrownBy(() -> desk.desk(desk.chief).approve(desk.chief, item))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("Sources screen");

        desk.desk(desk.editor).credits().set(desk.editor, "DPA", DPA);
        desk.desk(desk.chief).approve(desk.chief, item);
        assertThat(desk.stories.find(item).orElseThrow().creditUrl()).isEqualTo(URI.create(DPA));

        // set later, for later stories: what was approved keeps the address it was approved with
        desk.desk(desk.chief).credits().set(desk.chief, "dpa", "https://www.dpa.com/de");
        PublishService.Result result = desk.publish(desk.chief).publish(desk.chief, item, site);

        Document page = Jsoup.parse(Files.readString(result.page()));
        assertThat(page.select("[data-wd-url]").attr("href")).isEqualTo(DPA);
        assertThat(page.select(".credit-note").text()).contains("no web page of its own");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(Files.readString(site.resolve("feed.xml"))).contains(DPA);
        DeskVerifier.Report report = verifier().verify(site);
        assertThat(report.breaks()).isEmpty();
        assertThat(desk.desk(desk.chief).credits().inForce("Dpa").orElseThrow().address())
                .isEqualTo(URI.create("https://www.dpa.com/de"));
    }

    @Test
    void theDatabaseRefusesAnApprovalWithoutAnAddressWhateverTheCodeSkips() {
        StoryRepository stories = desk.as(desk.chief).stories();
        var story = stories.find(item).orElseThrow();
        assertThatThrownBy(() -> desk.as(desk.chief).workflow().approve(item, story.runningHeadline(), story.body(),
                false, desk.clock.instant())).isInstanceOf(RefusedByStoreException.class);
        assertThat(desk.stories.find(item).orElseThrow().status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void aCopyEditorSetsNoCreditAddressThroughWireDeskOrByPlainJdbc() throws SQLException {
        assertThatThrownBy(() -> desk.desk(desk.copy).credits().set(desk.copy, "dpa", DPA))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("editor or the desk chief role");
        try (Connection c = PlainMember.connect(desk, "cora")) {
            PlainMember.refused(c, insert("cora"));
            if (isPostgres()) {
                PlainMember.refused(c, "SELECT desk.set_credit_address('dpa', '" + DPA + "')");
            }
        }
        assertThat(desk.desk(desk.chief).credits().inForce("dpa")).isEmpty();
    }

    @Test
    void anAddressIsSetAsTheMemberWhoSetsItAndIsAWebAddress() throws SQLException {
        try (Connection c = PlainMember.connect(desk, "ed")) {
            PlainMember.refused(c, insert("dee"));
        }
        assertThatThrownBy(() -> desk.desk(desk.editor).credits().set(desk.editor, "dpa", "javascript:alert(1)"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("not an absolute http or https address");
        assertThatThrownBy(() -> desk.desk(desk.editor).credits().set(desk.editor, "dpa", "www.dpa.com"))
                .isInstanceOf(WorkflowException.class);
        assertThat(desk.desk(desk.chief).credits().inForce("dpa")).isEmpty();
        desk.desk(desk.editor).credits().set(desk.editor, "dpa", DPA);
        assertThat(desk.desk(desk.chief).credits().inForce("dpa").orElseThrow().author()).isEqualTo("ed");
    }

    @Test
    void noAddressIsRewrittenOrDeletedAndNobodyWritesAStorysBoundAddress() throws SQLException {
        desk.desk(desk.editor).credits().set(desk.editor, "dpa", DPA);
        desk.desk(desk.chief).approve(desk.chief, item);
        desk.publish(desk.chief).publish(desk.chief, item, site);
        for (String member : new String[] {"ed", "dee"}) {
            try (Connection c = PlainMember.connect(desk, member)) {
                PlainMember.refused(c, "UPDATE desk.source_credit SET address = 'https://evil.example'");
                PlainMember.refused(c, "DELETE FROM desk.source_credit");
                PlainMember.refused(c, "UPDATE desk.story SET credit_url = 'https://evil.example' WHERE id = "
                        + item.value());
            }
        }
        try (Connection owner = desk.testDesk.owner().connect()) {
            PlainMember.refused(owner, "UPDATE source_credit SET address = 'https://evil.example'");
            PlainMember.refused(owner, "DELETE FROM source_credit");
            PlainMember.refused(owner, "UPDATE story SET credit_url = 'https://evil.example' WHERE id = "
                    + item.value());
        }
        assertThat(desk.stories.find(item).orElseThrow().creditUrl()).isEqualTo(URI.create(DPA));
        assertThat(verifier().verify(site).breaks()).isEmpty();
    }

    private DeskVerifier verifier() {
        Database db = desk.database;
        return new DeskVerifier(new StoryRepository(db), new WorkflowRepository(db), new HistoryAudit(db),
                new DeskKeyRepository(db), new CreditRepository(db));
    }

    /** A plain INSERT of a credit address in {@code setBy}'s name, as the engine takes ids. */
    private String insert(String setBy) {
        String id = isPostgres() ? "nextval('desk.source_credit_seq')" : "NEXT VALUE FOR desk.source_credit_seq";
        return "INSERT INTO desk.source_credit (id, source_key, source_name, address, set_by, at_ms) VALUES (" + id
                + ", 'dpa', 'dpa', 'https://evil.example', '" + setBy + "', " + Instant.now().toEpochMilli() + ")";
    }

    private boolean isPostgres() {
        return desk.database.isPostgres();
    }


}
