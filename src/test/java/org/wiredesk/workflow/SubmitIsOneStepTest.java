package org.wiredesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wiredesk.store.ConcurrentChangeException;
import org.wiredesk.store.Database;
import org.wiredesk.store.EditingRepository;
import org.wiredesk.store.PolicyRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.ThreadRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;

/**
 * A submission with a new headline is one step on the shared desk: when it is refused because the story moved
 * meanwhile, nothing of it is kept. Another member's move is made to land inside the submission through the
 * submitting member's clock, which the service reads just before it writes: at each of those readings in turn.
 */
class SubmitIsOneStepTest {
    @Test
    void onTheSharedDeskASubmissionRefusedBecauseTheStoryWasSpikedMeanwhileKeepsNoHeadlineRevision() {
        refusedSubmissionKeepsNothing(DeskFixture.onPostgres(false));
    }

    @Test
    void onAnEmbeddedStoreTooAndTheMemberIsToldTheStoryMovedNotThatTheirRolesForbidIt() {
        refusedSubmissionKeepsNothing(new DeskFixture());
    }

    private static void refusedSubmissionKeepsNothing(DeskFixture created) {
        try (DeskFixture fx = created) {
            Database coras = fx.as(fx.copy).database();
            DeskService ed = fx.desk(fx.editor);
            StoryId calm = fx.story("calm", "Agency headline", "The body.");
            HookClock counting = new HookClock(fx.clock.instant());
            fx.desk(fx.copy).claim(fx.copy, calm);
            desk(coras, counting).submit(fx.copy, calm, "Cora's headline", null);
            int readings = counting.readings.get();
            assertThat(readings).as("the service reads its clock before it writes").isPositive();

            for (int reading = 1; reading <= readings; reading++) {
                int at = reading;
                StoryId id = fx.story("spiked-at-" + at, "Agency headline " + at, "The body " + at + ".");
                fx.desk(fx.copy).claim(fx.copy, id);
                HookClock clock = new HookClock(fx.clock.instant());
                clock.fireAt(at, () -> ed.spike(fx.editor, id));

                assertThatThrownBy(() -> desk(coras, clock).submit(fx.copy, id, "Cora's headline " + at, null))
                        .isInstanceOf(ConcurrentChangeException.class);

                assertThat(fx.desk.story(id).status()).isEqualTo(Status.SPIKED);
                assertThat(fx.desk.headlineHistory(id))
                        .as("headline revisions kept by a submission refused at clock reading %d of %d", at, readings)
                        .isEmpty();
                assertThat(fx.desk.story(id).houseHeadline()).isNull();
            }
        }
    }

    private static DeskService desk(Database db, Clock clock) {
        return new DeskService(new StoryRepository(db), new WorkflowRepository(db), new EditingRepository(db),
                new PolicyRepository(db), new ThreadRepository(db), new TimingRepository(db), clock,
                () -> DeskFixture.HOUSE_STYLE, new org.wiredesk.workflow.Credits(new org.wiredesk.store.CreditRepository(db), clock));
    }

    /** A fixed clock that counts its readings and can run an action (another member's step) at the n-th. */
    private static final class HookClock extends Clock {
        private final Instant now;
        private final AtomicInteger readings = new AtomicInteger();
        private int fireAt = -1;
        private Runnable action;

        HookClock(Instant now) {
            this.now = now;
        }

        void fireAt(int reading, Runnable what) {
            fireAt = reading;
            action = what;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (readings.incrementAndGet() == fireAt) {
                action.run();
            }
            return now;
        }
    }
}
