package org.wiredesk.app;

import java.io.InputStream;
import java.time.Clock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.wiredesk.desk.MainWindow;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.FxTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.signin.SignInDialog;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.SignInRefusedException;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoreSetup;
import org.wiredesk.store.StoreUpgrade;

/** The desk window's application: opens the store, fills a new one with the demo wire, shows the desk. */
public final class WireDeskApp extends Application {
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppContext app;
    private FxTaskRunner runner;
    private MainWindow window;
    private AutoCloseable live;
    /** Where the desk keeps its data: the store by default, and each member's window preferences. */
    private final WireDeskHome home = WireDeskHome.fromEnvironment(System.getenv());

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        try {
            app = signIn();
        } catch (RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("WireDesk cannot open its store");
            alert.showAndWait();
        }
        if (app == null) {
            Platform.exit();
            return;
        }
        StoreChanges changes = new StoreChanges();
        org.wiredesk.desk.common.Browser browser = new org.wiredesk.desk.common.Browser(System.getenv(),
                System.getProperty("os.name", ""), url -> getHostServices().showDocument(url));
        window = new MainWindow(services(app, runner, changes, browser::open),
                org.wiredesk.desk.common.MemberPrefs.of(home.root(), app.user().username()));
        stage.titleProperty().bind(javafx.beans.binding.Bindings.concat("WireDesk — ", window.sectionNameProperty()));
        addIcons(stage);
        window.showIn(stage);
        window.start();
        // a shared desk announces other workstations' changes as they commit; the ten-second poll stays for Derby
        live = app.database().followChanges(window::storeChangedElsewhere);
        // a new desk of one's own gets something to look at; a shared desk's stories are the newsroom's, not a demo's
        if (!app.database().isPostgres()
                && app.stories().countByStatus().values().stream().mapToInt(Integer::intValue).sum() == 0) {
            runner.run(() -> DemoWire.ingest(app.ingest(), app.user().username()), outcomes -> changes.changed(),
                    e -> { });
        }
    }

    /**
     * Asks who is signing in, and how: creating a new desk, securing a store made before members signed in, or
     * signing in to a desk. Asks again after a refusal. Null when the member cancels.
     */
    private AppContext signIn() {
        Map<String, String> named = getParameters().getNamed();
        String shared = WireDeskHome.isShared(named.get("store")) ? named.get("store") : null;
        Path dir = shared == null ? home.storeDirectory(named.get("store")) : null;
        if (dir != null) {
            // a read-only store in one sentence, before Derby says it in a hundred lines (issue 12 point 10)
            WireDeskHome.unwritable(dir).ifPresent(reason -> {
                throw new org.wiredesk.store.StoreException(reason);
            });
        }
        String name = named.getOrDefault("user", WireDeskHome.localUsername());
        String refusal = null;
        while (true) {
            // asked again on every pass: a failed create or upgrade may have left a different store behind
            // a shared desk is made by its owner with init; everyone signs in to it
            SignInDialog.Mode mode = shared != null ? SignInDialog.Mode.SIGN_IN : switch (StoreSetup.state(dir)) {
                case NONE -> SignInDialog.Mode.CREATE;
                case UNSECURED -> SignInDialog.Mode.UPGRADE;
                case SECURED -> SignInDialog.Mode.SIGN_IN;
            };
            SignInDialog dialog = new SignInDialog(mode, name, shared != null ? shared : dir.toString());
            if (refusal != null) {
                dialog.refused(refusal);
            }
            Optional<SignInDialog.Answer> answer = dialog.showAndWait();
            if (answer.isEmpty()) {
                return null;
            }
            SignInDialog.Answer a = answer.get();
            try {
                Credentials credentials = new Credentials(a.name(), a.password());
                Database database = shared != null ? Database.postgres(shared, credentials)
                        : Database.embedded(dir, credentials);
                return working(mode, () -> {
                    if (mode == SignInDialog.Mode.CREATE) {
                        StoreSetup.create(database, a.displayName(), a.onePersonDesk());
                    } else if (mode == SignInDialog.Mode.UPGRADE) {
                        StoreUpgrade.upgrade(dir, credentials, a.displayName(), a.onePersonDesk());
                    }
                    return AppContext.open(database, home.siteFor(shared != null ? shared : dir.toString()),
                            Clock.systemDefaultZone());
                });
            } catch (SignInRefusedException e) {
                name = a.name();
                refusal = "Sign-in refused.";
            } catch (IllegalArgumentException | StoreException e) {
                if (e instanceof org.wiredesk.store.StoreLockedException) {
                    throw e;
                }
                name = a.name();
                refusal = e.getMessage();
            } finally {
                java.util.Arrays.fill(a.password(), '\0');
            }
        }
    }

    /**
     * Runs the store work of signing in off the FX thread (creating a desk takes seconds, securing a large earlier
     * store longer), with a small window saying what is happening, and waits for it in a nested event loop so the
     * screen stays responsive. A failure is rethrown here.
     */
    private AppContext working(SignInDialog.Mode mode, java.util.concurrent.Callable<AppContext> work) {
        Stage busy = new Stage(javafx.stage.StageStyle.UTILITY);
        busy.setTitle("WireDesk");
        javafx.scene.control.Label label = new javafx.scene.control.Label(switch (mode) {
            case CREATE -> "Creating the desk…";
            case UPGRADE -> "Securing the desk: copying every story and history row…";
            case SIGN_IN -> "Signing in…";
        });
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(12,
                new javafx.scene.control.ProgressIndicator(), label);
        box.setPadding(new javafx.geometry.Insets(18));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        busy.setScene(new Scene(box));
        busy.show();
        Object loop = new Object();
        java.util.concurrent.atomic.AtomicReference<AppContext> done = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        runner.run(work, opened -> {
            done.set(opened);
            Platform.exitNestedEventLoop(loop, null);
        }, e -> {
            failed.set(e);
            Platform.exitNestedEventLoop(loop, null);
        });
        Platform.enterNestedEventLoop(loop);
        busy.close();
        Throwable e = failed.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e != null) {
            throw new StoreException("Cannot open the store: " + e.getMessage(), e);
        }
        return done.get();
    }

    /** The window's services, from the composition root. */
    public static MainWindow.Services services(AppContext app, org.wiredesk.desk.common.TaskRunner runner,
                                               StoreChanges changes, java.util.function.Consumer<String> openPage) {
        return new MainWindow.Services(app.stories(), new org.wiredesk.store.InboxRepository(app.database()),
                app.desk(), app.publish(), app.timing(), app.ingest(), app.sources(), app.poller(), app.quarantine(),
                app.user(), app.site(), app.settings().section(), app.houseStyle(), runner,
                new DeskClock(app.clock()), app.clock(), changes, openPage, app::search,
                new org.wiredesk.store.SettingsRepository(app.database()), app.users().signedInAsOwner(),
                app.withdrawals());
    }

    public static String stylesheet() {
        return org.wiredesk.desk.common.DeskLook.STYLESHEET;
    }

    static void addIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            InputStream in = WireDeskApp.class.getResourceAsStream("/org/wiredesk/icons/wiredesk-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }

    @Override
    public void stop() {
        if (live != null) {
            try {
                live.close();
            } catch (Exception e) {
                // stopping: nothing to follow any more
            }
        }
        if (window != null) {
            window.stop();
        }
        if (runner != null) {
            runner.close();
        }
        if (app != null) {
            app.close();
        }
    }
}
