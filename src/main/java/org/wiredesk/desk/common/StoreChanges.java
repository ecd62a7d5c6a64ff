package org.wiredesk.desk.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** A revision counter the screens share: bumped after every change, so open screens know to reload. */
public final class StoreChanges {
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    public void changed() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
