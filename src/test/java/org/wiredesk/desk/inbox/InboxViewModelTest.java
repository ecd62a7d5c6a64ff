package org.wiredesk.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;
import org.wiredesk.workflow.DeskFixture;

/** The inbox as a plain object: no toolkit, a direct task runner, a real store. */
class InboxViewModelTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoreChanges changes = new StoreChanges();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private InboxViewModel inbox(TaskRunner runner) {
        fx.story("a", "First", "Body one.");
        fx.story("b", "Second", "Body two.");
        InboxViewModel vm = new InboxViewModel(fx.as(fx.everyone).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.everyone).database()), fx.desk(fx.everyone), fx.ingest(fx.everyone), fx.everyone, runner, changes);
        vm.activate();
        return vm;
    }

    @Test
    void showsActiveStoriesWithCountsByStatus() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        assertThat(vm.rows()).extracting(s -> s.agencyHeadline().text()).containsExactlyInAnyOrder("First", "Second");
        assertThat(vm.countsProperty().get()).isEqualTo("2 new");
    }

    @Test
    void spikingMovesStoriesToTheSpikedViewAndUnspikingBringsThemBack() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        StorySummary first = vm.rows().stream().filter(r -> r.agencyHeadline().text().equals("First")).findFirst()
                .orElseThrow();
        vm.actions().spike(List.of(first));
        assertThat(vm.rows()).extracting(s -> s.agencyHeadline().text()).containsExactly("Second");
        assertThat(vm.messageProperty().get()).isEqualTo("Spiked 1 story (Ctrl+Z to undo)");
        assertThat(vm.countsProperty().get()).contains("1 spiked");

        vm.viewProperty().set(InboxViewModel.View.SPIKED);
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Status.SPIKED));
        vm.actions().unspike(List.copyOf(vm.rows()));
        assertThat(vm.rows()).isEmpty();
        vm.viewProperty().set(InboxViewModel.View.ACTIVE);
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void aMemberWithoutTheRoleIsToldWhyNothingHappened() {
        fx.story("a", "First", "Body one.");
        InboxViewModel vm = new InboxViewModel(fx.as(fx.copy).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.copy).database()), fx.desk(fx.copy), fx.ingest(fx.copy), fx.copy, new DirectTaskRunner(), changes);
        vm.activate();
        assertThat(vm.actions().canSpike(vm.rows().get(0))).isFalse();
        vm.actions().spike(List.copyOf(vm.rows()));
        assertThat(vm.messageProperty().get()).contains("needs the editor role");
        assertThat(vm.rows()).hasSize(1);
    }

    /** Holds work until released, so results can come back out of order. */
    private static final class HeldRunner implements TaskRunner {
        final java.util.List<Runnable> held = new java.util.ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> new DirectTaskRunner().run(work, onSuccess, onFailure));
        }
    }

    @Test
    void aGlanceWhileHiddenDoesNotDropTheFirstLoadsSourcesAndLanguages() {
        HeldRunner runner = new HeldRunner();
        InboxViewModel vm = inbox(runner);
        runner.held.get(0).run();                     // the first page: the inbox is loaded
        vm.showing(false);                            // an editor opens in front of it
        changes.changed();                            // and the store changes: a glance
        for (int i = 1; i < runner.held.size(); i++) {
            runner.held.get(i).run();
        }
        assertThat(vm.sources()).as("the narrowing's sources").isNotEmpty();
        assertThat(vm.countsProperty().get()).isEqualTo("2 new");
    }

    @Test
    void aStaleReloadNeverOverwritesANewerOne() {
        HeldRunner runner = new HeldRunner();
        InboxViewModel vm = inbox(runner);            // reload #1 (active view) held
        vm.viewProperty().set(InboxViewModel.View.SPIKED); // reload #2 (spiked view, empty) held
        assertThat(runner.held).hasSize(4);           // each: its first page, then counts and choices
        runner.held.get(2).run();                     // the newer results arrive first
        runner.held.get(3).run();
        runner.held.get(0).run();                     // then the stale ones
        runner.held.get(1).run();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countsProperty().get()).isEqualTo("2 new");
    }

    @Test
    void aPastedTextThatIsNotAnAddressIsRefusedWithAHint() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.actions().ingestAddress("not a url");
        assertThat(vm.messageProperty().get()).contains("http(s) address");
    }

    private StorySummary row(InboxViewModel vm, String headline) {
        return vm.rows().stream().filter(r -> r.agencyHeadline().text().equals(headline)).findFirst().orElseThrow();
    }

    @Test
    void typingFiltersByHeadlineAndSourceAndClearingShowsAllAgain() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.filterProperty().set("sec");
        assertThat(vm.rows()).extracting(s -> s.agencyHeadline().text()).containsExactly("Second");
        vm.filterProperty().set("TEST AGENCY");
        assertThat(vm.rows()).hasSize(2);
        vm.filterProperty().set("nothing like this");
        assertThat(vm.rows()).isEmpty();
        vm.filterProperty().set("");
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void aSpikeCanBeUndone() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.actions().spike(List.of(row(vm, "First"), row(vm, "Second")));
        assertThat(vm.rows()).isEmpty();
        vm.actions().undoSpike();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.messageProperty().get()).isEqualTo("Restored 2 stories");
        vm.actions().undoSpike();
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing to undo");
    }

    @Test
    void priorityAndReadMarksToggleForTheSelection() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.actions().togglePriority(List.of(row(vm, "First")));
        assertThat(row(vm, "First").priority()).isTrue();
        vm.actions().togglePriority(List.of(row(vm, "First")));
        assertThat(row(vm, "First").priority()).isFalse();
        vm.actions().toggleRead(List.of(row(vm, "First"), row(vm, "Second")));
        assertThat(vm.rows()).allMatch(StorySummary::read);
        vm.actions().toggleRead(List.of(row(vm, "Second")));
        assertThat(row(vm, "Second").read()).isFalse();
        assertThat(row(vm, "First").read()).as("read marks are each member's own").isTrue();
    }

    @Test
    void newStoriesAppearWithoutARefreshAndAnUrgentOneIsAnnounced() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.checkForNew();
        assertThat(vm.urgentProperty().get()).isNull();
        fx.story("c", "Urgent: quake strikes off the coast", "Body three.");
        vm.checkForNew();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.urgentProperty().get()).isNotNull()
                .satisfies(u -> assertThat(u.agencyHeadline().text()).startsWith("Urgent"));
    }

    @Test
    void behindAnotherScreenTheInboxKeepsItsCountsAndUrgentNoticeLiveAndCatchesUpWithItsRowsWhenShown() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.showing(false);
        fx.story("c", "Urgent: quake strikes off the coast", "Body three.");
        changes.changed();
        assertThat(vm.rows()).as("rows wait while the inbox is hidden").hasSize(2);
        assertThat(vm.countsProperty().get()).as("the status bar's counts do not").isEqualTo("3 new");
        assertThat(vm.urgentProperty().get()).as("nor does the urgent notice").isNotNull()
                .satisfies(u -> assertThat(u.agencyHeadline().text()).startsWith("Urgent"));

        fx.desk(fx.copy).claim(fx.copy, row(vm, "First").id());
        changes.changed();
        vm.checkForNew();
        assertThat(row(vm, "First").claimedBy()).isNull();

        vm.showing(true);
        assertThat(vm.rows()).extracting(s -> s.agencyHeadline().text())
                .containsExactlyInAnyOrder("Urgent: quake strikes off the coast", "Second", "First");
        assertThat(row(vm, "First").claimedBy()).isEqualTo("cora");
    }

    @Test
    void anUrgentStoryAnnouncedWhileTheInboxWasHiddenIsNotAnnouncedAgainWhenItShows() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        vm.showing(false);
        fx.story("c", "Urgent: quake strikes off the coast", "Body three.");
        vm.checkForNew();
        StorySummary told = vm.urgentProperty().get();
        assertThat(told).isNotNull();
        java.util.List<StorySummary> announced = new java.util.ArrayList<>();
        vm.urgentProperty().addListener((obs, old, now) -> announced.add(now));
        vm.showing(true);
        assertThat(vm.rows()).hasSize(3);
        fx.story("d", "Breaking: a second quake", "Body four.");
        vm.checkForNew();
        assertThat(announced).extracting(u -> u.agencyHeadline().text()).containsExactly("Breaking: a second quake");
    }

    @Test
    void whoIsEditingAStoryAndSinceWhenShowsInTheInbox() {
        InboxViewModel vm = inbox(new DirectTaskRunner());
        fx.desk(fx.copy).claim(fx.copy, row(vm, "First").id());
        vm.reload();
        assertThat(row(vm, "First").claimedBy()).isEqualTo("cora");
        assertThat(row(vm, "First").claimedSince()).isEqualTo(fx.clock.instant());
        assertThat(row(vm, "Second").claimedBy()).isNull();
        assertThat(row(vm, "Second").claimedSince()).isNull();
    }

    private void storyAt(String key, String headline, String source, String language, java.time.Duration ago) {
        String body = "Body of " + headline + ".";
        fx.stories.insertIfNew(new org.wiredesk.story.NewStory(key, source,
                java.net.URI.create("https://agency.example/" + key), new org.wiredesk.story.Headline(headline),
                new org.wiredesk.story.Body("<p>" + body + "</p>", org.wiredesk.story.Fingerprint.ofText(body)), null,
                language, null, java.time.Instant.now().minus(ago)), "test");
    }

    @Test
    void theInboxNarrowsBySourcePriorityTimeWindowAndLanguage() {
        storyAt("n1", "Fresh from Reuters", "Reuters", "en-GB", java.time.Duration.ofMinutes(20));
        storyAt("n2", "Older from AFP", "AFP", "fr", java.time.Duration.ofHours(30));
        storyAt("n3", "Today from AFP", "AFP", "fr-FR", java.time.Duration.ofHours(3));
        InboxViewModel vm = new InboxViewModel(fx.as(fx.everyone).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.everyone).database()),
                fx.desk(fx.everyone), fx.ingest(fx.everyone), fx.everyone, new DirectTaskRunner(), changes);
        vm.activate();
        assertThat(vm.sources()).containsExactly("AFP", "Reuters");
        assertThat(vm.languages()).containsExactly("en", "fr");

        vm.narrowProperty().set(new InboxFilter("AFP", false, InboxFilter.Window.ANY, null));
        assertThat(vm.rows()).extracting(r -> r.agencyHeadline().text())
                .containsExactlyInAnyOrder("Older from AFP", "Today from AFP");
        vm.narrowProperty().set(new InboxFilter("AFP", false, InboxFilter.Window.DAY, null));
        assertThat(vm.rows()).extracting(r -> r.agencyHeadline().text()).containsExactly("Today from AFP");
        vm.narrowProperty().set(new InboxFilter(null, false, InboxFilter.Window.HOUR, "en"));
        assertThat(vm.rows()).extracting(r -> r.agencyHeadline().text()).containsExactly("Fresh from Reuters");

        vm.narrowProperty().set(InboxFilter.NONE);
        vm.actions().togglePriority(List.of(row(vm, "Older from AFP")));
        vm.narrowProperty().set(new InboxFilter(null, true, InboxFilter.Window.ANY, null));
        assertThat(vm.rows()).extracting(r -> r.agencyHeadline().text()).containsExactly("Older from AFP");
        vm.filterProperty().set("reuters");
        assertThat(vm.rows()).as("words and narrowing together").isEmpty();
    }

    @Test
    void aSavedViewIsKeptForTheDeskAndBringsBackItsNarrowing() {
        storyAt("n1", "Fresh from Reuters", "Reuters", "en", java.time.Duration.ofMinutes(20));
        storyAt("n2", "Today from AFP", "AFP", "fr", java.time.Duration.ofHours(3));
        var settings = new org.wiredesk.store.SettingsRepository(fx.database);
        InboxViewModel vm = new InboxViewModel(fx.as(fx.everyone).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.everyone).database()),
                fx.desk(fx.everyone), fx.ingest(fx.everyone), fx.everyone, new DirectTaskRunner(), changes);
        vm.setSettings(settings);
        vm.activate();
        vm.narrowProperty().set(new InboxFilter("AFP", false, InboxFilter.Window.DAY, "fr"));
        vm.filterProperty().set("today");
        vm.saveView("French wire today");

        InboxViewModel other = new InboxViewModel(fx.as(fx.copy).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.copy).database()),
                fx.desk(fx.copy), fx.ingest(fx.copy), fx.copy, new DirectTaskRunner(), changes);
        other.setSettings(settings);
        other.activate();
        assertThat(other.rows()).hasSize(2);
        assertThat(other.savedViews()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("French wire today"));
        other.apply(other.savedViews().get(0));
        assertThat(other.rows()).extracting(r -> r.agencyHeadline().text()).containsExactly("Today from AFP");
        assertThat(other.narrowProperty().get().source()).isEqualTo("AFP");
    }

    @Test
    void reportsOfOneEventShowAsOneGroupMarkedWhenOneWasPublished() {
        storyAt("e1", "Quake strikes coast, agency one", "Agency One", "en", java.time.Duration.ofMinutes(30));
        storyAt("e2", "Quake hits coastal towns, agency two", "Agency Two", "en", java.time.Duration.ofMinutes(20));
        storyAt("x1", "Museum returns statues", "Agency One", "en", java.time.Duration.ofMinutes(10));
        var grouping = new org.wiredesk.store.GroupingRepository(fx.database);
        List<org.wiredesk.story.Story> all = fx.stories.findAll(java.util.Set.of());
        org.wiredesk.story.Story first = all.stream().filter(s -> s.agencyHeadline().text().contains("agency one"))
                .findFirst().orElseThrow();
        org.wiredesk.story.Story second = all.stream().filter(s -> s.agencyHeadline().text().contains("agency two"))
                .findFirst().orElseThrow();
        grouping.saveCluster(first.id(), first.id());
        grouping.saveCluster(second.id(), first.id());
        fx.desk(fx.copy).submit(fx.copy, first.id(), "Quake strikes coast", null);
        fx.desk(fx.chief).approve(fx.chief, first.id());
        fx.publish(fx.chief).publish(fx.chief, first.id(), java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "wiredesk-group-test-" + java.util.UUID.randomUUID()));

        InboxViewModel vm = new InboxViewModel(fx.as(fx.everyone).stories(), new org.wiredesk.store.InboxRepository(fx.as(fx.everyone).database()),
                fx.desk(fx.everyone), fx.ingest(fx.everyone), fx.everyone, new DirectTaskRunner(), changes);
        vm.viewProperty().set(InboxViewModel.View.ALL);
        vm.activate();
        assertThat(vm.rows()).hasSize(3);
        vm.groupedProperty().set(true);
        assertThat(vm.rows()).hasSize(2);
        StorySummary event = vm.rows().stream().filter(r -> r.agencyHeadline().text().startsWith("Quake"))
                .findFirst().orElseThrow();
        assertThat(event.agencyHeadline().text()).as("the newest report leads").contains("agency two");
        assertThat(vm.groupMark(event)).isEqualTo("2 reports · one published");
        assertThat(vm.groupMark(row(vm, "Museum returns statues"))).isEmpty();

        vm.toggleGroup(event);
        assertThat(vm.rows()).extracting(r -> r.agencyHeadline().text())
                .containsExactlyInAnyOrder("Quake strikes coast, agency one", "Quake hits coastal towns, agency two");
        vm.toggleGroup(event);
        assertThat(vm.rows()).hasSize(2);
    }
}
