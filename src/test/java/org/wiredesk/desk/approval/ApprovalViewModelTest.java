package org.wiredesk.desk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.style.RulesFile;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.workflow.DeskFixture;

class ApprovalViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final ApprovalViewModel vm = new ApprovalViewModel(fx.as(fx.chief).stories(), fx.desk(fx.chief), fx.chief, new DirectTaskRunner(),
            new StoreChanges(), RulesFile.parse(RulesFile.sampleText()));

    @AfterEach
    void close() {
        fx.close();
    }

    private StoryId submitted(String key, String house) {
        StoryId id = fx.story(key, "Agency headline " + key, "The body of " + key + ".");
        fx.desk(fx.copy).claim(fx.copy, id);
        fx.desk(fx.copy).submit(fx.copy, id, house, "for the front");
        return id;
    }

    private StorySummary row(StoryId id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theChiefSeesTheHouseStyleSlipsOfTheChosenHeadline() {
        StoryId slips = submitted("a", "Minister slams rivals over budget.");
        StoryId clean = submitted("b", "Council approves budget for housing");
        vm.activate();

        vm.selectedProperty().set(row(slips));
        assertThat(vm.detailProperty().get().story().id()).isEqualTo(slips);
        assertThat(vm.styleIssues()).extracting(StyleIssue::rule)
                .contains("ban", "trailing-full-stop");

        vm.selectedProperty().set(row(clean));
        assertThat(vm.styleIssues()).isEmpty();

        vm.selectedProperty().set(null);
        assertThat(vm.styleIssues()).isEmpty();
    }

    @Test
    void approvingMovesTheStoryOnAndRejectingNeedsAReason() {
        StoryId first = submitted("a", "Council approves budget for housing");
        StoryId second = submitted("b", "Ferry operators add winter sailings");
        vm.activate();
        assertThat(vm.rows()).hasSize(2);

        vm.selectedProperty().set(row(first));
        vm.approve();
        assertThat(fx.stories.find(first).orElseThrow().status()).isEqualTo(Status.APPROVED);

        vm.reload();
        vm.selectedProperty().set(row(second));
        vm.reject("");
        assertThat(vm.messageProperty().get()).isNotEmpty();
        assertThat(fx.stories.find(second).orElseThrow().status()).isEqualTo(Status.SUBMITTED);
        vm.reject("The place name is wrong");
        assertThat(fx.stories.find(second).orElseThrow().status()).isNotEqualTo(Status.SUBMITTED);
    }
}
