package org.wiredesk.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/** What another workstation does to a shared store reaches this one's screens without anyone pressing Refresh. */
class StoreWatchTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoreChanges changes = new StoreChanges();
    private final List<Throwable> errors = new ArrayList<>();
    private final StoreWatch watch = new StoreWatch(new InboxRepository(fx.database)::changeMark, changes,
            new DirectTaskRunner(), errors::add);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aClaimASubmissionAndAnApprovalElsewhereEachTellTheScreensToReload() {
        StoryId id = fx.story("a", "Council approves budget", "The council approved the budget.");
        watch.check();
        assertThat(changes.revisionProperty().get()).as("the first look only sets the baseline").isZero();
        watch.check();
        assertThat(changes.revisionProperty().get()).as("nothing changed").isZero();

        fx.desk(fx.copy).claim(fx.copy, id);
        watch.check();
        assertThat(changes.revisionProperty().get()).isEqualTo(1);

        fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", null);
        watch.check();
        assertThat(changes.revisionProperty().get()).isEqualTo(2);

        fx.desk(fx.chief).approve(fx.chief, id);
        watch.check();
        watch.check();
        assertThat(changes.revisionProperty().get()).isEqualTo(3);
        assertThat(errors).isEmpty();
    }

    @Test
    void aChangeMadeHereIsNotReloadedForASecondTime() {
        StoryId id = fx.story("a", "Council approves budget", "The council approved the budget.");
        watch.check();
        fx.desk(fx.copy).claim(fx.copy, id);
        changes.changed();
        watch.check();
        assertThat(changes.revisionProperty().get()).as("only the local change itself").isEqualTo(1);

        fx.desk(fx.copy).submit(fx.copy, id, "Council backs budget", null);
        watch.check();
        assertThat(changes.revisionProperty().get()).as("a later change elsewhere still tells").isEqualTo(2);
    }
}
