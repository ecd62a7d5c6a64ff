package org.wiredesk.desk.common;

import javafx.beans.value.ChangeListener;

/**
 * Reloads a screen whenever the store changes, while the screen is active; the listener goes when it does. A screen
 * that is active but hidden (a tab behind another) does not reload on every change: it remembers that it is behind
 * and reloads once when it shows again, so the screen in front (an editor opening) does not wait behind the layout
 * of screens nobody sees.
 */
public final class StoreFollower {
    private final StoreChanges changes;
    private final Runnable reload;
    private final ChangeListener<Number> listener;
    private boolean showing = true;
    private boolean behind;

    public StoreFollower(StoreChanges changes, Runnable reload) {
        this.changes = changes;
        this.reload = reload;
        this.listener = (obs, old, now) -> changed();
    }

    private void changed() {
        if (showing) {
            reload.run();
        } else {
            behind = true;
        }
    }

    public void start() {
        changes.revisionProperty().addListener(listener);
    }

    public void stop() {
        changes.revisionProperty().removeListener(listener);
    }

    /** Whether the screen is in front: hidden, changes wait; shown again, one reload catches up with them all. */
    public void showing(boolean now) {
        showing = now;
        if (now && behind) {
            behind = false;
            reload.run();
        }
    }

    /** Whether changes came while the screen was hidden that it has not caught up with. */
    public boolean behind() {
        return behind;
    }
}
