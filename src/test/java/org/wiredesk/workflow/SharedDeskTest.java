package org.wiredesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.story.Claim;
import org.wiredesk.story.StoryId;

/**
 * Several workstations on one shared desk (each member here signs in on a connection of their own, as on their
 * own machine): what one does, the others see within a second, and two at the same moment cannot both win.
 */
class SharedDeskTest {
    private final DeskFixture fx = DeskFixture.onPostgres(false);

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aSubmissionAnApprovalAClaimAndANewStoryReachAnotherWorkstationWithinASecond() throws Exception {
        StoryId id = fx.story("g-1", "Agency headline", "The body.");
        LinkedBlockingQueue<Long> heard = new LinkedBlockingQueue<>();
        InboxRepository chiefsInbox = new InboxRepository(fx.as(fx.chief).database());
        try (AutoCloseable live = fx.as(fx.chief).database().followChanges(() -> heard.add(System.nanoTime()))) {
            List<Long> latencies = new ArrayList<>();
            String before = chiefsInbox.changeMark();
            latencies.add(timed(heard, () -> fx.desk(fx.copy).claim(fx.copy, id)));
            latencies.add(timed(heard, () -> fx.desk(fx.copy).submit(fx.copy, id, "House headline", null)));
            latencies.add(timed(heard, () -> fx.desk(fx.chief2).approve(fx.chief2, id)));
            latencies.add(timed(heard, () -> fx.story("g-2", "Another story", "Another body.")));
            assertThat(chiefsInbox.changeMark()).isNotEqualTo(before);
            System.out.println("shared desk: another workstation heard of claim, submission, approval and a new "
                    + "story after " + latencies.stream().map(ns -> ns / 1_000_000 + " ms").toList());
            assertThat(latencies).allSatisfy(ns -> assertThat(ns).isLessThan(TimeUnit.SECONDS.toNanos(1)));
        }
    }

    /** Runs a change on one workstation; how long until the other heard of it (nanoseconds). */
    private static long timed(LinkedBlockingQueue<Long> heard, Runnable change) throws InterruptedException {
        heard.clear();
        long start = System.nanoTime();
        change.run();
        Long at = heard.poll(5, TimeUnit.SECONDS);
        assertThat(at).as("the other workstation heard of the change").isNotNull();
        return at - start;
    }

    @Test
    void twoMembersClaimingOneStoryAtTheSameMomentOneWinsAndTheOtherIsToldWho() throws Exception {
        var other = new org.wiredesk.story.User("cleo", "Cleo Copy", java.util.Set.of(org.wiredesk.story.Role.COPY_EDITOR));
        fx.testDesk.add(other);
        DeskService cora = fx.desk(fx.copy);
        DeskService cleo = fx.desk(other);
        for (int round = 0; round < 20; round++) {
            StoryId id = fx.story("race-" + round, "Race " + round, "Body " + round + ".");
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Claim> first = CompletableFuture.supplyAsync(() -> {
                await(go);
                return cora.claim(fx.copy, id);
            });
            CompletableFuture<Claim> second = CompletableFuture.supplyAsync(() -> {
                await(go);
                return cleo.claim(other, id);
            });
            go.countDown();
            Claim a = first.get(10, TimeUnit.SECONDS);
            Claim b = second.get(10, TimeUnit.SECONDS);
            assertThat(a.username()).as("both are told the same winner").isEqualTo(b.username());
            assertThat(a.username()).isIn("cora", "cleo");
            assertThat(fx.desk.claimOn(id).orElseThrow().username()).isEqualTo(a.username());
        }
    }

    @Test
    void aWorkstationWhoseClockIsOffIsToldSoAndPublishesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path site) {
        StoryId id = fx.story("g-1", "Agency headline", "The body.");
        fx.desk(fx.copy).submit(fx.copy, id, "House headline", null);
        fx.desk(fx.chief).approve(fx.chief, id);
        fx.clock.advance(java.time.Duration.ofMinutes(10)); // the page would be signed ten minutes in the future
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.publish(fx.chief2).publish(fx.chief2, id, site))
                .hasMessageContaining("clock is more than five minutes off the desk server's");
        assertThat(fx.desk.story(id).status()).isEqualTo(org.wiredesk.story.Status.APPROVED);
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
