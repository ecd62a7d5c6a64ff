package org.wiredesk.desk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.desk.StoreTampering;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.publish.PublishViewModel.HeldStory;
import org.wiredesk.publish.PageRenderer;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.story.Headline;
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
        PublishViewModel vm = new PublishViewModel(desk.as(user).stories(), desk.publish(user), desk.desk(user),
                desk.timing(user), user, site, new DirectTaskRunner(), new StoreChanges());
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

    /** Approved as in {@link #approved} and published by the chief into the test's site. */
    private StoryId published(String key, String house) {
        StoryId id = approved(fx, fx.copy, fx.chief, key, house);
        fx.publish(fx.chief).publish(fx.chief, id, site);
        return id;
    }

    @Test
    void thePublishedViewListsStoriesNewestFirstWithWhenTheyRanAndLastChanged() {
        StoryId first = published("a", "Council approves budget for housing");
        fx.clock.advance(Duration.ofMinutes(5));
        StoryId second = published("b", "Ferry operators add winter sailings");
        fx.clock.advance(Duration.ofMinutes(5));
        fx.publish(fx.chief).correct(fx.chief, first, "Council approves record budget for housing", "Record", site);
        Instant corrected = fx.clock.instant();

        PublishViewModel vm = screenFor(fx, fx.chief);

        assertThat(vm.published()).extracting(PublishedStory::id).containsExactly(second, first);
        PublishedStory older = vm.published().get(1);
        assertThat(older.headline()).isEqualTo("Council approves record budget for housing");
        assertThat(older.state()).isEqualTo("Corrected");
        assertThat(older.publishedAt()).isEqualTo(vm.published().get(0).publishedAt().minus(Duration.ofMinutes(5)));
        assertThat(older.updatedAt()).isEqualTo(corrected);
        assertThat(vm.published().get(0).updatedAt()).isNull();
        assertThat(vm.published().get(0).state()).isEqualTo("Published");
    }

    @Test
    void correctingFromTheScreenRewritesThePageAndTheListsFollow() throws Exception {
        StoryId id = published("a", "Council approves budget for housing");
        PublishViewModel vm = screenFor(fx, fx.chief);

        vm.correct(id, "Council approves record budget for housing", "Record spending");

        assertThat(fx.desk.story(id).runningHeadline().text()).isEqualTo("Council approves record budget for housing");
        assertThat(java.nio.file.Files.readString(vm.lastPageProperty().get()))
                .contains("Council approves record budget for housing");
        assertThat(vm.messageProperty().get()).isEqualTo("Corrected: Council approves record budget for housing — the "
                + "page was rewritten in place.");
        assertThat(vm.problemProperty().get()).isFalse();
        assertThat(vm.published()).singleElement()
                .satisfies(s -> assertThat(s.headline()).isEqualTo("Council approves record budget for housing"));
        assertThat(vm.recent()).extracting(RecentPost::headline)
                .containsExactly("Council approves record budget for housing");
    }

    @Test
    void killingFromTheScreenWithdrawsThePageAndTheStoryStaysListedAsKilled() throws Exception {
        StoryId id = published("a", "Council approves budget for housing");
        PublishViewModel vm = screenFor(fx, fx.chief);

        vm.kill(id, "Legal hold");

        assertThat(fx.desk.story(id).status()).isEqualTo(Status.KILLED);
        assertThat(java.nio.file.Files.readString(vm.lastPageProperty().get())).contains("withdrawn");
        assertThat(vm.messageProperty().get()).isEqualTo("Killed: Council approves budget for housing — its page now "
                + "carries a withdrawal notice.");
        assertThat(vm.recent()).isEmpty();
        assertThat(vm.published()).singleElement().satisfies(s -> {
            assertThat(s.killed()).isTrue();
            assertThat(s.state()).isEqualTo("Killed");
        });
    }

    @Test
    void aKillWithoutAReasonIsRefusedInASentenceAndTheStoryStaysOnTheSite() {
        StoryId id = published("a", "Council approves budget for housing");
        PublishViewModel vm = screenFor(fx, fx.chief);

        vm.kill(id, "  ");

        assertThat(vm.messageProperty().get()).isEqualTo("Kill needs a reason");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void aCopyEditorMayNeitherCorrectNorKillAndTheServiceSaysSo() {
        StoryId id = published("a", "Council approves budget for housing");
        PublishViewModel vm = screenFor(fx, fx.copy);

        vm.correct(id, "Council approves record budget", "Shorter");

        assertThat(vm.mayCorrect()).isFalse();
        assertThat(vm.mayKill()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Cora Copy may not correct: that needs the desk chief role");
        assertThat(fx.desk.story(id).runningHeadline().text()).isEqualTo("Council approves budget for housing");
        assertThat(screenFor(fx, fx.chief).mayKill()).isTrue();
    }

    @Test
    void aRecentPostLeadsBackToItsStoryByItsPagesAddress() {
        StoryId id = new StoryId(42);
        String href = PageRenderer.slugPath(id, new Headline("Café reopens after the flood"));
        PublishViewModel vm = screenFor(fx, fx.chief);

        assertThat(vm.storyOf(new RecentPost("Café reopens", "", href, Instant.EPOCH))).contains(id);
        assertThat(vm.storyOf(new RecentPost("Elsewhere", "", "https://example.org/x.html", Instant.EPOCH)))
                .isEmpty();
    }
}
