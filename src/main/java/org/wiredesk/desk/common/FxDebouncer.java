package org.wiredesk.desk.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * A debouncer on the JavaFX clock: the action runs on the FX thread once typing pauses for {@code quiet}, and at the
 * latest {@code maxWait} after the first change it has not yet run for, however long the typing goes on.
 */
public final class FxDebouncer implements Debouncer {
    private final Duration quiet;
    private final Duration maxWait;
    private final PauseTransition pause = new PauseTransition();
    private Runnable pending;
    private long firstPendingNanos;

    public FxDebouncer(Duration quiet, Duration maxWait) {
        this.quiet = quiet;
        this.maxWait = maxWait;
        pause.setOnFinished(e -> fire());
    }

    @Override
    public void run(Runnable action) {
        long now = System.nanoTime();
        if (pending == null) {
            firstPendingNanos = now;
        }
        pending = action;
        double waitedMs = (now - firstPendingNanos) / 1e6;
        double left = maxWait.toMillis() - waitedMs;
        if (left <= 0) {
            pause.stop();
            fire();
            return;
        }
        pause.setDuration(Duration.millis(Math.min(quiet.toMillis(), left)));
        pause.playFromStart();
    }

    private void fire() {
        Runnable action = pending;
        pending = null;
        if (action != null) {
            action.run();
        }
    }
}
