package org.wiredesk.desk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.User;
import org.wiredesk.style.RulesFile;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.workflow.DeskFixture;

class EditorViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoreChanges changes = new StoreChanges();
    private final StoryId id = fx.story("e-1", "Agency headline", "First paragraph.");

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private EditorViewModel editor(User user) {
        EditorViewModel vm = new EditorViewModel(id, fx.desk(user), user, new DirectTaskRunner(), changes,
                RulesFile.parse(RulesFile.sampleText()), Debouncer.IMMEDIATE);
        vm.load();
        return vm;
    }

    @Test
    void startsFromTheAgencyHeadlineWithTheBodyReadOnlyAndTheStoryClaimed() {
        EditorViewModel vm = editor(fx.copy);
        assertThat(vm.agencyHeadlineProperty().get()).isEqualTo("Agency headline");
        assertThat(vm.houseHeadlineProperty().get()).isEqualTo("Agency headline");
        assertThat(vm.bodyProperty().get()).isEqualTo("First paragraph.");
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(fx.desk.claimOn(id)).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("cora"));
    }

    @Test
    void aStoryWithASourceUrlShowsNoReasonItCannotBeApproved() {
        assertThat(editor(fx.copy).cannotApproveProperty().get()).isEmpty();
    }

    @Test
    void aStoryWithoutASourceUrlTellsTheCopyEditorBeforeSubmittingThatItCannotBeApproved() {
        StoryId noUrl = fx.stories.insertIfNew(new NewStory("file-1", "Test Agency", null,
                new Headline("Agency headline from a file"), new Body("<p>Saved from a file.</p>",
                Fingerprint.ofText("Saved from a file.")), "A. Reporter", "en", null,
                Instant.parse("2026-11-26T08:00:00Z")), "owner").orElseThrow();
        EditorViewModel vm = new EditorViewModel(noUrl, fx.desk(fx.copy), fx.copy, new DirectTaskRunner(), changes,
                RulesFile.parse(RulesFile.sampleText()), Debouncer.IMMEDIATE);
        vm.load();

        assertThat(vm.cannotApproveProperty().get())
                .isEqualTo("Story " + noUrl + " has no web page of its own and no credit address is set for "
                        + "«Test Agency», so it cannot be approved: every page ends with its source and URL (set one "
                        + "on the Sources screen).");
        assertThat(vm.editableProperty().get()).isTrue();
    }

    @Test
    void savingADraftStoresTheHeadlineAndTellsTheOtherScreens() {
        EditorViewModel vm = editor(fx.copy);
        long revision = changes.revisionProperty().get();
        vm.houseHeadlineProperty().set("House headline");
        vm.saveDraft();
        assertThat(fx.desk.story(id).houseHeadline().text()).isEqualTo("House headline");
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Draft saved");
        assertThat(changes.revisionProperty().get()).isGreaterThan(revision);
        assertThat(vm.revisions()).extracting(d -> d.headline().text()).containsExactly("House headline");
    }

    @Test
    void submittingSendsTheStoryToTheDeskChiefAndReleasesIt() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("House headline");
        vm.submit("check the spelling");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.detailProperty().get().submissionNote()).isEqualTo("check the spelling");
        assertThat(fx.desk.claimOn(id)).isEmpty();
    }

    @Test
    void styleIsCheckedAsTheEditorTypesAndAFixIsOneClick() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Protests in Teheran.");
        assertThat(vm.issues()).extracting(StyleIssue::rule).contains("prefer", "trailing-full-stop");
        vm.applyFix(vm.issues().stream().filter(i -> i.rule().equals("prefer")).findFirst().orElseThrow());
        vm.applyFix(vm.issues().stream().filter(i -> i.rule().equals("trailing-full-stop")).findFirst().orElseThrow());
        assertThat(vm.houseHeadlineProperty().get()).isEqualTo("Protests in Tehran");
        assertThat(vm.issues()).isEmpty();
        assertThat(vm.lengthBinding().get()).isEqualTo(18);
    }

    @Test
    void whatIsTypedIsKeptAndRecoveredWhenTheEditorOpensAgain() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Typed but never saved");
        // the workstation dies here; a new editor opens the story
        EditorViewModel again = editor(fx.copy);
        assertThat(again.houseHeadlineProperty().get()).isEqualTo("Typed but never saved");
        assertThat(again.messageProperty().get()).startsWith("Recovered draft from");
    }

    @Test
    void aDraftKeptBeforeALaterRevisionIsOfferedBesideItNeverInItsPlace() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Typed at noon, then the desk died");
        Instant keptAt = fx.clock.instant();
        // the claim goes stale; a desk chief takes the story over, saves a revision and lets it go
        fx.clock.advance(Duration.ofMinutes(20));
        fx.desk(fx.everyone).takeOver(fx.everyone, id);
        fx.desk(fx.everyone).saveDraft(fx.everyone, id, "Saved twenty minutes later");
        fx.desk(fx.everyone).release(fx.everyone, id);
        EditorViewModel again = editor(fx.copy);
        assertThat(again.houseHeadlineProperty().get()).isEqualTo("Saved twenty minutes later");
        RecoveredDraft offered = again.recoveredProperty().get();
        assertThat(offered).isNotNull();
        assertThat(offered.olderThanRevision()).isTrue();
        assertThat(offered.keptAt()).isEqualTo(keptAt).isBefore(offered.newerRevisionAt());
        assertThat(offered.newerRevisionBy()).isEqualTo("solo");
        assertThat(again.lastAutosaveProperty().get()).as("nothing in the field was kept from the draft").isEmpty();
        again.useRecovered();
        assertThat(again.houseHeadlineProperty().get()).isEqualTo("Typed at noon, then the desk died");
        assertThat(again.recoveredProperty().get()).isNull();
    }

    @Test
    void aRecoveredDraftIsInTheFieldWithTheTimeItWasKeptAndCanBeDiscarded() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Typed but never saved");
        java.time.Instant keptAt = fx.desk(fx.copy).unsavedDraft(fx.copy, id).orElseThrow().saved();
        EditorViewModel again = editor(fx.copy);
        RecoveredDraft offered = again.recoveredProperty().get();
        assertThat(offered.keptAt()).isEqualTo(keptAt);
        assertThat(offered.olderThanRevision()).isFalse();
        String time = RecoveredDraft.at(keptAt, java.time.ZoneId.systemDefault(), java.time.Instant.now());
        assertThat(again.messageProperty().get()).startsWith("Recovered draft from " + time);
        assertThat(again.lastAutosaveProperty().get()).isEqualTo("Kept " + time);
        again.discardRecovered();
        assertThat(again.houseHeadlineProperty().get()).isEqualTo("Agency headline");
        assertThat(editor(fx.copy).recoveredProperty().get()).as("a discarded draft is not offered again").isNull();
    }

    @Test
    void eachKeepSaysWhenWhatWasTypedWasKept() {
        EditorViewModel vm = editor(fx.copy);
        assertThat(vm.lastAutosaveProperty().get()).isEmpty();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        vm.houseHeadlineProperty().set("Kept as typed");
        assertThat(vm.lastAutosaveProperty().get()).matches("Kept \\d\\d:\\d\\d:\\d\\d");
        java.time.LocalTime shown = java.time.LocalTime.parse(vm.lastAutosaveProperty().get().substring(5));
        assertThat(shown).isAfterOrEqualTo(before.atZone(java.time.ZoneId.systemDefault()).toLocalTime());
    }

    @Test
    void someoneElseSeesTheStoryReadOnlyWithWhoHoldsIt() {
        editor(fx.copy);
        EditorViewModel theirs = editor(fx.everyone);
        assertThat(theirs.editableProperty().get()).isFalse();
        assertThat(theirs.readOnlyProperty().get()).contains("cora is editing this story");
        assertThat(theirs.canTakeOverProperty().get()).isFalse();
        theirs.houseHeadlineProperty().set("Sneaky change");
        theirs.saveDraft();
        assertThat(fx.desk.story(id).houseHeadline()).isNull();
        assertThat(theirs.messageProperty().get()).contains("only they can change its headline");
    }

    @Test
    void aDeskChiefTakesOverOnlyAStaleClaim() {
        editor(fx.copy);
        EditorViewModel chief = editor(fx.chief);
        assertThat(chief.canTakeOverProperty().get()).as("claim still fresh").isFalse();
        chief.takeOver();
        assertThat(chief.messageProperty().get()).contains("still working");
        assertThat(chief.editableProperty().get()).isFalse();

        fx.clock.advance(Duration.ofMinutes(16));
        chief.load();
        assertThat(chief.canTakeOverProperty().get()).isTrue();
        chief.takeOver();
        assertThat(chief.editableProperty().get()).isTrue();
        assertThat(fx.desk.claimOn(id)).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("dee"));
    }

    @Test
    void aMemberWithoutTheCopyEditorRoleSeesItReadOnly() {
        EditorViewModel vm = editor(fx.editor);
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.readOnlyProperty().get()).contains("copy editor role");
    }

    @Test
    void anEarlierRevisionCanBePutBack() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("First house headline");
        vm.saveDraft();
        vm.houseHeadlineProperty().set("Second house headline");
        vm.saveDraft();
        vm.revert(vm.revisions().get(0));
        assertThat(vm.houseHeadlineProperty().get()).isEqualTo("First house headline");
        vm.saveDraft();
        assertThat(fx.desk.headlineHistory(id)).extracting(d -> d.headline().text())
                .containsExactly("First house headline", "Second house headline", "First house headline");
    }

    @Test
    void candidatesAreKeptAndOneIsChosen() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Candidate one");
        vm.keepCandidate();
        vm.houseHeadlineProperty().set("Candidate two");
        vm.keepCandidate();
        vm.chooseCandidate("Candidate one");
        assertThat(vm.candidates()).containsExactly("Candidate one", "Candidate two");
        assertThat(vm.houseHeadlineProperty().get()).isEqualTo("Candidate one");
        // kept with the story: a new editor sees them
        assertThat(editor(fx.copy).candidates()).containsExactly("Candidate one", "Candidate two");
    }

    @Test
    void aBlankHeadlineIsRefusedWithAReason() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("   ");
        vm.saveDraft();
        assertThat(vm.messageProperty().get()).contains("blank");
        assertThat(fx.desk.story(id).houseHeadline()).isNull();
    }

    // ------------------------------------------------------------ house style with teeth, and the thread

    @Test
    void aHeadlineWithAStyleErrorIsSubmittedOnlyWithAReasonWhichGoesWithIt() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Minister slams rivals over budget");
        assertThat(vm.styleErrorsBinding().get()).isTrue();

        vm.submit("for the front");
        assertThat(vm.messageProperty().get()).startsWith("The headline breaks house style (“slams” is banned");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.NEW);

        vm.styleOverrideProperty().set("It is the minister's own word");
        vm.submit("for the front");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        assertThat(vm.problemProperty().get()).isFalse();
        assertThat(vm.styleOverrideProperty().get()).isEmpty();
        assertThat(fx.desk.thread(id).styleOverride()).hasValueSatisfying(o -> {
            assertThat(o.text()).isEqualTo("It is the minister's own word");
            assertThat(o.styleErrors()).containsExactly("“slams” is banned in our headlines");
        });
        assertThat(vm.thread().entries()).extracting(ThreadEntry::kind).contains(ThreadEntry.Kind.STYLE_OVERRIDE);
    }

    @Test
    void aReasonTypedBeforeTheErrorWasFixedOverridesNothing() {
        EditorViewModel vm = editor(fx.copy);
        vm.houseHeadlineProperty().set("Minister slams rivals over budget");
        vm.styleOverrideProperty().set("It is the minister's own word");
        vm.houseHeadlineProperty().set("Minister attacks rivals over budget");
        assertThat(vm.styleErrorsBinding().get()).isFalse();

        vm.submit(null);

        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        assertThat(fx.desk.thread(id).styleOverride()).isEmpty();
    }

    @Test
    void aStorySentBackOpensWithTheReasonInViewUntilItIsSubmittedAgain() {
        fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", "is “backs” right?");
        fx.clock.advance(Duration.ofMinutes(5));
        fx.desk(fx.chief).reject(fx.chief, id, "Say which council");

        EditorViewModel vm = editor(fx.copy);

        assertThat(vm.rejectionProperty().get()).satisfies(r -> {
            assertThat(r.author()).isEqualTo("dee");
            assertThat(r.text()).isEqualTo("Say which council");
            assertThat(r.at()).isEqualTo(fx.clock.instant());
        });
        assertThat(vm.thread().entries()).extracting(ThreadEntry::text)
                .containsExactly("is “backs” right?", "Say which council");
        vm.houseHeadlineProperty().set("City council backs budget");
        vm.submit(null);
        assertThat(vm.rejectionProperty().get()).isNull();
    }

    @Test
    void theCopyEditorRepliesAndSeesTheChiefsAnswerWhenTheStoreChanges() {
        EditorViewModel vm = editor(fx.copy);
        vm.thread().replyProperty().set("  Is this one for the front?  ");
        vm.thread().send();
        assertThat(vm.thread().replyProperty().get()).isEmpty();

        fx.desk(fx.chief).reply(fx.chief, id, "Page 3.");
        changes.changed(); // as the window's store watch does when the chain head moves

        assertThat(vm.thread().entries()).extracting(ThreadEntry::author, ThreadEntry::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cora", "Is this one for the front?"),
                org.assertj.core.groups.Tuple.tuple("dee", "Page 3."));
    }

    @Test
    void aRefusedReplyStaysInTheBoxWithTheReason() {
        EditorViewModel vm = editor(fx.copy);
        vm.thread().replyProperty().set("x".repeat(ThreadEntry.MAX_TEXT + 1));
        vm.thread().send();
        assertThat(vm.thread().messageProperty().get()).contains("at most 2000 characters");
        assertThat(vm.thread().problemProperty().get()).isTrue();
        assertThat(vm.thread().replyProperty().get()).hasSize(ThreadEntry.MAX_TEXT + 1);
        assertThat(vm.thread().entries()).isEmpty();
    }
}
