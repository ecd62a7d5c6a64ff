package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.workflow.TimingService;

/**
 * Embargoes and schedules (issue 10, point 6; ADR 17): nothing publishes a story before its embargo, a scheduled
 * story runs when due and not before, and only a desk chief sets either. Embargoes here last two seconds, so the
 * same tests run on PostgreSQL (PostgresEmbargoAndScheduleTest), whose clock is the real one.
 */
class EmbargoAndScheduleTest {
    private static final Duration SHORT = Duration.ofSeconds(2);

    final PublishFixture fx = fixture();

    PublishFixture fixture() {
        return new PublishFixture();
    }

    @TempDir
    Path site;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private TimingService timing() {
        return fx.desk.timing(fx.desk.chief);
    }

    private StoryId approved(String key) {
        return fx.approved(key, "House headline " + key, "<p>The body of " + key + ".</p>",
                "https://agency.example/" + key);
    }

    private Instant soon() {
        return fx.desk.clock.instant().plus(SHORT);
    }

    /** Moves the desk's clock past {@code until}, and waits for the real one too (the database holds to it). */
    private void pass(Instant until) throws InterruptedException {
        fx.desk.clock.advance(Duration.between(fx.desk.clock.instant(), until).plusMillis(500));
        while (System.currentTimeMillis() <= until.toEpochMilli() + 50) {
            Thread.sleep(50);
        }
    }

    @Test
    void anEmbargoedStoryIsNotPublishedByAnyPathUntilItLifts() throws Exception {
        StoryId id = approved("g-1");
        Instant until = soon();
        timing().embargo(fx.desk.chief, id, until, "Sperrfrist of the agency");

        assertThatThrownBy(() -> fx.publish.publish(fx.desk.chief, id, site))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is under embargo until")
                .hasMessageContaining("nothing publishes it earlier");
        PublishService.Run all = fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(all.published()).isEmpty();
        assertThat(all.held()).isEmpty();
        assertThat(all.skipped()).isEmpty();
        assertThat(all.waiting()).singleElement().satisfies(s -> assertThat(s.reason()).contains("under embargo"));
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.APPROVED);
        assertThat(fx.desk.workflow.publications(id)).isEmpty();

