package org.wiredesk.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.wiredesk.desk.approval.ApprovalView;
import org.wiredesk.desk.approval.ApprovalViewModel;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreWatch;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.desk.inbox.InboxView;
import org.wiredesk.desk.inbox.InboxViewModel;
import org.wiredesk.desk.publish.PublishView;
import org.wiredesk.desk.publish.PublishViewModel;
import org.wiredesk.desk.quarantine.QuarantineView;
import org.wiredesk.desk.quarantine.QuarantineViewModel;
import org.wiredesk.desk.settings.SettingsView;
import org.wiredesk.desk.settings.SettingsViewModel;
import org.wiredesk.desk.sources.SourcesView;
import org.wiredesk.desk.sources.SourcesViewModel;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.ingest.SourcePoller;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.workflow.DeskService;

/**
 * The desk window: inbox, approval, publish, sources, quarantine and settings tabs, an editor tab per open story, and
 * a status bar.
 */
public final class MainWindow {
    /** What the window works with, built by the composition root. */
    public record Services(StoryRepository stories, InboxRepository inbox, DeskService desk, PublishService publish,
                           org.wiredesk.workflow.TimingService timing, IngestService ingest,
                           SourceRepository sources, SourcePoller poller, QuarantineRepository quarantine, User user,
                           Path site, String section, HouseStyle style, TaskRunner runner, DeskClock clock,
                           Clock time, StoreChanges changes, Consumer<String> openPage,
                           java.util.function.Supplier<org.wiredesk.search.SearchIndex> search,
                           org.wiredesk.store.SettingsRepository settings,
                           /* whether the member owns the store: the owner may change the desk settings */
                           boolean owner,
                           org.wiredesk.ingest.SourceWithdrawals withdrawals) {
    }

