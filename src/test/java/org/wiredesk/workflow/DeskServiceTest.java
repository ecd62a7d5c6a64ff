package org.wiredesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.ThreadEntry.Kind;
import org.wiredesk.story.WorkflowException;

class DeskServiceTest {
    final DeskFixture fx = fixture();

    /** The desk the tests run on: embedded Derby here, PostgreSQL in {@link PostgresDeskServiceTest}. */
    DeskFixture fixture() {
        return new DeskFixture();
    }
    private final StoryId id = fx.story("g-1", "Agency headline", "Body text that never changes.");

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aDraftKeepsEveryRevisionWithWhoAndWhenAndLeavesTheBodyAlone() {
        String bodyBefore = fx.desk.story(id).body().html();
        fx.desk(fx.copy).saveDraft(fx.copy, id, "First try");
        fx.desk(fx.copy).saveDraft(fx.copy, id, "Second try");
        var story = fx.desk.story(id);
        assertThat(story.houseHeadline().text()).isEqualTo("Second try");
        assertThat(story.agencyHeadline().text()).isEqualTo("Agency headline");
        assertThat(story.status()).isEqualTo(Status.EDITING);
        assertThat(story.body().html()).isEqualTo(bodyBefore);
        assertThat(fx.desk.headlineHistory(id)).extracting(d -> d.headline().text(), d -> d.author())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("First try", "cora"),
                        org.assertj.core.groups.Tuple.tuple("Second try", "cora"));
    }

    @Test
    void theWholePathIsRecordedInTheStatusHistory() {
        fx.desk(fx.copy).saveDraft(fx.copy, id, "House headline");
        fx.desk(fx.copy).submit(fx.copy, id, null, "please check the place name");
        fx.desk(fx.chief).reject(fx.chief, id, "too long");
        fx.desk(fx.copy).submit(fx.copy, id, "Shorter house headline", null);
        fx.desk(fx.chief).approve(fx.chief, id);
        assertThat(fx.desk.statusHistory(id)).extracting(StatusChange::to, StatusChange::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Status.NEW, fx.testDesk.ownerName()),
                        org.assertj.core.groups.Tuple.tuple(Status.EDITING, "cora"),
                        org.assertj.core.groups.Tuple.tuple(Status.SUBMITTED, "cora"),
                        org.assertj.core.groups.Tuple.tuple(Status.REJECTED, "dee"),
                        org.assertj.core.groups.Tuple.tuple(Status.SUBMITTED, "cora"),
                        org.assertj.core.groups.Tuple.tuple(Status.APPROVED, "dee"));
        assertThat(fx.desk.statusHistory(id).get(3).reason()).isEqualTo("too long");
        assertThat(fx.desk.statusHistory(id).get(2).reason()).isEqualTo("please check the place name");
    }

    @Test
    void theServiceRefusesWhatARoleMayNotDo() {
        assertThatThrownBy(() -> fx.desk(fx.editor).saveDraft(fx.editor, id, "x"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("copy editor role");
        assertThatThrownBy(() -> fx.desk(fx.copy).spike(fx.copy, id))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("editor role");
        fx.desk(fx.copy).submit(fx.copy, id, "House", null);
        assertThatThrownBy(() -> fx.desk(fx.copy).approve(fx.copy, id))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("desk chief role");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void rejectingNeedsAReason() {
        fx.desk(fx.copy).submit(fx.copy, id, "House", null);
        assertThatThrownBy(() -> fx.desk(fx.chief).reject(fx.chief, id, "  "))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("needs a reason");
    }

    @Test
    void aSpikedStoryLeavesTheWorkflowUntilUnspiked() {
        fx.desk(fx.editor).spike(fx.editor, id);
        assertThatThrownBy(() -> fx.desk(fx.copy).saveDraft(fx.copy, id, "x")).isInstanceOf(WorkflowException.class);
        fx.desk(fx.editor).unspike(fx.editor, id);
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.NEW);
    }

    @Test
    void aBlankHouseHeadlineIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> fx.desk(fx.copy).saveDraft(fx.copy, id, "   "))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("blank");
    }

    // ------------------------------------------------------------------ house style with teeth (issue 4)

    private static final String BANNED = "Minister slams rivals over budget";

    @Test
    void aHeadlineWithAStyleErrorIsRefusedWithoutAReasonNamingTheFirstError() {
        fx.desk(fx.copy).claim(fx.copy, id);
        assertThatThrownBy(() -> fx.desk(fx.copy).submit(fx.copy, id, BANNED, "for the front"))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("The headline breaks house style (“slams” is banned in our headlines): fix it, or give "
                        + "a reason to submit it over house style");
        assertThatThrownBy(() -> fx.desk(fx.copy).submit(fx.copy, id, BANNED, null, "   ", List.of()))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("“slams” is banned");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.NEW);
        assertThat(fx.desk.story(id).houseHeadline()).isNull();
        assertThat(fx.desk.thread(id).entries()).isEmpty();
    }

    @Test
    void aStyleErrorGoesToTheChiefWithItsReasonAndBothAreKeptInTheHistory() {
        fx.desk(fx.copy).submit(fx.copy, id, BANNED, "for the front", "It is the minister's own word, in quotes "
                + "in the second paragraph", List.of());

        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        StoryThread thread = fx.desk(fx.chief).thread(id);
        assertThat(thread.entries()).extracting(ThreadEntry::kind, ThreadEntry::author, ThreadEntry::text)
                .containsExactly(Tuple.tuple(Kind.SUBMITTED, "cora", "for the front"),
                        Tuple.tuple(Kind.STYLE_OVERRIDE, "cora",
                                "It is the minister's own word, in quotes in the second paragraph"));
        assertThat(thread.styleOverride()).hasValueSatisfying(o -> assertThat(o.styleErrors())
                .containsExactly("“slams” is banned in our headlines"));
        HistoryAudit.Report audit = new HistoryAudit(fx.database).run();
        assertThat(audit.breaks()).isEmpty();
        assertThat(audit.rows().get("story_note")).isEqualTo(1);
    }

    @Test
    void warningsAloneNeedNoReason() {
        fx.desk(fx.copy).submit(fx.copy, id, "Protests in Teheran.", null);
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.SUBMITTED);
        assertThat(fx.desk.thread(id).styleOverride()).isEmpty();
    }

    @Test
    void aReasonWithNothingToOverrideIsRefused() {
        assertThatThrownBy(() -> fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", null, "just because",
                List.of())).isInstanceOf(WorkflowException.class).hasMessageContaining("meets house style");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.NEW);
    }

    @Test
    void theErrorsTheScreenShowedAreOverriddenAndKeptTooTheWidthAmongThem() {
        String width = "1340 px wide in the site's headline font: the limit is 1300 px";
        assertThatThrownBy(() -> fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", null, null,
                List.of(width))).isInstanceOf(WorkflowException.class).hasMessageContaining(width);

        fx.desk(fx.copy).submit(fx.copy, id, BANNED, null, "Quoted", List.of(width));

        assertThat(fx.desk.thread(id).styleOverride()).hasValueSatisfying(o -> assertThat(o.styleErrors())
                .containsExactly("“slams” is banned in our headlines", width));
    }

    @Test
    void aResubmissionOverHouseStyleNeedsItsOwnReason() {
        fx.desk(fx.copy).submit(fx.copy, id, BANNED, null, "Quoted", List.of());
        fx.desk(fx.chief).reject(fx.chief, id, "Not even in quotes");

        assertThatThrownBy(() -> fx.desk(fx.copy).submit(fx.copy, id, null, "resubmitted"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("“slams” is banned");
        fx.desk(fx.copy).submit(fx.copy, id, "Minister attacks rivals over budget", "changed the verb");
        assertThat(fx.desk.thread(id).styleOverride()).isEmpty();
    }

    // --------------------------------------------------------------------- the conversation (issue 5)

    @Test
    void theSubmitNoteTheRejectionAndRepliesFormOneThreadInOrder() {
        fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", "Is “backs” strong enough?");
        fx.desk(fx.chief).reject(fx.chief, id, "Say which council");
        fx.desk(fx.copy).reply(fx.copy, id, "  The city council, or the county?  ");
        fx.desk(fx.chief).reply(fx.chief, id, "The city council.");

        StoryThread thread = fx.desk(fx.editor).thread(id);
        assertThat(thread.entries()).extracting(ThreadEntry::kind, ThreadEntry::author, ThreadEntry::text)
                .containsExactly(Tuple.tuple(Kind.SUBMITTED, "cora", "Is “backs” strong enough?"),
                        Tuple.tuple(Kind.REJECTED, "dee", "Say which council"),
                        Tuple.tuple(Kind.REPLY, "cora", "The city council, or the county?"),
                        Tuple.tuple(Kind.REPLY, "dee", "The city council."));
        assertThat(thread.rejection()).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("Say which council"));
        assertThat(new HistoryAudit(fx.database).run().breaks()).isEmpty();

        fx.desk(fx.copy).submit(fx.copy, id, "City council backs budget", null);
        assertThat(fx.desk.thread(id).rejection()).isEmpty();
        assertThat(fx.desk.thread(id).entries()).last().extracting(ThreadEntry::kind, ThreadEntry::text)
                .containsExactly(Kind.SUBMITTED, null);
    }

    @Test
    void onlyCopyEditorsAndDeskChiefsReplyAndAReplySaysSomething() {
        assertThatThrownBy(() -> fx.desk(fx.editor).reply(fx.editor, id, "Spike it?"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("copy editor or the desk chief role");
        assertThatThrownBy(() -> fx.desk(fx.copy).reply(fx.copy, id, " \n "))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("needs some text");
        assertThatThrownBy(() -> fx.desk(fx.copy).reply(fx.copy, id, "x".repeat(ThreadEntry.MAX_TEXT + 1)))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("at most 2000 characters");
        assertThat(fx.desk.thread(id).entries()).isEmpty();
    }

    @Test
    void aReplyIsKeptAsTheSignedInMemberWhoeverTheServiceIsToldTheyAre() {
        // the service is cora's sign-in; it is asked to reply as the chief: the store records cora
        fx.desk(fx.copy).reply(fx.chief, id, "Who am I?");
        assertThat(fx.desk.thread(id).entries()).extracting(ThreadEntry::author).containsExactly("cora");
    }
}
