package org.wiredesk.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    /** Holds work until released, so results can come back out of order. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> new DirectTaskRunner().run(work, onSuccess, onFailure));
        }
    }

    private final HeldRunner runner = new HeldRunner();
    private final LatestOnly latest = new LatestOnly(runner);
    private final List<String> shown = new ArrayList<>();

    @Test
    void aSlowEarlierLoadNeverOverwritesANewerOne() {
        latest.load(() -> "old", shown::add, e -> { });
        latest.load(() -> "new", shown::add, e -> { });
        runner.held.get(1).run();
        runner.held.get(0).run();
        assertThat(shown).containsExactly("new");
    }

    @Test
    void aCancelledLoadIsNeverShown() {
        latest.load(() -> "for a choice since cleared", shown::add, e -> { });
        latest.cancel();
        runner.held.get(0).run();
        assertThat(shown).isEmpty();
    }
}
