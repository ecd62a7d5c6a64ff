package org.wiredesk.desk.common;

import org.wiredesk.store.StoreException;
import org.wiredesk.story.WorkflowException;

/** Turns a failure into one sentence for the desk. */
public final class Messages {
    private Messages() {
    }

    public static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.lang.reflect.InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof WorkflowException || t instanceof StoreException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        return "Something went wrong: " + t;
    }
}
