package org.wiredesk.desk.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.store.SettingsRepository;

/** The desk's saved inbox views: kept in the desk's settings, so every workstation on the store has them. */
final class SavedViews {
    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();
    private SettingsRepository settings;

    SavedViews(TaskRunner runner, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.onFailure = onFailure;
    }

    /** Where they are kept; reads them from there. */
    void keepIn(SettingsRepository settings) {
        this.settings = settings;
        runner.run(() -> SavedView.parseAll(settings.get(SavedView.SETTING).orElse("")), views::setAll, onFailure);
    }

    /** Saves this view (replacing one of its name); {@code saved} is told once it is kept. */
    void save(SavedView view, Runnable saved) {
        if (settings == null) {
            return;
        }
        List<SavedView> all = new ArrayList<>(views.stream().filter(x -> !x.name().equals(view.name())).toList());
        all.add(view);
        String text = SavedView.format(all);
        runner.run(() -> {
            settings.put(SavedView.SETTING, text);
            return all;
        }, kept -> {
            views.setAll(kept);
            saved.run();
        }, onFailure);
    }

    ObservableList<SavedView> list() {
        return views;
    }
}