    private final Services s;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final StoryTabs storyTabs;
    /** The one notification area: every screen's confirmations and refusals, shown in the status bar. */
    private final org.wiredesk.desk.common.Notices notices;
    private final NoticeArea noticeArea;
    private final InboxViewModel inboxVm;
    private final InboxView inbox;
    private final ApprovalView approval;
    private final PublishViewModel publishVm;
    private final PublishView publish;
    private final SourcesViewModel sourcesVm;
    private final SourcesView sources;
    private final QuarantineView quarantine;
    private final SettingsView settings;
    private final Timeline ticker;
    private final Timeline poll;
    private final StoreWatch watch;
    /** The section's name as the desk's settings say now: the header's badge and the window's title follow it. */
    private final javafx.beans.property.ReadOnlyStringWrapper sectionName =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "sectionName");
    /** What the sources withdrew of the stories we ran: checked on the beat, re-checked at the sources half-hourly. */
    private final org.wiredesk.desk.publish.WithdrawalAlerts withdrawn;
    private final Timeline recheck;
    /** Re-checks every half hour at the sources, the first a few minutes after the desk opens. */
    static final Duration RECHECK_EVERY = Duration.minutes(30);
    static final Duration FIRST_RECHECK = Duration.minutes(3);
    /** A live change's check waits on the FX thread: further announcements until it runs add nothing. */
    private final java.util.concurrent.atomic.AtomicBoolean checkPending = new java.util.concurrent.atomic.AtomicBoolean();

    /** The member's window preferences (size, place, columns, theme, zoom): a file under the desk's home. */
    private final org.wiredesk.desk.common.MemberPrefs prefs;
    private final WindowPlacement placement;
    /** The member's theme and text zoom. */
    private final org.wiredesk.desk.common.DeskLook look;
    private boolean stopped;

    /** A window that remembers nothing between starts (tests, and a desk whose home cannot be written). */
    public MainWindow(Services services) {
        this(services, org.wiredesk.desk.common.MemberPrefs.inMemory());
    }

    public MainWindow(Services services, org.wiredesk.desk.common.MemberPrefs prefs) {
        this.s = services;
        this.prefs = prefs;
        this.placement = new WindowPlacement(prefs);
        this.look = new org.wiredesk.desk.common.DeskLook(prefs);
        sectionName.set(s.section());
        // a desk chief may rename the section at any time, here or on another workstation
        s.changes().revisionProperty().addListener((obs, old, now) -> s.runner().run(
                () -> new DeskSettings(s.settings()).section(), sectionName::set,
                // an unreachable store is told by the inbox's check on the same beat; the badge keeps its name
                e -> { }));
        inboxVm = new InboxViewModel(s.stories(), s.inbox(), s.desk(), s.ingest(), s.user(), s.runner(), s.changes());
        inboxVm.setSearch(s.search());
        inboxVm.setSettings(s.settings());
        inbox = new InboxView(inboxVm, s.clock(), this::openEditor);
        inbox.preview(new org.wiredesk.desk.inbox.PreviewModel(s.stories(), s.runner()), prefs);
        notices = new org.wiredesk.desk.common.Notices(s.time());
        noticeArea = new NoticeArea(notices);
        follow("Inbox", inboxVm.messageProperty(), inboxVm.problemProperty());
        ApprovalViewModel approvalVm = new ApprovalViewModel(s.stories(), s.desk(), s.user(), s.runner(), s.changes(),
                s.style());
        follow("Approval", approvalVm.messageProperty(), approvalVm.problemProperty());
        approval = new ApprovalView(approvalVm, s.clock());
        publishVm = new PublishViewModel(s.stories(), s.publish(), s.desk(), s.timing(), s.user(), s.site(),
                s.runner(), s.changes());
        publishVm.showSourceWithdrawals(s.withdrawals());
        follow("Publish", publishVm.messageProperty(), publishVm.problemProperty());
        publish = new PublishView(publishVm, s.clock(), this::openPage);
        withdrawn = new org.wiredesk.desk.publish.WithdrawalAlerts(s.withdrawals(), s.stories(), s.user(), s.runner(),
                s.changes(), e -> { }); // an unreachable store is reported by the inbox's check on the same beat
        withdrawn.alertProperty().addListener((obs, old, alert) -> notifyWithdrawn(alert));
        recheck = new Timeline(new KeyFrame(RECHECK_EVERY, e -> withdrawn.recheck()));
        recheck.setCycleCount(Timeline.INDEFINITE);
        sourcesVm = new SourcesViewModel(s.sources(), s.desk().credits(), s.poller(), s.user(), s.runner(), s.changes(),
                s.time());
        sources = new SourcesView(sourcesVm, s.clock());
        // the Sources screen says what it did in its toolbar too (it is another's to change); the status bar says it
        follow("Sources", sourcesVm.messageProperty(), sourcesVm.problemProperty());
        QuarantineViewModel quarantineVm = new QuarantineViewModel(s.quarantine(), s.ingest(), s.user(), s.runner(),
                s.changes());
        follow("Quarantine", quarantineVm.messageProperty(), quarantineVm.problemProperty());
        quarantine = new QuarantineView(quarantineVm, s.clock());
        SettingsViewModel settingsVm = new SettingsViewModel(new DeskSettings(s.settings()), s.settings(), s.user(),
                s.owner(), s.runner(), s.changes());
        follow("Settings", settingsVm.messageProperty(), settingsVm.problemProperty());
        settings = new SettingsView(settingsVm);
        ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> s.clock().tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // other workstations' submissions, approvals and claims; an unreachable store is reported by the inbox's
        // own check on the same beat, so the watch stays quiet about it
        watch = new StoreWatch(s.inbox()::changeMark, s.changes(), s.runner(), e -> { });
        // sources when due, and, while a desk chief is signed in, scheduled stories whose time has come
        poll = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
                    sourcesVm.pollDue();
                    publishVm.publishDue();
                }),
                new KeyFrame(Duration.seconds(10), e -> {
                    inboxVm.checkForNew();
                    watch.check();
                    withdrawn.check();
                }));
        poll.setCycleCount(Timeline.INDEFINITE);

        root.getStyleClass().add("wd-root");
        root.setTop(new javafx.scene.layout.VBox(header(), new DeskMenus(this, inbox, DeskMenus.view(look)).bar()));
        tabs.setId("desk-tabs");
        storyTabs = new StoryTabs(s, tabs, this::follow);
        tabs.getTabs().addAll(fixedTab("Inbox", Icons.INBOX, inbox.node(), "tab-inbox", inbox::showing),
                fixedTab("Approval", Icons.APPROVAL, approval.node(), "tab-approval", approval::showing),
                fixedTab("Publish", Icons.PUBLISH, publish.node(), "tab-publish", publish::showing),
                fixedTab("Sources", Icons.SOURCE, sources.node(), "tab-sources", sources::showing),
                fixedTab("Quarantine", Icons.QUARANTINE, quarantine.node(), "tab-quarantine", quarantine::showing),
                fixedTab("Settings", Icons.SETTINGS, settings.node(), "tab-settings", settings::showing));
        root.setCenter(tabs);
        root.setBottom(statusBar());
        // no message lives in a toolbar: the status bar says what the Sources screen did
        if (sources.node() instanceof BorderPane screen && screen.getTop() instanceof javafx.scene.control.ToolBar bar) {
            bar.getItems().stream().filter(n -> "sources-message".equals(n.getId())).forEach(n -> {
                n.setVisible(false);
                n.setManaged(false);
            });
        }
    }

    public Parent root() {
        return root;
    }

    /**
     * Puts the window on the stage: at the member's remembered size and place (85% of the screen, centred, the
     * first time), with the desk's stylesheet; what it looks like is remembered when it closes, and closing it
     * ends the desk's work on it (claims released, timers stopped).
     */
    public void showIn(javafx.stage.Stage stage) {
        javafx.scene.Scene scene = new javafx.scene.Scene(root);
        scene.getStylesheets().add(org.wiredesk.desk.common.DeskLook.STYLESHEET);
        DeskMenus.guardPlainKeys(scene);
        DeskMenus.zoomKeys(scene, look);
        stage.setScene(scene);
        look.dress(stage);
        placement.place(stage);
        for (Tab tab : tabs.getTabs()) {
            placement.columnsUnder(tab.getContent());
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            placement.remember(stage);
            savePrefs();
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> stop());
        stage.show();
    }

    private void savePrefs() {
        try {
            prefs.save();
        } catch (java.io.UncheckedIOException e) {
            // the window closes all the same; only its size and columns are not remembered
        }
    }

    /** Ends the desk's work in this window, as a clean exit: the File menu's Quit, or closing the window. */
    void quit() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /** Brings the screen with this tab id forward (the Go menu's keys). */
    void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Whether the inbox is the screen in front: its keys act only then. */
    boolean inboxShowing() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && "tab-inbox".equals(selected.getId());
    }

    /**
     * Closes the story tab in front, if one is (Ctrl+W), as its close button does; its claim is released as the tab
     * goes, and the screen it was opened from comes back to the front.
     */
    public void closeStoryTab() {
        storyTabs.closeInFront();
    }

    /** The section's name as the desk's settings say now ("Media Wire"). */
    public javafx.beans.property.ReadOnlyStringProperty sectionNameProperty() {
        return sectionName.getReadOnlyProperty();
    }

    public void start() {
        inbox.activate();
        approval.activate();
        publish.activate();
        sources.activate();
        quarantine.activate();
        settings.activate();
        ticker.play();
        poll.play();
        watch.check(); // the baseline, so the first change another workstation makes is the first one shown
        withdrawn.check();
        if (withdrawn.rechecks()) {
            recheck.playFrom(RECHECK_EVERY.subtract(FIRST_RECHECK)); // the first after FIRST_RECHECK, then every 30 min
        }
        sourcesVm.pollDue();
    }

    /**
     * Another workstation changed the shared desk (announced by the store, from any thread): look for new stories
     * and changes now rather than at the next beat of the poll.
     */
    public void storeChangedElsewhere() {
        if (checkPending.compareAndSet(false, true)) {
            javafx.application.Platform.runLater(() -> {
                checkPending.set(false);
                inboxVm.checkForNew();
                watch.check();
                withdrawn.check();
            });
        }
    }

    /**
     * Stops the window's timers and screens and releases the member's claims on the stories open here, at once and
     * not in the background: a clean exit leaves no claim behind. Safe to call twice.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        look.undress();
        storyTabs.closeAllNow();
        ticker.stop();
        poll.stop();
        recheck.stop();
        inbox.deactivate();
        approval.deactivate();
        publish.deactivate();
        sources.deactivate();
        quarantine.deactivate();
        settings.deactivate();
    }

    /** Opens (or brings forward) the headline editor for a story. */
    public void openEditor(StoryId id) {
        storyTabs.open(id);
    }

    /** Tells a desk chief that a source withdrew a story we ran; clicking it opens the Publish screen. */
    private void notifyWithdrawn(org.wiredesk.desk.publish.WithdrawalAlerts.Alert alert) {
        if (alert == null || root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        org.controlsfx.control.Notifications.create().owner(root.getScene().getWindow())
                .title("The source withdrew a story we ran").text(alert.text())
                .graphic(Icons.WITHDRAWN.node()).hideAfter(Duration.seconds(20))
                .onAction(e -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                        .filter(t -> "tab-publish".equals(t.getId())).findFirst().orElse(null))).show();
    }

    /** The desk's watch on what the sources withdrew (for tests: check now rather than on the beat). */
    public org.wiredesk.desk.publish.WithdrawalAlerts withdrawals() {
        return withdrawn;
    }

    public void showInbox() {
        tabs.getSelectionModel().select(0);
    }

    /**
     * A screen's tab, which tells the screen whether it is in front: a screen behind another catches up with the
     * store's changes when it shows again, rather than laying itself out again on every change nobody sees.
     */
    private static Tab fixedTab(String title, Icons icon, javafx.scene.Node content, String id,
                                java.util.function.Consumer<Boolean> showing) {
        Tab tab = new Tab(title, content);
        showing.accept(tab.isSelected());
        tab.selectedProperty().addListener((obs, old, now) -> showing.accept(now));
        tab.setGraphic(icon.node());
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    private HBox header() {
        Label title = new Label("WireDesk");
        title.getStyleClass().add("wd-title");
        Label section = new Label();
        section.setId("header-section");
        section.textProperty().bind(sectionName);
        section.getStyleClass().add("wd-section");
        String roles = s.user().roles().isEmpty() ? "no roles"
                : String.join(", ", s.user().roles().stream().sorted().map(Role::label).toList());
        Label user = new Label(s.user().displayName() + " — " + roles, Icons.USER.node());
        user.setId("header-user");
        user.getStyleClass().add("wd-user");
        HBox header = new HBox(12, title, section, Controls.grow(), user);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("wd-header");
        return header;
    }

    /**
     * Sends what a screen says to the status bar. A screen says a thing again by clearing its message first, so the
     * same refusal twice is two notices; the problem flag is set before the message, so it is read as it stands.
     */
    private void follow(String where, javafx.beans.value.ObservableValue<String> message,
                        javafx.beans.value.ObservableValue<Boolean> problem) {
        message.addListener((obs, old, text) -> notices.post(Boolean.TRUE.equals(problem.getValue())
                ? org.wiredesk.desk.common.Notices.Severity.PROBLEM : org.wiredesk.desk.common.Notices.Severity.DONE,
                where, text));
    }

    /**
     * Opens a page of the site in the browser, or says why not where the desk reads its messages: nothing published
     * yet, no display, no program to open pages with.
     */
    private void openPage(String url) {
        if (url.startsWith("file:")) {
            Path page = Path.of(java.net.URI.create(url));
            if (!java.nio.file.Files.exists(page)) {
                notices.problem("Publish", "Nothing to open yet: " + page + " does not exist until a story is "
                        + "published");
                return;
            }
        }
        try {
            s.openPage().accept(url);
            notices.done("Publish", "Opened " + url + " in the browser");
        } catch (org.wiredesk.desk.common.Browser.CannotOpen e) {
            notices.problem("Publish", e.getMessage());
        }
    }

    /** The member's theme and text zoom (View menu). */
    public org.wiredesk.desk.common.DeskLook look() {
        return look;
    }

    /** The desk's notification area (for tests: what it said, newest first). */
    public org.wiredesk.desk.common.Notices notices() {
        return notices;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        // the latest message on the left, where the eye goes first; the inbox's counts on the right
        bar.getLeftItems().add(noticeArea.node());
        bar.setText("");
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(javafx.beans.binding.Bindings.when(sourcesVm.pollingProperty())
                .then(javafx.beans.binding.Bindings.concat("Polling sources…  ", inboxVm.countsProperty()))
                .otherwise(inboxVm.countsProperty()));
        bar.getRightItems().add(counts);
        bar.progressProperty().bind(javafx.beans.binding.Bindings.when(sourcesVm.pollingProperty())
                .then(-1.0).otherwise(0.0));
        return bar;
    }
}
