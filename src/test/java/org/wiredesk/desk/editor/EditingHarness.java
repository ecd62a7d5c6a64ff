package org.wiredesk.desk.editor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wiredesk.app.AppContext;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Database;
import org.wiredesk.store.TestDesk;

/**
 * A copy editor typing in a separate JVM, for the kill test: opens the store, types a headline into the real
 * editor view-model one character at a time, says "done", and waits to be killed.
 */
public final class EditingHarness {
    private EditingHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        StoryId id = new StoryId(Long.parseLong(args[1]));
        String text = args[2];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Debouncer debouncer = new Debouncer() {
            private ScheduledFuture<?> pending;

            @Override
            public synchronized void run(Runnable action) {
                if (pending != null) {
                    pending.cancel(false);
                }
                pending = timer.schedule(action, 600, TimeUnit.MILLISECONDS);
            }
        };
        AppContext app = AppContext.open(Database.embedded(store, TestDesk.credentials("kim")), store.resolveSibling("site"),
                Clock.systemUTC());
        EditorViewModel vm = new EditorViewModel(id, app.desk(), app.user(), new DirectTaskRunner(),
                new StoreChanges(), app.houseStyle(), debouncer);
        vm.load();
        for (int i = 1; i <= text.length(); i++) {
            vm.houseHeadlineProperty().set(text.substring(0, i));
            Thread.sleep(15);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
