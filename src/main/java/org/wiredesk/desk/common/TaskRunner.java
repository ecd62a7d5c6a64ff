package org.wiredesk.desk.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The one way screens do background work: run off the UI thread, then call back on it. */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
