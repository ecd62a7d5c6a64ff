package org.wiredesk.desk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.desk.StoreTampering;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.publish.PublishViewModel.HeldStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskFixture;

class PublishViewModelTest {
    private final DeskFixture fx = new DeskFixture();

    @TempDir
    Path site;

    @AfterEach
    void close() {
        fx.close();
    }

    private PublishViewModel screenFor(DeskFixture desk, User user) {
        PublishViewModel vm = new PublishViewModel(desk.as(user).stories(), desk.publish(user), desk.desk(user), user,
                site, new DirectTaskRunner(), new StoreChanges());
        vm.activate();
        return vm;
    }

    /** Headlined and submitted by the copy editor, approved by this chief. */
    private static StoryId approved(DeskFixture desk, User writer, User chief, String key, String house) {
        StoryId id = desk.story(key, "Agency headline " + key, "The body of " + key + ".");
        desk.desk(writer).claim(writer, id);
        desk.desk(writer).submit(writer, id, house, null);
        desk.desk(chief).approve(chief, id);
        return id;
    }

    @Test
    void afterPublishAllTheMessageSaysHowManyWerePublishedAndHowManyHeld() {
        StoryId good = approved(fx, fx.copy, fx.chief, "a", "Council approves budget for housing");
        StoryId tampered = approved(fx, fx.copy, fx.chief, "b", "Ferry operators add winter sailings");
        StoreTampering.addScriptToBody(fx.database, tampered);
        PublishViewModel vm = screenFor(fx, fx.chief);
        assertThat(vm.approved()).hasSize(2);

        vm.publishAll();

        assertThat(vm.messageProperty().get()).isEqualTo("Published 1 story, held 1 (its reason is under Held).");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(fx.desk.story(good).status()).isEqualTo(Status.PUBLISHED);
        assertThat(fx.desk.story(tampered).status()).isEqualTo(Status.HELD);
    }

    @Test
    void heldStoriesAreListedWithTheirHeadlineAndTheReasonTheyWereHeld() {
        StoryId tampered = approved(fx, fx.copy, fx.chief, "b", "Ferry operators add winter sailings");
        StoreTampering.addScriptToBody(fx.database, tampered);
        PublishViewModel vm = screenFor(fx, fx.chief);
        vm.publishAll();
        vm.reload();

        StatusChange hold = fx.desk.statusHistory(tampered).get(fx.desk.statusHistory(tampered).size() - 1);
        assertThat(vm.approved()).isEmpty();
        assertThat(vm.held()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(tampered);
            assertThat(h.headline()).isEqualTo("Ferry operators add winter sailings");
            assertThat(h.reason()).isEqualTo(hold.reason()).contains("not what the sanitizer makes of it");
            assertThat(h.heldBy()).isEqualTo("dee");
            assertThat(h.approval().actor()).isEqualTo("dee");
            assertThat(h.approval().selfApproved()).isFalse();
        });
    }

    @Test
    void sendingAHeldStoryBackMakesItRejectedWithTheReasonAndTakesItOffTheHeldList() {
        StoryId tampered = approved(fx, fx.copy, fx.chief, "b", "Ferry operators add winter sailings");
        StoreTampering.addScriptToBody(fx.database, tampered);
        PublishViewModel vm = screenFor(fx, fx.chief);
        vm.publishAll();
        vm.reload();
        HeldStory held = vm.held().get(0);

        vm.sendBack(held, "The body was changed in the store: ask the agency for the story again");
        vm.reload();

        assertThat(fx.desk.story(tampered).status()).isEqualTo(Status.REJECTED);
        StatusChange last = fx.desk.statusHistory(tampered).get(fx.desk.statusHistory(tampered).size() - 1);
        assertThat(last.from()).isEqualTo(Status.HELD);
        assertThat(last.actor()).isEqualTo("dee");
        assertThat(last.reason()).isEqualTo("The body was changed in the store: ask the agency for the story again");
        assertThat(vm.messageProperty().get()).isEqualTo("Sent back to the copy editor: Ferry operators add winter "
                + "sailings");
        assertThat(vm.problemProperty().get()).isFalse();
        assertThat(vm.held()).isEmpty();
    }

    @Test
    void sendingBackWithoutAReasonIsRefusedWithASentenceAndTheStoryStaysHeld() {
        StoryId tampered = approved(fx, fx.copy, fx.chief, "b", "Ferry operators add winter sailings");
        StoreTampering.addScriptToBody(fx.database, tampered);
        PublishViewModel vm = screenFor(fx, fx.chief);
        vm.publishAll();
        vm.reload();

        vm.sendBack(vm.held().get(0), " ");

        assertThat(vm.messageProperty().get()).isEqualTo("Send back needs a reason");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(fx.desk.story(tampered).status()).isEqualTo(Status.HELD);
    }

    @Test
    void anApprovedStoryShowsItsApproverAndASelfApprovalIsMarked() {
        try (DeskFixture solo = new DeskFixture(true)) {
            StoryId own = approved(solo, solo.everyone, solo.everyone, "own", "Council approves budget for housing");
            StoryId checked = approved(solo, solo.copy, solo.chief, "checked", "Ferry operators add winter sailings");
            PublishViewModel vm = screenFor(solo, solo.everyone);

            assertThat(vm.approvals().get(own).actor()).isEqualTo("solo");
            assertThat(vm.approvals().get(own).selfApproved()).isTrue();
            assertThat(vm.approvals().get(checked).actor()).isEqualTo("dee");
            assertThat(vm.approvals().get(checked).selfApproved()).isFalse();
        }
    }
}
