package org.wiredesk.desk.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.story.Role;
import org.wiredesk.story.User;
import org.wiredesk.store.SettingsRepository;

/**
 * The desk's settings as every page prints them: the outlet's name, the section's, the disclaimer (with a preview
 * of it as printed) and the site's base URL. The owner and desk chiefs change them; everyone else reads them.
 */
public final class SettingsViewModel {
    /**
     * The order values are saved in: the base URL, the one with more to check than "not empty", goes first, so the
     * likeliest refusal comes before anything is stored.
     */
    static final List<String> SAVE_ORDER = List.of(DeskSettings.BASE_URL, DeskSettings.OUTLET, DeskSettings.SECTION,
            DeskSettings.DISCLAIMER);

    private final DeskSettings settings;
    private final SettingsRepository stored;
    private final boolean mayChange;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final StoreFollower follower;
    private final LatestOnly latest;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    /** What the store holds, as last loaded: a field that differs has an unsaved edit. */
    private final Map<String, ReadOnlyStringWrapper> saved = new LinkedHashMap<>();
    private final BooleanBinding edited;
    private final StringBinding disclaimerPreview;
    private final StringBinding labelPreview;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    /** The key whose value was refused at the last save ("" when none), so the screen can mark its field. */
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper(this, "refused", "");

    /**
     * @param owner whether the member owns the store: the owner may change the settings without the desk chief role
     */
    public SettingsViewModel(DeskSettings settings, SettingsRepository stored, User user, boolean owner,
                             TaskRunner runner, StoreChanges changes) {
        this.settings = settings;
        this.stored = stored;
        // the store refuses anyone else as well (a trigger on Derby, row security on PostgreSQL): asking first lets
        // the screen say so before anything is typed
        this.mayChange = owner || user.has(Role.DESK_CHIEF);
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
        for (String key : DeskSettings.KEYS) {
            fields.put(key, new SimpleStringProperty(this, key, ""));
            saved.put(key, new ReadOnlyStringWrapper(this, key + ".saved", ""));
        }
        // typing into the refused field is putting it right: the mark goes
        fields.forEach((key, field) -> field.addListener((obs, old, now) -> {
            if (key.equals(refused.get())) {
                refused.set("");
            }
        }));
        edited = Bindings.createBooleanBinding(() -> !editedKeys().isEmpty(), observed());
        disclaimerPreview = Bindings.createStringBinding(() -> printed(disclaimer().get(), outlet().get()),
                disclaimer(), outlet());
        labelPreview = Bindings.createStringBinding(() -> (outlet().get().strip() + " " + section().get().strip())
                .strip(), outlet(), section());
    }

    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    /** Whether the screen is in front: behind another, it catches up with the store's changes when it shows. */
    public void showing(boolean now) {
        follower.showing(now);
    }

    /** Loads what the store holds; a field with an unsaved edit keeps it (another screen's change must not undo it). */
    public void reload() {
        reloadTaking(List.of());
    }

    /** Reloads, and these fields take what is stored even if edited: they were just saved, maybe normalized. */
    private void reloadTaking(List<String> savedNow) {
        latest.load(this::load, values -> show(values, savedNow), this::fail);
    }

    private Map<String, String> load() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DeskSettings.OUTLET, settings.outlet());
        values.put(DeskSettings.SECTION, settings.section());
        // as typed, with {outlet} still in it: DeskSettings.disclaimer() gives it as printed
        values.put(DeskSettings.DISCLAIMER, stored.get(DeskSettings.DISCLAIMER).orElse(DeskSettings.DEFAULT_DISCLAIMER));
        values.put(DeskSettings.BASE_URL, settings.baseUrl().orElse(""));
        return values;
    }

    private void show(Map<String, String> values, List<String> savedNow) {
        values.forEach((key, value) -> {
            StringProperty field = fields.get(key);
            if (savedNow.contains(key) || Objects.equals(field.get(), saved.get(key).get())) {
                field.set(value);
            }
            saved.get(key).set(value);
        });
    }

    /**
     * Saves the edited fields together, all or nothing: each is checked as the desk checks it, and the first refusal
     * is said in its sentence, marks its field and saves nothing; every edit stays on screen to be put right.
     */
    public void save() {
        if (!mayChange) {
            say(true, readOnlyNote());
            return;
        }
        Map<String, String> edits = new LinkedHashMap<>();
        for (String key : SAVE_ORDER) {
            if (editedKeys().contains(key)) {
                edits.put(key, fields.get(key).get());
            }
        }
        if (edits.isEmpty()) {
            say(false, "Nothing to save: the settings are as stored.");
            return;
        }
        saving.set(true);
        refused.set("");
        runner.run(() -> {
            settings.setAll(edits);
            return load();
        }, values -> {
            saving.set(false);
            show(values, List.copyOf(edits.keySet()));
            say(false, "Saved. Pages published or corrected from now on print these settings.");
            changes.changed();
        }, e -> {
            saving.set(false);
            fail(e);
            edits.entrySet().stream().filter(edit -> !valid(edit.getKey(), edit.getValue())).findFirst()
                    .ifPresent(edit -> refused.set(edit.getKey()));
        });
    }

    private static boolean valid(String key, String value) {
        try {
            DeskSettings.checked(key, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Puts back what the store holds, dropping every unsaved edit. */
    public void revert() {
        fields.forEach((key, field) -> field.set(saved.get(key).get()));
        say(false, "");
    }

    /** The sentence a member who may not change the settings reads on the screen. */
    public String readOnlyNote() {
        return "Only a desk chief or the store's owner changes the desk settings: you see them as the pages print "
                + "them.";
    }

    /** The disclaimer as a page prints it: {outlet} replaced by the outlet's name. */
    static String printed(String disclaimer, String outlet) {
        String name = outlet == null ? "" : outlet.strip();
        String text = disclaimer == null ? "" : disclaimer.strip();
        return name.isEmpty() ? text : text.replace(DeskSettings.OUTLET_PLACEHOLDER, name);
    }

    private List<String> editedKeys() {
        return fields.keySet().stream()
                .filter(key -> !Objects.equals(fields.get(key).get(), saved.get(key).get())).toList();
    }

    private javafx.beans.Observable[] observed() {
        return java.util.stream.Stream.concat(fields.values().stream(), saved.values().stream())
                .toArray(javafx.beans.Observable[]::new);
    }

    private void say(boolean isProblem, String text) {
        problem.set(isProblem);
        message.set(""); // the same sentence twice is said twice
        message.set(text);
    }

    private void fail(Throwable e) {
        say(true, Messages.of(e));
    }

    public boolean mayChange() {
        return mayChange;
    }

    public StringProperty outlet() {
        return fields.get(DeskSettings.OUTLET);
    }

    public StringProperty section() {
        return fields.get(DeskSettings.SECTION);
    }

    /** The disclaimer as typed: {outlet} stands for the outlet's name. */
    public StringProperty disclaimer() {
        return fields.get(DeskSettings.DISCLAIMER);
    }

    public StringProperty baseUrl() {
        return fields.get(DeskSettings.BASE_URL);
    }

    /** Whether any field differs from what the store holds. */
    public BooleanBinding editedProperty() {
        return edited;
    }

    /** The disclaimer as printed under every story, following what is typed. */
    public StringBinding disclaimerPreviewProperty() {
        return disclaimerPreview;
    }

    /** The label over every page: the outlet's name and the section's ("IFP Media Wire"). */
    public StringBinding labelPreviewProperty() {
        return labelPreview;
    }

    /** The key whose value the last save refused, or "" (the message says why). */
    public ReadOnlyStringProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message reports a refusal or a failure. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
