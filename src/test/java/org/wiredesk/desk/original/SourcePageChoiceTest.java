package org.wiredesk.desk.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Story;
import org.wiredesk.story.User;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;

/**
 * The Source page's choice of blocks as a plain object (issue 11, point 6; ADR 32), on a page ingested through the
 * real path: the body's blocks come ticked; a copy editor holding the story unticks the ad label, and "Use these
 * blocks" makes the body and tells the editor; an editor, or a copy editor while another holds the story, only reads.
 */
class SourcePageChoiceTest {
    static final String PAGE = "<html><head><title>Calder floods</title><meta property=\"og:type\" "
            + "content=\"article\"></head><body><article><h1>Calder river floods the lower town</h1>"
            + "<p>The Calder river burst its banks on Thursday night, flooding the lower town and forcing more than "
            + "two hundred families from their homes before dawn, the council said.</p><p>ADVERTISEMENT</p>"
            + "<p>Rescue teams worked through the night with boats borrowed from the rowing club, and the water had "
            + "begun to fall by midday on Friday, according to the fire service.</p></article></body></html>";

    private DeskFixture desk;
    private Story story;

    @BeforeEach
    void ingestThePage() {
        desk = new DeskFixture();
        desk.ingest(desk.editor).ingest(new SourceDocument("floods", URI.create("https://agency.example/floods"),
                PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"), "ed");
        story = desk.stories.findAll(Set.of()).get(0);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private SourcePageViewModel page(User user, AtomicInteger told) {
        SourcePageViewModel vm = new SourcePageViewModel(story.id(), desk.as(user).stories().originals(),
                new BlockChoices(desk.as(user).stories(), desk.desk(user), desk.clock), user, new DirectTaskRunner(),
                told::incrementAndGet);
        vm.load();
        return vm;
    }

    @Test
    void theBodysBlocksComeTickedAndTheTickedOnesBecomeTheBody() {
        desk.desk(desk.copy).claim(desk.copy, story.id());
        AtomicInteger told = new AtomicInteger();
        SourcePageViewModel vm = page(desk.copy, told);
        int ad = vm.blocks().indexOf("ADVERTISEMENT");
        assertThat(ad).isPositive();
        assertThat(vm.tickedIndexes()).containsExactly(1, 2, 3);
        assertThat(vm.mayChooseProperty().get()).isTrue();
        assertThat(vm.changedProperty().get()).isFalse();

        vm.tickedProperty(ad).set(false);
        assertThat(vm.changedProperty().get()).isTrue();
        vm.useTicked();

        assertThat(told.get()).isOne();
        assertThat(desk.stories.find(story.id()).orElseThrow().body().html()).doesNotContain("ADVERTISEMENT")
                .startsWith("<p>The Calder river burst its banks");
        assertThat(vm.tickedIndexes()).containsExactly(1, 3);
        assertThat(vm.changedProperty().get()).isFalse();
        assertThat(vm.choiceNoteProperty().get()).startsWith("2 of 4 blocks in the body, chosen by cora at ");
    }

    @Test
    void noBlocksTickedIsNoChoice() {
        desk.desk(desk.copy).claim(desk.copy, story.id());
        SourcePageViewModel vm = page(desk.copy, new AtomicInteger());
        for (int i : List.copyOf(vm.tickedIndexes())) {
            vm.tickedProperty(i).set(false);
        }
        assertThat(vm.changedProperty().get()).isFalse();
        vm.useTicked();
        assertThat(desk.stories.find(story.id()).orElseThrow().body()).isEqualTo(story.body());
    }

    @Test
    void anEditorAndACopyEditorWithoutTheClaimOnlyRead() {
        SourcePageViewModel editor = page(desk.editor, new AtomicInteger());
        assertThat(editor.mayChooseProperty().get()).isFalse();
        assertThat(editor.choiceNoteProperty().get()).isEqualTo("3 of 4 blocks in the body, as ingest made it. "
                + "Choosing the article's blocks needs the copy editor role.");

        desk.desk(desk.everyone).claim(desk.everyone, story.id());
        SourcePageViewModel copy = page(desk.copy, new AtomicInteger());
        assertThat(copy.mayChooseProperty().get()).isFalse();
        assertThat(copy.choiceNoteProperty().get()).endsWith("is being edited by solo: only they can choose its "
                + "blocks.");
        copy.tickedProperty(0).set(true);
        copy.useTicked();
        assertThat(desk.stories.find(story.id()).orElseThrow().body()).isEqualTo(story.body());
    }
}
