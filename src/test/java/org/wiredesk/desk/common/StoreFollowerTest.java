package org.wiredesk.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreFollowerTest {
    private final StoreChanges changes = new StoreChanges();
    private final AtomicInteger reloads = new AtomicInteger();
    private final StoreFollower follower = new StoreFollower(changes, reloads::incrementAndGet);

    @Test
    void aScreenInFrontReloadsOnEveryChange() {
        follower.start();
        changes.changed();
        changes.changed();
        assertThat(reloads).hasValue(2);
    }

    @Test
    void aHiddenScreenReloadsOnceWhenItShowsAgainAndOnlyIfTheStoreChanged() {
        follower.start();
        follower.showing(false);
        follower.showing(true);
        assertThat(reloads).as("nothing changed while it was hidden").hasValue(0);

        follower.showing(false);
        changes.changed();
        changes.changed();
        changes.changed();
        assertThat(reloads).hasValue(0);
        assertThat(follower.behind()).isTrue();
        follower.showing(true);
        assertThat(reloads).as("one reload catches up with all three").hasValue(1);
        assertThat(follower.behind()).isFalse();
        follower.showing(true);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aStoppedScreenFollowsNothing() {
        follower.start();
        follower.stop();
        changes.changed();
        follower.showing(true);
        assertThat(reloads).hasValue(0);
    }
}
