package org.wiredesk.desk.common;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** "Now" for relative times: one value the screens share, advanced by the window's timer. */
public final class DeskClock {
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;

    public DeskClock(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
    }

    public void tick() {
        now.set(clock.instant());
    }

    public Instant now() {
        return now.get();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }
}