        pass(until);
        PublishService.Result result = fx.publish.publish(fx.desk.chief, id, site);
        assertThat(result.page()).exists();
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void aWorkstationClockAheadOfTheDatabasesPutsNoEmbargoedPageOnTheSiteEvenForAMoment() throws Exception {
        StoryId id = approved("g-9");
        Instant until = Instant.ofEpochMilli(System.currentTimeMillis() + 120_000);
        timing().embargo(fx.desk.chief, id, until, "Sperrfrist");
        // this workstation's clock is past the embargo, the database's is not (PostgreSQL allows five minutes)
        fx.desk.clock.advance(Duration.between(fx.desk.clock.instant(), until).plusSeconds(60));
        String page = PageRenderer.slugPath(id, new Headline("House headline g-9"));
        Path folder = Files.createDirectories(site.resolve(page).getParent());
        List<String> seen = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);
            assertThat(run.published()).isEmpty();
            assertThat(run.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                    .contains("an embargoed story is not published before its embargo lifts"));
            for (WatchKey key = watch.poll(1, TimeUnit.SECONDS); key != null; key = watch.poll(1, TimeUnit.SECONDS)) {
                key.pollEvents().forEach(e -> seen.add(String.valueOf(e.context())));
                key.reset();
            }
        }
        assertThat(seen).as("files that appeared beside the page").noneMatch(name -> !name.startsWith(".wd-"));
        assertThat(site.resolve(page)).doesNotExist();
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void aLiftedEmbargoLetsTheStoryRunAtOnce() {
        StoryId id = approved("g-2");
        timing().embargo(fx.desk.chief, id, fx.desk.clock.instant().plus(Duration.ofHours(6)), null);
        timing().liftEmbargo(fx.desk.chief, id, "The agency lifted it early");
        assertThat(timing().timing(id).embargo()).isEmpty();
        fx.publish.publish(fx.desk.chief, id, site);
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(timing().history(id)).extracting(TimingRepository.Change::reason)
                .containsExactly(null, "The agency lifted it early");
    }

    @Test
    void aScheduledStoryRunsWhenDueAndNotBefore() throws Exception {
        StoryId later = approved("g-3");
        StoryId now = approved("g-4");
        Instant at = soon();
        timing().schedule(fx.desk.chief, later, at);
        assertThat(timing().timing(later).schedule()).contains(at);

        // nothing due: nothing is written, not even the site
        assertThat(fx.publish.publishDue(fx.desk.chief, site).published()).isEmpty();
        assertThat(site.resolve("index.html")).doesNotExist();
        // "publish all" leaves the scheduled story for its time
        PublishService.Run all = fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(all.published()).extracting(PublishService.Result::id).containsExactly(now);
        assertThat(all.waiting()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(later);
            assertThat(s.reason()).contains("is scheduled for");
        });

        pass(at);
        PublishService.Run due = fx.publish.publishDue(fx.desk.chief, site);
        assertThat(due.published()).extracting(PublishService.Result::id).containsExactly(later);
        assertThat(fx.desk.desk.story(later).status()).isEqualTo(Status.PUBLISHED);
        assertThat(Files.readString(site.resolve("index.html"))).contains("House headline g-3");
        // once run, it is not due again
        assertThat(fx.publish.publishDue(fx.desk.chief, site).published()).isEmpty();
    }

    @Test
    void aScheduleIsNoEarlierThanTheEmbargoAndANewApprovalNeedsANewSchedule() {
        StoryId id = approved("g-5");
        Instant start = fx.desk.clock.instant();
        timing().embargo(fx.desk.chief, id, start.plus(Duration.ofHours(2)), null);
        assertThatThrownBy(() -> timing().schedule(fx.desk.chief, id, start.plus(Duration.ofHours(1))))
                .hasMessageContaining("is under embargo until").hasMessageContaining("schedule it for then or later");
        timing().schedule(fx.desk.chief, id, start.plus(Duration.ofHours(3)));
        assertThat(timing().timing(id)).isEqualTo(new Timing(start.plus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(3))));
        // nor is the embargo moved past the schedule, which would then say a time the story cannot run at
        assertThatThrownBy(() -> timing().embargo(fx.desk.chief, id, start.plus(Duration.ofHours(4)), null))
                .hasMessageContaining("before this embargo: move or cancel the schedule first");

        // held, sent back, resubmitted and approved again: the old schedule belonged to the old approval
        fx.desk.desk(fx.desk.chief).hold(fx.desk.chief, id, "Check the figures");
        fx.desk.desk(fx.desk.chief).sendBack(fx.desk.chief, id, "Check the figures");
        fx.approve(id, "House headline again");
        assertThat(timing().timing(id).schedule()).isEmpty();
        assertThat(timing().timing(id).embargo()).contains(start.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> timing().unschedule(fx.desk.chief, id)).hasMessageContaining("is not scheduled");
    }

    @Test
    void onlyADeskChiefSetsThemAndOnlyWhereTheyMeanSomething() {
        StoryId id = approved("g-6");
        Instant later = fx.desk.clock.instant().plus(Duration.ofHours(1));
        TimingService copy = fx.desk.timing(fx.desk.copy);
        assertThatThrownBy(() -> copy.embargo(fx.desk.copy, id, later, null))
                .hasMessageContaining("may not embargo a story");
        assertThatThrownBy(() -> copy.schedule(fx.desk.copy, id, later))
                .hasMessageContaining("may not schedule a story");
        assertThatThrownBy(() -> timing().embargo(fx.desk.chief, id, fx.desk.clock.instant().minusSeconds(60), null))
                .hasMessageContaining("has passed");
        assertThatThrownBy(() -> timing().schedule(fx.desk.chief, id, fx.desk.clock.instant().minusSeconds(60)))
                .hasMessageContaining("Publish the story now instead");
        assertThatThrownBy(() -> timing().liftEmbargo(fx.desk.chief, id, null))
                .hasMessageContaining("is not under embargo");
        assertThatThrownBy(() -> timing().unschedule(fx.desk.chief, id)).hasMessageContaining("is not scheduled");

        StoryId submitted = fx.story("g-7", "Agency: not yet approved", "<p>Body.</p>", "https://agency.example/g-7");
        assertThatThrownBy(() -> timing().schedule(fx.desk.chief, submitted, later))
                .hasMessageContaining("Only an approved story is scheduled");
        fx.publish.publish(fx.desk.chief, id, site);
        assertThatThrownBy(() -> timing().embargo(fx.desk.chief, id, later, null))
                .hasMessageContaining("has already run");
        assertThat(timing().current()).isEmpty();
    }

    @Test
    void anEmbargoTheSourceStatesArrivesWithTheStoryAndIsHistory() {
        // the database holds a stated embargo to its own clock: it must be to come
        Instant until = Instant.now().plus(Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        StoryId id = fx.desk.as(fx.desk.editor).stories().insertIfNew(new NewStory("g-8", "Agency",
                URI.create("https://agency.example/g-8"), new Headline("Results at noon"),
                new Body("<p>Results.</p>", Fingerprint.ofText("Results.")), null, "en", OffsetDateTime.parse("2026-11-26T10:15:00Z"),
                fx.desk.clock.instant(), 0, until), "ed").orElseThrow();

        assertThat(timing().timing(id).embargo()).contains(until);
        assertThat(timing().history(id)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Timing.Kind.EMBARGO);
            assertThat(c.actor()).isEqualTo("ed");
            assertThat(c.reason()).isEqualTo("embargo stated by Agency");
        });
        HistoryAudit.Report audit = new HistoryAudit(fx.desk.database).run();
        assertThat(audit.breaks()).isEmpty();
        assertThat(audit.rows()).containsEntry("story_timing", 1);
    }
}
