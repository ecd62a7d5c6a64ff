package org.wiredesk.desk.editor;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.MainWindow;
import org.wiredesk.desk.common.FxTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Database;
import org.wiredesk.store.TestDesk;

/**
 * A copy editor's desk in a JVM of its own, for the kill trials ({@link KillTrials}): the real desk window (headless,
 * on Monocle), its real task runner and autosave timing, on a real Derby store. It opens a story in the editor and
 * types a headline into the house headline field key by key, at uneven intervals, then waits to be killed.
 *
 * <p>It reports on stdout, each line with the wall-clock time in microseconds since the epoch: {@code ready T} once
 * the field has the focus, {@code key N T} for the N-th key, T taken as the field is handed the key (its text is
 * then the first N characters), and {@code typed T} after the last key.
 *
 * <p>Arguments: store folder, story id, the headline to type, a random seed, the shortest and longest pause
 * between keys in milliseconds.
 */
public final class TypingDesk {
    private TypingDesk() {
    }

    /** The JVM options that run JavaFX headless here, as the pom sets them for the UI tests. */
    public static final String[] HEADLESS = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dheadless.geometry=1440x900-32", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true"};

    public static void main(String[] args) {
        try {
            type(args);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.println("failed " + e);
            System.out.flush();
            System.exit(1); // the FX thread would keep a broken child alive
        }
    }

    private static void type(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        StoryId id = new StoryId(Long.parseLong(args[1]));
        String text = args[2];
        Random random = new Random(Long.parseLong(args[3]));
        int shortest = Integer.parseInt(args[4]);
        int longest = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        AppContext app = AppContext.open(Database.embedded(store, TestDesk.credentials(KillTrials.MEMBER)),
                store.resolveSibling("site"), Clock.systemDefaultZone());
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Scene shown = onFx(() -> {
            MainWindow window = new MainWindow(WireDeskApp.services(app, new FxTaskRunner(), new StoreChanges(),
                    url -> { }));
            Stage stage = new Stage();
            Scene scene = new Scene(window.root(), 1280, 800);
            scene.getStylesheets().add(WireDeskApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            window.start();
            window.openEditor(id);
            return scene;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // the tab's content joins the scene at the next layout pass
        TextField field = null;
        while (field == null || !onFx(field::isFocused) || !onFx(field::isEditable)) {
            field = onFx(() -> (TextField) shown.lookup("#editor-house-headline"));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the editor never took the focus");
            }
            Thread.sleep(10);
        }
        TextField typing = field;
        onFx(() -> {
            typing.selectAll(); // Ctrl+A: the first key replaces the agency's headline
            return null;
        });
        out.println("ready " + micros(Instant.now()));
        for (int n = 1; n <= text.length(); n++) {
            String key = text.substring(n - 1, n);
            int number = n;
            onFx(() -> {
                // the moment of the key is before the field takes it: a keep may start inside the event
                Instant pressed = Instant.now();
                Event.fireEvent(typing, new KeyEvent(KeyEvent.KEY_TYPED, key, "", KeyCode.UNDEFINED, false, false,
                        false, false));
                // said here, on the FX thread, before any keep of this key can start: said from the typing thread
                // after another hop, a starved thread could be killed after the keep and before saying it
                out.println("key " + number + " " + micros(pressed));
                return pressed;
            });
            String now = onFx(typing::getText);
            if (!now.equals(text.substring(0, n))) {
                throw new IllegalStateException("the field reads \"" + now + "\" after key " + n);
            }
            Thread.sleep(shortest + random.nextInt(longest - shortest + 1));
        }
        out.println("typed " + micros(Instant.now()));
        Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
