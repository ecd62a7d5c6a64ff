package org.wiredesk.desk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Story;
import org.wiredesk.style.RulesFile;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;
import org.wiredesk.workflow.FloodPage;

/**
 * The approval screen's account of a body chosen from blocks, as a plain object (issue 11, point 6; ADR 32): the
 * desk chief sees who chose and each block dropped or added against what ingest made; a body ingest made shows none.
 */
class ApprovalBlocksTest {
    private DeskFixture desk;
    private Story story;

    @BeforeEach
    void ingestThePage() {
        desk = new DeskFixture();
        story = FloodPage.ingest(desk);
        desk.desk(desk.copy).claim(desk.copy, story.id());
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private ApprovalViewModel chiefOn() {
        desk.desk(desk.copy).submit(desk.copy, story.id(), "Calder river floods lower town", null);
        ApprovalViewModel vm = new ApprovalViewModel(desk.as(desk.chief).stories(), desk.desk(desk.chief), desk.chief,
                new DirectTaskRunner(), new StoreChanges(), RulesFile.parse(RulesFile.sampleText()));
        vm.activate();
        vm.selectedProperty().set(vm.rows().get(0));
        return vm;
    }

    @Test
    void theChiefSeesWhichBlocksWereDroppedAndAdded() {
        new BlockChoices(desk.as(desk.copy).stories(), desk.desk(desk.copy), desk.clock)
                .choose(desk.copy, story.id(), List.of(0, 1, 3));

        ApprovalViewModel vm = chiefOn();

        assertThat(vm.blockSummaryProperty().get()).isEqualTo("Body chosen from the source page's blocks by cora: "
                + "1 dropped, 1 added against what ingest made:");
        assertThat(vm.blockChanges()).containsExactly(
                new ApprovalViewModel.BlockLine(false, 0, "Calder river floods the lower town"),
                new ApprovalViewModel.BlockLine(true, 2, "ADVERTISEMENT"));
        assertThat(vm.blockWarningProperty().get()).isEmpty();
        vm.approve();
        assertThat(desk.workflow.latestApproval(story.id()).orElseThrow().bodySha256())
                .isEqualTo(desk.stories.find(story.id()).orElseThrow().body().sha256());
    }

    @Test
    void aBodyIngestMadeShowsNoChoice() {
        ApprovalViewModel vm = chiefOn();

        assertThat(vm.blockSummaryProperty().get()).isEmpty();
        assertThat(vm.blockChanges()).isEmpty();
        assertThat(vm.blockWarningProperty().get()).isEmpty();
    }
}
