package org.wiredesk.desk.common;

/** Runs an action once things have been quiet for a moment: each call restarts the wait. */
@FunctionalInterface
public interface Debouncer {
    void run(Runnable action);

    /** No wait at all: for view-model tests. */
    Debouncer IMMEDIATE = Runnable::run;
}
