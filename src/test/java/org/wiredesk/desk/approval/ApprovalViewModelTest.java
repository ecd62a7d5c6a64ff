package org.wiredesk.desk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.desk.StoreTampering;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.User;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.style.RulesFile;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.workflow.DeskFixture;
import org.wiredesk.workflow.DeskService;

class ApprovalViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final ApprovalViewModel vm = screenFor(fx, fx.chief);

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
        return row(vm, id);
    }

    private static StorySummary row(ApprovalViewModel screen, StoryId id) {
        return screen.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The approval screen as this member signs in to the fixture's desk. */
    private static ApprovalViewModel screenFor(DeskFixture desk, User user) {
        return new ApprovalViewModel(desk.as(user).stories(), desk.desk(user), user, new DirectTaskRunner(),
                new StoreChanges(), RulesFile.parse(RulesFile.sampleText()));
    }

    /** A story this member (who holds the copy editor role) headlined and submitted. */
    private static StoryId submittedBy(DeskFixture desk, User user, String key) {
        StoryId id = desk.story(key, "Agency headline " + key, "The body of " + key + ".");
        desk.desk(user).claim(user, id);
        desk.desk(user).submit(user, id, "Council approves budget for housing", null);
        return id;
    }

    /** The screen open on this story, as its member sees it once the queue has loaded. */
    private static ApprovalViewModel choose(ApprovalViewModel screen, StoryId id) {
        screen.activate();
        screen.selectedProperty().set(row(screen, id));
        return screen;
    }

    @Test
    void theChiefSeesTheHouseStyleSlipsOfTheChosenHeadline() {
        StoryId slips = fx.story("a", "Agency headline a", "The body of a.");
        fx.desk(fx.copy).submit(fx.copy, slips, "Minister slams rivals over budget.", null, "Quoted", List.of());
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

    @Test
    void onAFourEyesDeskTheChiefsOwnWorkCannotBeApprovedByThemAndTheScreenSaysWhyBeforeTheyClick() {
        StoryId own = submittedBy(fx, fx.everyone, "own");
        ApprovalViewModel mine = choose(screenFor(fx, fx.everyone), own);

        assertThat(mine.approvableProperty().get()).isFalse();
        assertThat(mine.blockedProperty().get())
                .isEqualTo("You wrote this headline or submitted this story: another desk chief must approve it.");
        assertThat(mine.warningProperty().get()).isEmpty();

        // another desk chief sees nothing in the way
        choose(vm, own);
        assertThat(vm.approvableProperty().get()).isTrue();
        assertThat(vm.blockedProperty().get()).isEmpty();
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void aRefusalFromTheServiceIsShownAsASentenceMarkedAsAProblem() {
        StoryId own = submittedBy(fx, fx.everyone, "own");
        ApprovalViewModel mine = choose(screenFor(fx, fx.everyone), own);

        mine.approve();

        assertThat(mine.messageProperty().get()).startsWith("Four eyes: solo wrote this headline or submitted story")
                .endsWith("so another desk chief must approve it");
        assertThat(mine.problemProperty().get()).isTrue();
        assertThat(fx.stories.find(own).orElseThrow().status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void onAOnePersonDeskTheChiefIsWarnedThatApprovingTheirOwnWorkIsRecordedAsSelfApproved() {
        try (DeskFixture solo = new DeskFixture(true)) {
            StoryId own = submittedBy(solo, solo.everyone, "own");
            ApprovalViewModel screen = choose(screenFor(solo, solo.everyone), own);

            assertThat(screen.approvableProperty().get()).isTrue();
            assertThat(screen.blockedProperty().get()).isEmpty();
            assertThat(screen.warningProperty().get()).isEqualTo("One-person desk: you wrote this headline or "
                    + "submitted this story, so your approval will be recorded as self-approved.");

            screen.approve();
            assertThat(screen.problemProperty().get()).isFalse();
            assertThat(solo.stories.find(own).orElseThrow().status()).isEqualTo(Status.APPROVED);
            assertThat(solo.desk.approval(own).orElseThrow().selfApproved()).isTrue();
        }
    }

    @Test
    void aStoryWithoutASourceUrlCannotBeApprovedAndTheScreenGivesTheReason() {
        StoryId noUrl = fx.stories.insertIfNew(new NewStory("file-1", "Test Agency", null,
                new Headline("Agency headline from a file"), new Body("<p>Saved from a file.</p>",
                Fingerprint.ofText("Saved from a file.")), "A. Reporter", "en",
                OffsetDateTime.parse("2026-11-26T10:15:00+03:30"), Instant.parse("2026-11-26T08:00:00Z")),
                "owner").orElseThrow();
        fx.desk(fx.copy).claim(fx.copy, noUrl);
        fx.desk(fx.copy).submit(fx.copy, noUrl, "Council approves budget for housing", null);
        choose(vm, noUrl);

        String why = fx.desk(fx.chief).cannotApproveBecause(fx.stories.find(noUrl).orElseThrow()).orElseThrow();
        assertThat(vm.approvableProperty().get()).isFalse();
        assertThat(vm.blockedProperty().get()).isEqualTo(why + ".").contains("has no web page of its own").contains("Sources screen");
    }

    @Test
    void aStoryHeldAndSentBackShowsItsEarlierApprovalMarkedSelfApproved(@TempDir Path site) {
        try (DeskFixture solo = new DeskFixture(true)) {
            User me = solo.everyone;
            StoryId id = submittedBy(solo, me, "own");
            solo.desk(me).approve(me, id);
            StoreTampering.addScriptToBody(solo.database, id);
            assertThat(solo.publish(me).publishAllApproved(me, site).held()).hasSize(1);
            solo.desk(me).sendBack(me, id, "The stored body was changed");
            solo.desk(me).claim(me, id);
            solo.desk(me).submit(me, id, "Council approves budget for housing", null);

            ApprovalViewModel screen = choose(screenFor(solo, me), id);

            assertThat(screen.earlierApprovalProperty().get()).satisfies(a -> {
                assertThat(a.actor()).isEqualTo("solo");
                assertThat(a.selfApproved()).isTrue();
            });
        }
    }

    @Test
    void nothingCanBeApprovedWhileNoStoryIsChosen() {
        StoryId id = submitted("a", "Council approves budget for housing");
        choose(vm, id);
        assertThat(vm.approvableProperty().get()).isTrue();

        vm.selectedProperty().set(null);

        assertThat(vm.approvableProperty().get()).isFalse();
        assertThat(vm.blockedProperty().get()).isEmpty();
    }

    // ------------------------------------------------------------ house style with teeth, and the thread

    @Test
    void theChiefSeesTheReasonAHeadlineWentInOverHouseStyleAndTheErrorsItOverrode() {
        StoryId id = fx.story("o", "Agency headline o", "The body of o.");
        fx.desk(fx.copy).submit(fx.copy, id, "Minister slams rivals over budget", "for the front",
                "It is the minister's own word", List.of());
        choose(vm, id);

        assertThat(vm.styleOverrideProperty().get()).satisfies(o -> {
            assertThat(o.author()).isEqualTo("cora");
            assertThat(o.text()).isEqualTo("It is the minister's own word");
            assertThat(o.styleErrors()).containsExactly("“slams” is banned in our headlines");
        });
        assertThat(vm.overrideMissingProperty().get()).isEmpty();
        assertThat(vm.thread().entries()).extracting(ThreadEntry::kind)
                .containsExactly(ThreadEntry.Kind.SUBMITTED, ThreadEntry.Kind.STYLE_OVERRIDE);

        vm.selectedProperty().set(null);
        assertThat(vm.styleOverrideProperty().get()).isNull();
        assertThat(vm.thread().entries()).isEmpty();
    }

    @Test
    void aHeadlineWithAStyleErrorThatNoOverrideExplainsIsSaidSo() {
        StoryId id = submitted("m", "Council approves budget for housing");
        // the desk chief has since banned a word the headline uses
        ApprovalViewModel stricter = new ApprovalViewModel(fx.as(fx.chief).stories(), fx.desk(fx.chief), fx.chief,
                new DirectTaskRunner(), new StoreChanges(),
                RulesFile.parse(RulesFile.sampleText() + "\nban: approves\n"));
        choose(stricter, id);

        assertThat(stricter.styleOverrideProperty().get()).isNull();
        assertThat(stricter.overrideMissingProperty().get()).startsWith("This headline breaks house style and was "
                + "submitted without a reason for overriding it");
        choose(vm, id);
        assertThat(vm.overrideMissingProperty().get()).isEmpty();
    }

    @Test
    void theChiefReadsTheThreadAndRepliesOnIt() {
        StoryId id = submitted("t", "Council approves budget for housing");
        StoreChanges changes = new StoreChanges();
        ApprovalViewModel screen = new ApprovalViewModel(fx.as(fx.chief).stories(), fx.desk(fx.chief), fx.chief,
                new DirectTaskRunner(), changes, RulesFile.parse(RulesFile.sampleText()));
        choose(screen, id);
        assertThat(screen.thread().entries()).extracting(ThreadEntry::text).containsExactly("for the front");
        assertThat(screen.thread().canSendBinding().get()).isFalse();

        screen.thread().replyProperty().set("Which page?");
        assertThat(screen.thread().canSendBinding().get()).isTrue();
        long before = changes.revisionProperty().get();
        screen.thread().send();

        assertThat(screen.thread().entries()).extracting(ThreadEntry::author, ThreadEntry::text).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple("dee", "Which page?"));
        assertThat(screen.thread().replyProperty().get()).isEmpty();
        assertThat(changes.revisionProperty().get()).isGreaterThan(before);
        assertThat(fx.desk.thread(id).entries()).hasSize(2);
    }

    @Test
    void anEditorSeesTheThreadButHasNoReplyToSend() {
        StoryId id = submitted("e", "Council approves budget for housing");
        ApprovalViewModel editors = choose(screenFor(fx, fx.editor), id);
        assertThat(editors.thread().entries()).hasSize(1);
        assertThat(editors.thread().mayReply()).isFalse();
        editors.thread().replyProperty().set("Spike it?");
        assertThat(editors.thread().canSendBinding().get()).isFalse();
    }
}
