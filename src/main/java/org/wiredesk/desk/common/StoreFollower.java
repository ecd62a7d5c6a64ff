package org.wiredesk.desk.common;

import javafx.beans.value.ChangeListener;

/** Reloads a screen whenever the store changes, while the screen is active; the listener goes when it does. */
public final class StoreFollower {
    private final StoreChanges changes;
    private final ChangeListener<Number> listener;

    public StoreFollower(StoreChanges changes, Runnable reload) {
        this.changes = changes;
        this.listener = (obs, old, now) -> reload.run();
    }

    public void start() {
        changes.revisionProperty().addListener(listener);
    }

    public void stop() {
        changes.revisionProperty().removeListener(listener);
    }
}
