package org.wiredesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
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
}
