package org.wiredesk.desk.common;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desk's one notification area: what every screen confirms or refuses, the latest shown in the status bar and
 * the last {@value #KEPT} kept, newest first, with their time and severity. Toolkit-free, so screens' models and tests
 * can post to it.
 */
public final class Notices {
    /** How many the list keeps. */
    public static final int KEPT = 50;

    /** A confirmation (something was done) or a problem (a refusal or a failure, with its reason). */
    public enum Severity {
        DONE("Done"), PROBLEM("Problem");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One message: when, how serious, which screen said it, and the sentence. */
    public record Notice(Instant at, Severity severity, String where, String text) {
    }

    private final Clock clock;
    private final ObservableList<Notice> kept = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    public Notices(Clock clock) {
        this.clock = clock;
    }

    /** Shows a sentence in the status bar and keeps it in the list; a blank one says nothing. */
    public void post(Severity severity, String where, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Notice notice = new Notice(clock.instant(), severity, where, text.strip());
        kept.add(0, notice);
        if (kept.size() > KEPT) {
            kept.remove(KEPT, kept.size());
        }
        latest.set(notice);
    }

    public void done(String where, String text) {
        post(Severity.DONE, where, text);
    }

    public void problem(String where, String text) {
        post(Severity.PROBLEM, where, text);
    }

    /** The last {@value #KEPT}, newest first. */
    public ObservableList<Notice> kept() {
        return FXCollections.unmodifiableObservableList(kept);
    }

    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }
}
