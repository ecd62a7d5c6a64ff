package org.wiredesk.desk.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices changes other workstations make to a shared store (a submission, an approval, a claim) and tells the
 * open screens, through {@link StoreChanges}, to reload. Each {@link #check()} asks the store for its change mark
 * off the FX thread; the first answer only sets the baseline.
 */
public final class StoreWatch {
    private final Supplier<String> mark;
    private final StoreChanges changes;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private String last;

    public StoreWatch(Supplier<String> mark, StoreChanges changes, TaskRunner runner, Consumer<Throwable> onError) {
        this.mark = mark;
        this.changes = changes;
        this.runner = runner;
        this.onError = onError;
    }

    public void check() {
        runner.run(mark::get, now -> {
            boolean moved = last != null && !Objects.equals(last, now);
            last = now;
            if (moved) {
                changes.changed();
            }
        }, onError);
    }
}
