package org.wiredesk.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/** The preview as a plain object on a real store: the latest selection's story, one body read at a time. */
class PreviewModelTest {
    private final DeskFixture fx = new DeskFixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** Holds work until released, as a busy pool would. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> new DirectTaskRunner().run(work, onSuccess, onFailure));
        }
    }

    private String bodyOf(StoryId id) {
        return StoryDetail.of(fx.stories.find(id).orElseThrow(), List.of()).bodyText();
    }

    @Test
    void theSelectionRunsAheadAndOnlyTheLatestStorysBodyIsReadNext() {
        StoryId a = fx.story("a", "First", "Body one.");
        StoryId b = fx.story("b", "Second", "Body two.");
        StoryId c = fx.story("c", "Third", "Body three.");
        HeldRunner runner = new HeldRunner();
        PreviewModel preview = new PreviewModel(fx.stories, runner);
        preview.show(a, null);
        preview.show(b, null); // arrow key held down
        preview.show(c, null);
        assertThat(runner.held).as("one read at a time").hasSize(1);
        assertThat(preview.shownProperty().get()).isEqualTo(c);

        runner.held.get(0).run(); // a's body arrives: it is not shown, and c is read next (b never)
        assertThat(preview.bodyProperty().get()).isEmpty();
        assertThat(preview.loadingProperty().get()).isTrue();
        assertThat(runner.held).hasSize(2);
        runner.held.get(1).run();
        assertThat(preview.bodyProperty().get()).isEqualTo(bodyOf(c)).contains("Body three.");
        assertThat(preview.agencyHeadlineProperty().get()).isEqualTo("Third");
        assertThat(preview.loadingProperty().get()).isFalse();
        assertThat(runner.held).hasSize(2);
        assertThat(bodyOf(b)).isNotEqualTo(bodyOf(c));
    }

    @Test
    void aHouseHeadlineShowsAboveTheAgencysAndClearingEmptiesThePane() {
        StoryId a = fx.story("a", "Agency words here", "Body one.");
        fx.desk(fx.copy).claim(fx.copy, a);
        fx.desk(fx.copy).saveDraft(fx.copy, a, "Desk words here");
        PreviewModel preview = new PreviewModel(fx.stories, new DirectTaskRunner());
        preview.show(a, null);
        assertThat(preview.houseHeadlineProperty().get()).isEqualTo("Desk words here");
        assertThat(preview.agencyHeadlineProperty().get()).isEqualTo("Agency words here");
        assertThat(preview.statusProperty().get()).isNotBlank();
        assertThat(preview.receivedProperty().get()).isNotNull();
        assertThat(preview.bodyProperty().get()).isEqualTo(bodyOf(a));
        preview.clear();
        assertThat(preview.shownProperty().get()).isNull();
        assertThat(preview.bodyProperty().get()).isEmpty();
        assertThat(preview.houseHeadlineProperty().get()).isEmpty();
    }
}
