package org.wiredesk.desk;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;

/** The real desk window on a test stage, with work done at once (no background threads to wait for). */
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
}
