package org.wiredesk.desk.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices changes other workstations make to a shared store (a submission, an approval, a claim) and tells the
 * open screens, through {@link StoreChanges}, to reload. Each {@link #check()} asks the store for its change mark
 * off the FX thread; the first answer only sets the baseline. A change made here (the screens already reload for it)
 * takes a new baseline instead, so it does not cost every screen a second reload at the next check.
 */
public final class StoreWatch {
    private final Supplier<String> mark;
    private final StoreChanges changes;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private String last;
    private boolean firing;

    public StoreWatch(Supplier<String> mark, StoreChanges changes, TaskRunner runner, Consumer<Throwable> onError) {
        this.mark = mark;
        this.changes = changes;
        this.runner = runner;
        this.onError = onError;
        changes.revisionProperty().addListener((obs, old, now) -> {
            if (!firing) {
                runner.run(mark::get, here -> last = here, onError);
            }
        });
    }

    public void check() {
        runner.run(mark::get, now -> {
            boolean moved = last != null && !Objects.equals(last, now);
            last = now;
            if (moved) {
                firing = true;
                try {
                    changes.changed();
                } finally {
                    firing = false;
                }
            }
        }, onError);
    }
}
