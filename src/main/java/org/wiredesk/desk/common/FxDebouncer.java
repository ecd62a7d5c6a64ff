package org.wiredesk.desk.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A debouncer on the JavaFX clock; the action runs on the FX thread once typing pauses. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void run(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
