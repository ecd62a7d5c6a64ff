package org.wiredesk.desk;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;

/**
 * The real desk window on a test stage, with work done at once (no background threads to wait for): plain (Modena,
 * no member preferences) for tests of behaviour, or dressed as the app shows it (AtlantaFX, the member's theme and
 * preferences) for tests whose screenshots go into the documentation. A dressed window sets the application's theme:
 * call {@link #undress()} after it.
 */
final class DeskWindows {
    private DeskWindows() {
    }

    static MainWindow show(Stage stage, AppContext app) {
        return show(stage, app, new StoreChanges());
    }

    /** With the window's change signal in the test's hands, to show what other members did in the store. */
    static MainWindow show(Stage stage, AppContext app, StoreChanges changes) {
        MainWindow window = new MainWindow(WireDeskApp.services(app, new DirectTaskRunner(), changes, url -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(WireDeskApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.start();
        return window;
    }

    /**
     * As the app shows it: AtlantaFX in this theme, the member's preferences under {@code home}, at 1280×800 in the
     * screen's corner (so screenshots have one size). Call on the FX thread.
     */
    static MainWindow dressed(Stage stage, AppContext app, java.nio.file.Path home,
                              org.wiredesk.desk.common.DeskLook.Theme theme) {
        MainWindow window = new MainWindow(WireDeskApp.services(app, new DirectTaskRunner(), new StoreChanges(),
                url -> { }), org.wiredesk.desk.common.MemberPrefs.of(home, app.user().username()));
        window.look().themeProperty().set(theme);
        window.showIn(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        window.start();
        return window;
    }

    /** Puts the application back on Modena, which the other tests run on (after a dressed window). */
    static void undress() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }
}
