package org.wiredesk.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.InboxQuery;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.workflow.DeskFixture;

/**
 * The paged inbox on a real store, with small pages and chunks so that a few dozen stories cross many of them:
 * every story is reached, in order, with only a few rows kept; filters, orders and groups hold across chunks; and
 * a change in the store is applied in place.
 */
class PagedInboxTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private DeskFixture fx = new DeskFixture();
    private final List<Throwable> failures = new ArrayList<>();

    @AfterEach
    void tearDown() {
        fx.close();
        assertThat(failures).isEmpty();
    }

    /** 30 stories; two in five share their received time with the one before (ties go by id). */
    private void thirtyStories() {
        for (int i = 1; i <= 30; i++) {
            int minute = i - (i % 5 == 4 ? 1 : 0);
            String headline = (i % 3 == 0 ? "Port news " : "Story ") + i;
            OffsetDateTime atSource = i % 7 == 0 ? null
                    : T0.minusSeconds(3_600L * ((i * 11) % 17)).atOffset(ZoneOffset.ofHours(i % 4 - 1));
            String body = "Body of " + headline + ".";
            fx.stories.insertIfNew(new NewStory("k" + i, i % 2 == 0 ? "AFP" : "Reuters",
                    java.net.URI.create("https://agency.example/" + i), new Headline(headline),
                    new Body("<p>" + body + "</p>", Fingerprint.ofText(body)), null, "en", atSource,
                    T0.plusSeconds(60L * minute)), "test").orElseThrow();
        }
    }

    private record Paged(PagedRows rows, InboxLoader loader, List<Integer> fetched) {
    }

    private Paged paged(InboxRepository repo) {
        List<Integer> fetched = new ArrayList<>();
        PagedRows rows = new PagedRows(new DirectTaskRunner(), ids -> {
            fetched.add(ids.size());
            return repo.rows(ids, "solo");
        }, failures::add, 4, 10);
        InboxLoader loader = new InboxLoader(repo, new DirectTaskRunner(), rows, failures::add, r -> { }, 4, 7);
        return new Paged(rows, loader, fetched);
    }

    private static InboxLoader.Plan plan(InboxQuery q, InboxLoader.Order order) {
        return new InboxLoader.Plan(q, order, false, 0);
    }

    /** What the store holds, ordered as the inbox should list it, read without paging. */
    private List<StorySummary> expected(InboxRepository repo, Comparator<StorySummary> order) {
        return repo.inbox(Set.of(), 1_000, "solo").stream().sorted(order).toList();
    }

    private static final Comparator<StorySummary> NEWEST = Comparator.comparing(StorySummary::received)
            .thenComparing(s -> s.id().value()).reversed();

    private static List<Long> ids(List<StorySummary> rows) {
        return rows.stream().map(s -> s.id().value()).toList();
    }

    private static List<Long> listed(PagedRows rows) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).id().value());
        }
        return out;
    }

    @Test
    void everyStoryIsReachedNewestFirstAcrossChunksWithOnlyAFewRowsKept() {
        thirtyStories();
        InboxRepository repo = new InboxRepository(fx.database);
        Paged p = paged(repo);
        p.loader().load(plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.NEWEST_FIRST), top -> { });
        assertThat(p.loader().complete()).isTrue();
        assertThat(p.rows()).hasSize(30);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < p.rows().size(); i++) {
            seen.add(p.rows().get(i).id().value());
            assertThat(p.rows().present()).hasSizeLessThanOrEqualTo(10);
        }
        assertThat(seen).isEqualTo(ids(expected(repo, NEWEST)));
        assertThat(p.fetched()).allMatch(n -> n <= 4);
        assertThat(p.rows().get(29).received()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void oldestFirstAndTheSourcesTimeOrderEveryStory() {
        thirtyStories();
        InboxRepository repo = new InboxRepository(fx.database);
        Paged p = paged(repo);
        p.loader().load(plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.OLDEST_FIRST), top -> { });
        assertThat(listed(p.rows())).isEqualTo(ids(expected(repo, NEWEST.reversed())));

        p.loader().load(plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.AT_SOURCE_NEWEST_FIRST), top -> { });
        List<StorySummary> bySource = new ArrayList<>();
        for (int i = 0; i < p.rows().size(); i++) {
            bySource.add(p.rows().get(i));
        }
        assertThat(bySource).hasSize(30);
        List<Instant> known = bySource.stream().map(StorySummary::publishedAtSource).takeWhile(t -> t != null).toList();
        assertThat(known).hasSize(26).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(bySource.subList(26, 30)).allMatch(s -> s.publishedAtSource() == null);
    }

    @Test
    void wordsAndNarrowingHoldForEveryStoryNotOnlyTheFirstPage() {
        thirtyStories();
        InboxRepository repo = new InboxRepository(fx.database);
        Paged p = paged(repo);
        InboxQuery q = new InboxQuery(Set.of(), "solo", "PORT", "AFP", false, 0, "EN");
        p.loader().load(plan(q, InboxLoader.Order.NEWEST_FIRST), top -> { });
        List<StorySummary> want = expected(repo, NEWEST).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port") && s.sourceName().equals("AFP")).toList();
        assertThat(want).hasSize(5); // 6, 12, 18, 24, 30
        assertThat(listed(p.rows())).isEqualTo(ids(want));
    }

    @Test
    void groupingKeepsEachEventsNewestReportAcrossChunks() throws Exception {
        thirtyStories();
        InboxRepository repo = new InboxRepository(fx.database);
        List<StorySummary> all = expected(repo, NEWEST);
        long event = all.get(29).id().value(); // the oldest story's event: the oldest, the newest and a middle one
        List<Long> members = List.of(all.get(29).id().value(), all.get(15).id().value(), all.get(0).id().value());
        try (java.sql.Connection c = fx.database.connect();
             var ps = c.prepareStatement("UPDATE story SET cluster_id = ? WHERE id = ?")) {
            for (long id : members) {
                ps.setLong(1, event);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        Paged p = paged(repo);
        p.loader().load(new InboxLoader.Plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.NEWEST_FIRST, true, 0),
                top -> { });
        assertThat(p.rows()).hasSize(28);
        assertThat(listed(p.rows())).contains(all.get(0).id().value())
                .doesNotContain(all.get(15).id().value(), all.get(29).id().value());
        p.loader().load(new InboxLoader.Plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.NEWEST_FIRST, true,
                event), top -> { });
        assertThat(listed(p.rows())).containsExactly(members.get(2), members.get(1), members.get(0));
    }

    /** Thirty stories in an active inbox that follows these changes. */
    private InboxViewModel thirtyInInbox(StoreChanges changes) {
        thirtyStories();
        InboxViewModel vm = new InboxViewModel(fx.as(fx.everyone).stories(),
                new InboxRepository(fx.as(fx.everyone).database()), fx.desk(fx.everyone), fx.ingest(fx.everyone),
                fx.everyone, new DirectTaskRunner(), changes);
        vm.activate();
        return vm;
    }

    @Test
    void aNewStoryAndASpikeElsewhereAreAppliedInPlaceWithoutAReload() {
        StoreChanges changes = new StoreChanges();
        InboxViewModel vm = thirtyInInbox(changes);
        assertThat(vm.rows()).hasSize(30);
        List<String> events = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<StorySummary>) c -> {
            while (c.next()) {
                events.add((c.wasAdded() ? "+" + c.getAddedSize() : "") + (c.wasRemoved() ? "-" + c.getRemovedSize()
                        : "") + "@" + c.getFrom());
            }
        });
        String body = "Body of the newcomer.";
        StoryId newcomer = fx.stories.insertIfNew(new NewStory("new", "AFP", java.net.URI.create("https://a.example/n"),
                new Headline("Newcomer"), new Body("<p>" + body + "</p>", Fingerprint.ofText(body)), null, "en", null,
                T0.plusSeconds(3_600)), "test").orElseThrow();
        vm.checkForNew();
        assertThat(events).containsExactly("+1@0");
        assertThat(vm.rows().get(0).id()).isEqualTo(newcomer);

        StorySummary fifth = vm.rows().get(4);
        events.clear();
        fx.desk(fx.editor).spike(fx.editor, fifth.id()); // another workstation's spike
        changes.changed();
        assertThat(events).containsExactly("-1@4");
        assertThat(vm.rows()).hasSize(30).doesNotContain(fifth);
        assertThat(vm.countsProperty().get()).contains("1 spiked");
    }

    @Test
    void aClaimElsewhereRedrawsOnlyItsOwnRowAndAChangeThatAltersNothingShownRedrawsNothing() {
        StoreChanges changes = new StoreChanges();
        InboxViewModel vm = thirtyInInbox(changes);
        List<String> events = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<StorySummary>) c -> {
            while (c.next()) {
                events.add((c.wasReplaced() ? "=" : c.wasAdded() ? "+" : "-") + "@" + c.getFrom());
            }
        });
        long[] marks = {vm.marksVersionProperty().get()};
        StorySummary third = vm.rows().get(2);
        fx.desk(fx.copy).claim(fx.copy, third.id()); // another workstation's claim
        changes.changed();
        assertThat(events).containsExactly("=@2");
        assertThat(vm.rows().get(2).claimedBy()).isEqualTo("cora");
        assertThat(vm.marksVersionProperty().get()).as("no mark changed: the other rows are not drawn again")
                .isEqualTo(marks[0]);

        events.clear();
        changes.changed();
        assertThat(events).as("the same state again tells the table nothing").isEmpty();
    }

    @Test
    void theSameListingOnPostgresql() {
        fx.close();
        fx = DeskFixture.onPostgres(false);
        thirtyStories();
        InboxRepository repo = new InboxRepository(fx.database);
        Paged p = paged(repo);
        InboxQuery q = new InboxQuery(Set.of(Status.NEW), "solo", "port", null, false, 0, "en");
        p.loader().load(plan(q, InboxLoader.Order.NEWEST_FIRST), top -> { });
        assertThat(listed(p.rows())).isEqualTo(ids(expected(repo, NEWEST).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port")).toList())).hasSize(10);
        p.loader().load(plan(InboxQuery.of(Set.of(), "solo"), InboxLoader.Order.NEWEST_FIRST), top -> { });
        assertThat(listed(p.rows())).isEqualTo(ids(expected(repo, NEWEST)));
    }
}
