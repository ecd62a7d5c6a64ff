package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.CreditRepository;
import org.wiredesk.store.Database;
import org.wiredesk.store.DeskKeyRepository;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.workflow.DeskFixture;

/**
 * {@code verify} derives every published body again from its archived original (issue 11, point 5; ADR 30): an
 * untouched desk holds; an original changed behind the guards, a story pointed at another original, or a body another
 * build made that does not stand in its original word for word fails, in one sentence naming the story; a story
 * stored before the archive is counted and does not fail. A page and a feed item, ingested through the real path. On
 * Derby; {@code PgOriginalsVerifyTest} runs every test again on PostgreSQL.
 */
class OriginalsVerifyTest {
    @TempDir
    Path site;

    DeskFixture desk;
    StoryId page;
    StoryId item;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void publishAPageAndAFeedItem() throws IOException {
        desk = fixture();
        desk.ingest(desk.editor).ingest(new SourceDocument("council-budget.html",
                URI.create("https://demo.example/council-budget"), demo("council-budget.html"),
                "text/html; charset=utf-8"), "ed");
        desk.ingest(desk.editor).ingest(new SourceDocument("northgate-wire.xml",
                URI.create("https://demo.example/wire.xml"), demo("northgate-wire.xml"), "application/rss+xml"), "ed");
        List<Story> stories = desk.stories.findAll(Set.of(Status.NEW));
        SourceArchiveRepository archive = desk.stories.originals();
        page = stories.stream().filter(s -> archive.ofStory(s.id()).orElseThrow().kind().equals("page"))
                .findFirst().orElseThrow().id();
        item = stories.stream().filter(s -> archive.ofStory(s.id()).orElseThrow().kind().equals("feed"))
                .findFirst().orElseThrow().id();
        for (StoryId id : List.of(page, item)) {
            desk.desk(desk.copy).submit(desk.copy, id, "Desk: story " + id, null);
            desk.desk(desk.chief).approve(desk.chief, id);
            desk.publish(desk.chief).publish(desk.chief, id, site);
        }
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void everyPublishedBodyOfAnUntouchedDeskIsDerivedAgainExactly() {
        DeskVerifier.Report report = verifier().verify(site);

        assertThat(report.breaks()).isEmpty();
        assertThat(report.checked()).contains("2 published bodies against their archived originals (2 derived again "
                + "exactly by the build that made them, 0 word for word); 0 published stories were stored before the "
                + "archive and have none");
    }

    @Test
    void anOriginalChangedBehindTheGuardsFailsVerifyNamingItsStory() throws SQLException {
        String sha = desk.stories.originals().ofStory(page).orElseThrow().sha256();
        owner(isPostgres() ? "ALTER TABLE source_archive DISABLE TRIGGER source_archive_is_kept"
                : "DROP TRIGGER source_archive_is_kept_as_fetched");
        try (Connection c = desk.testDesk.owner().connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE source_archive SET gz = ? WHERE sha256 = ?")) {
            ps.setBytes(1, gzip("<html><body><p>The council cut the budget.</p></body></html>"));
            ps.setString(2, sha);
            assertThat(ps.executeUpdate()).isOne();
        }

        assertThat(verifier().verify(site).breaks()).singleElement().asString()
                .startsWith("story " + page + "'s archived original was tampered with: the archived bytes are not "
                        + "the ones their SHA-256 " + sha + " names");
    }

    @Test
    void aStoryPointedAtAnotherOriginalFailsVerify() throws SQLException {
        long feedFetch = desk.stories.originals().ofStory(item).orElseThrow().fetchId();
        owner(isPostgres() ? "ALTER TABLE story DISABLE TRIGGER story_original_is_kept"
                : "DROP TRIGGER story_original_is_kept");
        owner("UPDATE story SET source_fetch_id = " + feedFetch + " WHERE id = " + page.value());

        assertThat(verifier().verify(site).breaks()).singleElement().asString()
                .startsWith("story " + page + "'s published body is not the one its archived original ")
                .contains("gives when the build that made it reads it again");

        // made by another build, it must stand in its original word for word: it does not
        owner("UPDATE story SET derived_by = 'article extractor @ingest-000000000000' WHERE id = " + page.value());
        assertThat(verifier().verify(site).breaks()).singleElement().asString()
                .startsWith("story " + page + "'s published body cannot be derived from its archived original ")
                .contains("does not stand in it word for word");
    }

    @Test
    void aBodyAnotherBuildMadeHoldsWhenItStandsInItsOriginalWordForWord() throws SQLException {
        owner(isPostgres() ? "ALTER TABLE story DISABLE TRIGGER story_original_is_kept"
                : "DROP TRIGGER story_original_is_kept");
        owner("UPDATE story SET derived_by = 'feed reader @ingest-000000000000' WHERE id = " + item.value());

        DeskVerifier.Report report = verifier().verify(site);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.checked()).anyMatch(line -> line.contains("(1 derived again exactly by the build that made "
                + "them, 1 word for word)"));
    }

    @Test
    void aStoryStoredBeforeTheArchiveIsCountedAndDoesNotFail() throws SQLException {
        owner(isPostgres() ? "ALTER TABLE story DISABLE TRIGGER story_original_is_kept"
                : "DROP TRIGGER story_original_is_kept");
        owner("UPDATE story SET source_fetch_id = NULL, derived_by = NULL WHERE id = " + item.value());

        DeskVerifier.Report report = verifier().verify(site);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.checked()).anyMatch(line -> line.endsWith("1 published story was stored before the archive "
                + "and has none"));
    }

    private void owner(String sql) throws SQLException {
        try (Connection c = desk.testDesk.owner().connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private DeskVerifier verifier() {
        Database db = desk.database;
        return new DeskVerifier(new StoryRepository(db), new WorkflowRepository(db), new HistoryAudit(db),
                new DeskKeyRepository(db), new CreditRepository(db));
    }

    private boolean isPostgres() {
        return desk.database.isPostgres();
    }

    private static byte[] demo(String name) throws IOException {
        try (InputStream in = org.wiredesk.app.DemoWire.class.getResourceAsStream("demo/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
