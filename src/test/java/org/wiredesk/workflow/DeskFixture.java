package org.wiredesk.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.ingest.MutableClock;
import org.wiredesk.ingest.StoryGrouper;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.story.User;
import org.wiredesk.store.Database;
import org.wiredesk.store.EditingRepository;
import org.wiredesk.store.GroupingRepository;
import org.wiredesk.store.PolicyRepository;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.SettingsRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.ThreadRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.store.TestDesk;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.RulesFile;

/**
 * A real secured desk in memory with one member per role, and the services as each member signs in: every step a
 * test takes as a member runs under the database's own rules for that member. The plain fields are the owner's.
 */
public final class DeskFixture implements AutoCloseable {
    /** The sample media-wire rules, as a desk without rules of its own has them. */
    public static final HouseStyle HOUSE_STYLE = RulesFile.parse(RulesFile.sampleText());
    public final TestDesk testDesk;
    public final Database database;
    public final StoryRepository stories;
    public final WorkflowRepository workflow;
    public final MutableClock clock;
    public final DeskService desk;
    public final DeskSettings settings;
    public final PublishService publish;
    public final QuarantineRepository quarantine;
    public final IngestService ingest;
    public final User editor = new User("ed", "Ed Itor", Set.of(Role.EDITOR));
    public final User copy = new User("cora", "Cora Copy", Set.of(Role.COPY_EDITOR));
    public final User chief = new User("dee", "Dee Chief", Set.of(Role.DESK_CHIEF));
    public final User chief2 = new User("dan", "Dan Chief", Set.of(Role.DESK_CHIEF));
    public final User everyone = new User("solo", "Solo", EnumSet.allOf(Role.class));
    private final Map<String, Services> byMember = new HashMap<>();

    /** Services over one member's sign-in. */
    public record Services(Database database, StoryRepository stories, WorkflowRepository workflow, DeskService desk,
                           PublishService publish, IngestService ingest, TimingService timing) {
    }

    /** A four-eyes desk. */
    public DeskFixture() {
        this(false);
    }

    public DeskFixture(boolean onePersonDesk) {
        this(TestDesk.inMemory(onePersonDesk), Instant.parse("2026-11-26T12:00:00Z"));
    }

    /**
     * The same desk on the test PostgreSQL. Its clock starts now: the server stamps history with its own clock and
     * takes a publication's (signed) time only within minutes of it.
     */
    public static DeskFixture onPostgres(boolean onePersonDesk) {
        return new DeskFixture(TestDesk.onPostgres(onePersonDesk), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private DeskFixture(TestDesk created, Instant start) {
        clock = new MutableClock(start);
        testDesk = created;
        for (User u : new User[] {editor, copy, chief, chief2, everyone}) {
            testDesk.add(u);
        }
        Services owner = services(testDesk.owner());
        database = owner.database();
        stories = owner.stories();
        workflow = owner.workflow();
        desk = owner.desk();
        publish = owner.publish();
        ingest = owner.ingest();
        settings = new DeskSettings(new SettingsRepository(database));
        quarantine = new QuarantineRepository(database);
    }

    /** The services as this member signs in. */
    public Services as(User user) {
        return byMember.computeIfAbsent(user.username(), name -> services(testDesk.as(name)));
    }

    public DeskService desk(User user) {
        return as(user).desk();
    }

    public PublishService publish(User user) {
        return as(user).publish();
    }

    public TimingService timing(User user) {
        return as(user).timing();
    }

    public IngestService ingest(User user) {
        return as(user).ingest();
    }

    private Services services(Database db) {
        StoryRepository s = new StoryRepository(db);
        WorkflowRepository w = new WorkflowRepository(db);
        DeskService d = new DeskService(s, w, new EditingRepository(db), new PolicyRepository(db),
                new ThreadRepository(db), new TimingRepository(db), clock, () -> HOUSE_STYLE,
                new org.wiredesk.workflow.Credits(new org.wiredesk.store.CreditRepository(db), clock));
        org.wiredesk.store.DeskKeyRepository keys = new org.wiredesk.store.DeskKeyRepository(db);
        TimingRepository t = new TimingRepository(db);
        PublishService p = new PublishService(s, w, t, new DeskSettings(new SettingsRepository(db)),
                () -> keys.current().orElseThrow(), clock);
        IngestService i = new IngestService(s, new QuarantineRepository(db), new DocumentLoader(),
                new StoryGrouper(new GroupingRepository(db), clock), clock);
        return new Services(db, s, w, d, p, i, new TimingService(s, t, clock));
    }

    /** Ingests a story as the owner. */
    public StoryId story(String key, String headline, String body) {
        return stories.insertIfNew(TestStories.story(key, headline, body), "owner").orElseThrow();
    }

    @Override
    public void close() {
        testDesk.close();
    }
}
