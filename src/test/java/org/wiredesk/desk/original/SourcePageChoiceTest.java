package org.wiredesk.desk.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.story.Story;
import org.wiredesk.story.User;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;
import org.wiredesk.workflow.FloodPage;

/**
 * The Source page's choice of blocks as a plain object (issue 11, point 6; ADR 32), on a page ingested through the
 * real path: the body's blocks come ticked; a copy editor holding the story unticks the ad label, and "Use these
 * blocks" makes the body and tells the editor; an editor, or a copy editor while another holds the story, only reads.
 */
class SourcePageChoiceTest {
    private DeskFixture desk;
    private Story story;

    @BeforeEach
    void ingestThePage() {
        desk = new DeskFixture();
        story = FloodPage.ingest(desk);
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
