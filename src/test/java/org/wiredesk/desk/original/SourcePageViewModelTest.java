package org.wiredesk.desk.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Story;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.workflow.DeskFixture;

/**
 * The editor's "Source page" as a plain object (issue 11, point 5): the archived original of a story ingested through
 * the real path, with its SHA-256, address, content type and charset, its blocks (every paragraph of the body among
 * them) and its decoded text; a story from before the archive and a damaged original each say so in one sentence.
 */
class SourcePageViewModelTest {
    private DeskFixture desk;
    private Story story;
    private byte[] page;

    @BeforeEach
    void ingestTheDemoPage() throws IOException {
        desk = new DeskFixture();
        try (InputStream in = org.wiredesk.app.DemoWire.class.getResourceAsStream("demo/council-budget.html")) {
            page = in.readAllBytes();
        }
        desk.ingest(desk.editor).ingest(new SourceDocument("council-budget.html",
                URI.create("https://demo.example/council-budget"), page, "text/html; charset=utf-8"), "ed");
        story = desk.stories.findAll(Set.of()).get(0);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private SourcePageViewModel loaded() {
        SourcePageViewModel vm = new SourcePageViewModel(story.id(), new SourceArchiveRepository(desk.database),
                new DirectTaskRunner());
        vm.load();
        return vm;
    }

    @Test
    void showsTheArchivedOriginalWithWhatItIsAndItsBlocks() {
        SourcePageViewModel vm = loaded();

        assertThat(vm.archivedProperty().get()).isTrue();
        assertThat(vm.sha256Property().get()).isEqualTo(new SourceArchiveRepository(desk.database)
                .ofStory(story.id()).orElseThrow().sha256()).hasSize(64);
        assertThat(vm.addressProperty().get()).isEqualTo("https://demo.example/council-budget");
        assertThat(vm.receivedProperty().get()).isEqualTo(page.length + " bytes · page · text/html; charset=utf-8 · "
                + "read as UTF-8 (from the HTTP header)");
        assertThat(vm.fetchedProperty().get()).endsWith(" by ed");
        assertThat(vm.derivedByProperty().get()).startsWith("article extractor @ingest-");
        assertThat(vm.blocks()).containsAll(BodyText.paragraphs(story.body().html()));
        assertThat(vm.textProperty().get()).isEqualTo(new String(page, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aStoryFromBeforeTheArchiveSaysItHasNone() throws SQLException {
        owner("DROP TRIGGER story_original_is_kept", "UPDATE story SET source_fetch_id = NULL");

        SourcePageViewModel vm = loaded();

        assertThat(vm.archivedProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Story " + story.id() + " was stored before the desk "
                + "archived originals: it has none.");
        assertThat(vm.blocks()).isEmpty();
    }

    @Test
    void aDamagedOriginalIsAProblemAndShowsNothingOfIt() throws SQLException {
        owner("DROP TRIGGER source_archive_is_kept_as_fetched", "UPDATE source_archive SET byte_count = byte_count - 1");

        SourcePageViewModel vm = loaded();

        assertThat(vm.archivedProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("The archived original of story " + story.id()
                + " is damaged: ");
        assertThat(vm.blocks()).isEmpty();
        assertThat(vm.textProperty().get()).isEmpty();
    }

    private void owner(String... sql) throws SQLException {
        try (Connection c = desk.testDesk.owner().connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
