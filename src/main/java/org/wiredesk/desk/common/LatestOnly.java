package org.wiredesk.desk.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Loads off the FX thread and shows only the newest answer: when reloads overlap, a result older than the latest
 * request is dropped, so a slow early load never overwrites a newer one.
 */
public final class LatestOnly {
    private final TaskRunner runner;
    private long generation;

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    /** Drops whatever is still on its way (the choice it was for has gone). */
    public void cancel() {
        generation++;
    }

    public <T> void load(Callable<T> work, Consumer<T> show, Consumer<Throwable> onFailure) {
        long mine = ++generation;
        runner.run(work, result -> {
            if (mine == generation) {
                show.accept(result);
            }
        }, onFailure);
    }
}
