package org.wiredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.ingest.SourcePoller;
import org.wiredesk.ingest.SourceWithdrawals;
import org.wiredesk.ingest.StoryGrouper;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.publish.PublishService;
import org.wiredesk.search.SearchIndex;
import org.wiredesk.story.User;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.RulesFile;
import org.wiredesk.store.Database;
import org.wiredesk.store.DeskKeyRepository;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.EditingRepository;
import org.wiredesk.store.GroupingRepository;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.SettingsRepository;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.ThreadRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.store.UserRepository;
import org.wiredesk.store.WithdrawalRepository;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.workflow.DeskService;
import org.wiredesk.workflow.TimingService;

/** The one composition root: opens the store and builds every repository and service on it. */
public final class AppContext implements AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final Path site;
    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final UserRepository users;
    private final QuarantineRepository quarantine;
    private final GroupingRepository grouping;
    private final SourceRepository sources;
    private final SourcePoller poller;
    private final DeskSettings settings;
    private final SettingsRepository settingsStore;
    static final String STYLE_RULES = "style.rules";
    private final IngestService ingest;
    private final DeskService desk;
    private final PublishService publish;
    private final TimingService timing;
    private final User user;
    private final WithdrawalRepository withdrawn;
    private final SourceWithdrawals withdrawals;
    private final DeskKeyRepository keys;
    private SearchIndex search;

    private AppContext(Database database, Clock clock, Path site) {
        this.database = database;
        this.clock = clock;
        this.site = site;
        this.stories = new StoryRepository(database);
        this.workflow = new WorkflowRepository(database);
        this.users = new UserRepository(database);
        this.quarantine = new QuarantineRepository(database);
        this.settingsStore = new SettingsRepository(database);
        this.settings = new DeskSettings(settingsStore);
        this.grouping = new GroupingRepository(database);
        this.sources = new SourceRepository(database);
        DocumentLoader loader = new DocumentLoader();
        this.ingest = new IngestService(stories, quarantine, loader, new StoryGrouper(grouping, clock), clock);
        TimingRepository timings = new TimingRepository(database);
        this.desk = new DeskService(stories, workflow, new EditingRepository(database),
                new org.wiredesk.store.PolicyRepository(database), new ThreadRepository(database), timings, clock,
                this::houseStyle, new org.wiredesk.workflow.Credits(new org.wiredesk.store.CreditRepository(database),
                        clock));
        this.timing = new TimingService(stories, timings, clock);
        DeskKeyRepository keys = new DeskKeyRepository(database);
        this.keys = keys;
        this.publish = new PublishService(stories, workflow, timings, settings, new org.wiredesk.publish.DeskKeys() {
            @Override
            public java.security.KeyPair current() {
                return keys.current().orElseThrow(() -> new WorkflowException(
                        "The desk has no signing key: its owner makes one with keys --rotate"));
            }

            // a site rebuild re-renders pages signed before a key rotation with the key they name
            @Override
            public java.util.List<java.security.PublicKey> publicKeys() {
                return keys.publicKeys();
            }
        }, clock);
        this.user = users.current();
        this.withdrawn = new WithdrawalRepository(database);
        this.withdrawals = new SourceWithdrawals(withdrawn, loader, clock, user);
        ingest.whenTheAgencyWithdraws(this::agencyWithdrew);
        // after the member is known: a poll reads its feeds' tombstones when they note withdrawals
        this.poller = new SourcePoller(sources, ingest, loader, clock, withdrawals);
    }

    /**
     * A later version from the agency withdraws a story: if we ran it, the desk chiefs are alerted as for any source
     * that withdrew a story (a mark in the Published view, one click to kill). Only editors and desk chiefs note it;
     * another member's ingest goes on, and the next re-check by an editor or chief will not see it, so the inbox and
     * editor's own "withdrawn by the agency" stands for them.
     */
    private void agencyWithdrew(org.wiredesk.story.StoryId id, org.wiredesk.story.NewStory version) {
        boolean published = stories.find(id).map(s -> s.status() == org.wiredesk.story.Status.PUBLISHED)
                .orElse(false);
        if (!published || !(user.has(org.wiredesk.story.Role.EDITOR) || user.has(org.wiredesk.story.Role.DESK_CHIEF))) {
            return;
        }
        withdrawn.note(id, org.wiredesk.story.SourceWithdrawal.How.AGENCY_WITHDREW, "the agency withdrew it"
                + (version.agency().version() == null ? "" : " (version " + version.agency().version() + ")"),
                clock.instant());
    }

    /**
     * Opens the store as its signed-in member (a wrong password, an unknown or a disabled member fail with
     * {@link org.wiredesk.store.SignInRefusedException}) and builds the desk on it.
     */
    public static AppContext open(Database signedIn, Path site, Clock clock) {
        signedIn.open();
        try {
            return new AppContext(signedIn, clock, site);
        } catch (RuntimeException e) {
            signedIn.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public Path site() {
        return site;
    }

    public StoryRepository stories() {
        return stories;
    }

    public WorkflowRepository workflow() {
        return workflow;
    }

    public UserRepository users() {
        return users;
    }

    public SourceRepository sources() {
        return sources;
    }

    public SourcePoller poller() {
        return poller;
    }

    /** What the sources withdrew of the stories the desk ran, as noted. */
    public WithdrawalRepository withdrawn() {
        return withdrawn;
    }

    /** Re-checks published stories at their sources and reads feeds' tombstones, noting what was withdrawn. */
    public SourceWithdrawals withdrawals() {
        return withdrawals;
    }

    public GroupingRepository grouping() {
        return grouping;
    }

    public QuarantineRepository quarantine() {
        return quarantine;
    }

    public DeskSettings settings() {
        return settings;
    }

    public IngestService ingest() {
        return ingest;
    }

    public DeskService desk() {
        return desk;
    }

    public PublishService publish() {
        return publish;
    }

    /** Embargoes and schedules. */
    public TimingService timing() {
        return timing;
    }

    /** The desk's house style: its rules file kept in the store, or the sample media-wire rules. */
    public HouseStyle houseStyle() {
        return RulesFile.parse(houseStyleText());
    }

    /** The text of the desk's rules file. */
    public String houseStyleText() {
        return settingsStore.get(STYLE_RULES).orElseGet(RulesFile::sampleText);
    }

    /** Replaces the desk's house-style rules (checked first: a file with a bad line is refused whole). */
    public void setHouseStyle(String rulesText) {
        RulesFile.parse(rulesText);
        settingsStore.put(STYLE_RULES, rulesText);
    }

    /** Full-text search, opened (and caught up) on first use; a derived index beside the site folder. */
    public synchronized SearchIndex search() {
        if (search == null) {
            search = SearchIndex.open(SearchIndex.besideSite(site), stories);
        }
        return search;
    }

    /** The desk's signing keys (private halves for desk chiefs and the owner only). */
    public DeskKeyRepository keys() {
        return keys;
    }

    /** The signed-in desk member. */
    public User user() {
        return user;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (search != null) {
                search.close();
            }
        }
        database.close();
    }
}
