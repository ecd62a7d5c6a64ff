package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.publish.DeskVerifier;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Role;
import org.wiredesk.story.Source;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.store.postgresql.TestPostgres;
import org.wiredesk.style.RulesFile;
import org.wiredesk.workflow.DeskService;

/**
 * {@code store copy} from a real Derby desk that went through the whole workflow (members of every role, a disabled
 * one, a story rejected, replied on and resubmitted, published with a real signature, corrected under a rotated key
 * and killed, one spiked, one left submitted over house style, a claim, an autosave, a candidate, a later source
 * version, read marks, priority, sources, quarantine with every byte value, settings) into a desk on a real
 * PostgreSQL: every row of every table arrives unchanged, the chain verifies, and members work on the copy once the
 * owner gives them a password.
 */
class StoreCopyTest {
    private static final User EDNA = new User("edna", "Edna Editor", Set.of(Role.EDITOR));
    private static final User CORIN = new User("corin", "Corin Copy", Set.of(Role.COPY_EDITOR));
    private static final User DELIA = new User("delia", "Delia Chief", Set.of(Role.DESK_CHIEF));
    private static final User DARIO = new User("dario", "Dario Chief", Set.of(Role.DESK_CHIEF));
    private static final User SOL = new User("sol", "Sol Everything", Set.of(Role.values()));
    private static final User GONE = new User("gone", "Gone Member", Set.of(Role.COPY_EDITOR));
    /** The Derby store's members: they become roles on the (shared, cluster-wide) test server. */
    private static final List<String> MEMBERS = List.of(TestDesk.OWNER, "edna", "corin", "delia", "dario", "sol",
            "gone");
    /** Tables that exist on Derby only: the guards' tables, empty by design (their CHECK refuses every row). */
    private static final Set<String> DERBY_GUARDS = Set.of("content_guard", "workflow_guard", "member_guard",
            "four_eyes_guard", "approval_guard", "chain_guard", "embargo_guard");

    @TempDir
    static Path dir;

    private static TestDesk derby;
    private static Path site;
    private static StoryId submitted;

    private TestDesk pg;

    /** Services over one member's sign-in, as the desk builds them. */
    private record Desk(Database db, DeskService desk, PublishService publish, StoryRepository stories) {
        static Desk of(Database db) {
            Clock clock = Clock.systemUTC();
            StoryRepository s = new StoryRepository(db);
            WorkflowRepository w = new WorkflowRepository(db);
            DeskKeyRepository keys = new DeskKeyRepository(db);
            return new Desk(db, new DeskService(s, w, new EditingRepository(db), new PolicyRepository(db),
                    new ThreadRepository(db), new TimingRepository(db), clock,
                    () -> RulesFile.parse(RulesFile.sampleText()), new org.wiredesk.workflow.Credits(new org.wiredesk.store.CreditRepository(db), clock)),
                    new PublishService(s, w, new TimingRepository(db), new DeskSettings(new SettingsRepository(db)),
                            () -> keys.current().orElseThrow(), clock), s);
        }
    }

    @BeforeAll
    static void aDerbyDeskThatWentThroughTheWholeWorkflow() {
        derby = TestDesk.inDirectory(dir.resolve("store"), false);
        site = dir.resolve("site");
        for (User u : List.of(EDNA, CORIN, DELIA, DARIO, SOL, GONE)) {
            derby.add(u);
        }
        Desk ed = Desk.of(derby.as("edna"));
        Desk co = Desk.of(derby.as("corin"));
        Desk de = Desk.of(derby.as("delia"));
        Desk da = Desk.of(derby.as("dario"));
        StoryId one = ingest(ed, "one", "Council passes budget", "The council passed the budget on Tuesday.");
        StoryId two = ingest(ed, "two", "Harbour reopens", "The harbour reopened after the storm — at last.");
        StoryId three = ingest(ed, "three", "Minor note", "Nothing much happened.");
        submitted = ingest(ed, "four", "Storm closes schools", "Schools closed as the storm came «ashore».");
        // with its archived original, and a later version with its own (ADR 30): bytes of every value
        StoryId five = ed.stories().store(TestStories.story("five", "Talks continue",
                "Talks continue in the capital. Émile Zola, 中文."), "edna", new Original("page", "five.html",
                URI.create("https://agency.example/five"), "text/html", "UTF-8 (from the HTTP header)",
                Instant.now(), everyByte()), "article extractor @ingest-test").id();
        // a body a copy editor chose from its original's blocks (ADR 32)
        StoryId chosen = ed.stories().store(TestStories.story("chosen", "Flood warning",
                "Rivers rise across the valley. ADVERTISEMENT"), "edna", new Original("page", "chosen.html",
                URI.create("https://agency.example/chosen"), "text/html", "UTF-8 (from the HTTP header)", Instant.now(),
                "<html><body><p>Rivers rise across the valley.</p><p>ADVERTISEMENT</p></body></html>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "article extractor @ingest-test").id();
        co.desk().claim(CORIN, chosen);
        new org.wiredesk.workflow.BlockChoices(co.stories(), co.desk(), Clock.systemUTC())
                .choose(CORIN, chosen, List.of(0));
        co.desk().release(CORIN, chosen);
        // the agency changed item one after it arrived: a later source version
        assertThat(ed.stories().store(TestStories.story("one", "Council passes budget, updated",
                "The council passed the budget on Tuesday night."), "edna", new Original("feed", "feed.xml", null,
                null, null, Instant.now(), "<rss/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "feed reader @ingest-test").outcome())
                .isEqualTo(StoryRepository.Outcome.UPDATED_AT_SOURCE);

        co.desk().claim(CORIN, one);
        co.desk().saveDraft(CORIN, one, "Council passes record budget");
        co.desk().submit(CORIN, one, null, "first try");
        de.desk().reject(DELIA, one, "Say which council");
        co.desk().reply(CORIN, one, "The city council — it’s in the second paragraph");
        co.desk().claim(CORIN, one);
        co.desk().submit(CORIN, one, "City council passes record budget", null);
        da.desk().approve(DARIO, one);
        da.publish().publish(DARIO, one, site);
        new DeskKeyRepository(derby.owner()).rotate(); // pages signed before stay checkable with the retired key
        co.desk().submit(CORIN, two, "Harbour reopens after storm", null);
        de.desk().approve(DELIA, two);
        de.publish().publish(DELIA, two, site);
        da.publish().correct(DARIO, one, "City council passes record housing budget", "Named the budget", site);
        da.publish().kill(DARIO, one, "Legal asked us to withdraw it", site);
        ed.desk().spike(EDNA, three);
        co.desk().submit(CORIN, submitted, "Storm slams schools shut", null, "The agency’s own word", List.of());
        new TimingRepository(de.db()).set(submitted, Status.SUBMITTED, Timing.Kind.EMBARGO,
                Instant.now().plus(java.time.Duration.ofDays(1)), "Sperrfrist 06:00", Instant.now());
        co.desk().claim(CORIN, five);
        co.desk().keepCandidate(CORIN, five, "Talks go on in the capital");
        co.desk().autosave(CORIN, five, "Talks go on in the cap");

        new InboxRepository(derby.as("sol")).setRead(List.of(one, two), "sol", true, Instant.now());
        new InboxRepository(derby.as("gone")).setRead(List.of(two), "gone", true, Instant.now());
        new InboxRepository(ed.db()).setPriority(List.of(two), true);
        SourceRepository sources = new SourceRepository(ed.db());
        long feed = sources.save(new Source(0, "Agency feed", "https://agency.example/feed.xml", Source.Kind.FEED,
                Duration.ofMinutes(5), "Agency", true));
        sources.recordSuccess(feed, "\"etag-1\"", "Wed, 21 Oct 2026 07:28:00 GMT", Instant.now(),
                Instant.now().plusSeconds(300));
        sources.save(new Source(0, "Drop folder", "/srv/drop", Source.Kind.FOLDER, Duration.ofMinutes(1), null,
                false));
        QuarantineRepository quarantine = new QuarantineRepository(ed.db());
        quarantine.add("https://agency.example/broken.xml", "not a feed", everyByte(), Instant.now());
        quarantine.markRetried(quarantine.add("/srv/drop/empty.html", "no article", null, Instant.now()),
                Instant.now());
        new SettingsRepository(de.db()).put(DeskSettings.SECTION, "City Wire");
        new SettingsRepository(ed.db()).put("inbox.saved-views", "[{\"name\":\"Mine\"}]");
        new UserRepository(derby.owner()).disable("gone");
    }

    private static byte[] everyByte() {
        byte[] out = new byte[256];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    private static StoryId ingest(Desk desk, String key, String headline, String body) {
        return desk.stories().insertIfNew(TestStories.story(key, headline, body), "edna").orElseThrow();
    }

    @AfterAll
    static void closeTheDerbyDesk() {
        derby.close();
    }

    @BeforeEach
    void aNewDeskOnPostgres() {
        pg = TestDesk.onPostgres(false);
    }

    @AfterEach
    void dropTheDeskAndTheMembersRoles() throws SQLException {
        pg.close();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            for (String member : MEMBERS) {
                st.execute("DROP ROLE IF EXISTS " + member);
            }
        }
    }

    @Test
    void everyRowOfEveryTableArrivesUnchanged() throws SQLException {
        StoreCopy.Report report = StoreCopy.copy(derby.owner(), pg.owner());

        try (Connection from = derby.owner().connect(); Connection to = pg.owner().connect()) {
            Set<String> derbyTables = tables(from, "DESK");
            Set<String> pgTables = tables(to, PostgresDialect.SCHEMA);
            assertThat(derbyTables).containsAll(pgTables);
            for (String guard : difference(derbyTables, pgTables)) {
                assertThat(DERBY_GUARDS).as("a table only Derby has").contains(guard);
                try (Statement st = from.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM " + guard)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(guard).isZero();
                }
            }
            for (String table : pgTables) {
                if (table.equals("schema_version")) {
                    continue; // each engine's own scripts
                }
                // a disabled member's kept roles: a column the PostgreSQL desk alone has, empty after a copy
                List<Column> columns = columns(to, table).stream()
                        .filter(c -> !(table.equals("app_user") && c.name().equals("disabled_roles"))
                                && !(table.equals("story") && c.name().equals("arrived_in"))).toList();
                assertThat(names(columns(from, table))).as("columns of " + table).isEqualTo(names(columns));
                Map<List<Object>, List<Object>> source = rows(from, table, columns, key(to, table, columns));
                Map<List<Object>, List<Object>> target = rows(to, table, columns, key(to, table, columns));
                if (table.equals("app_user") || table.equals("user_role")) {
                    // the desk's own owner was a member before the copy, and is none of the Derby store's; and
                    // user_role shows the group roles' members on the whole server, other desks' members too
                    Set<Object> copied = new TreeSet<>();
                    rows(from, "app_user", List.of(new Column("username", Types.VARCHAR)), List.of(0))
                            .keySet().forEach(k -> copied.add(k.get(0)));
                    target.values().removeIf(row -> !copied.contains(row.get(0)));
                }
                assertThat(target).as("rows of " + table).isEqualTo(source);
            }
        }
        assertThat(new QuarantineRepository(pg.owner()).content(1)).hasValue(everyByte());
        for (String table : List.of("app_user", "source", "story", "story_key", "story_version", "headline_draft",
                "status_change", "approval", "publication", "story_note", "story_timing", "quarantine", "desk_setting",
                "desk_policy", "desk_key", "source_archive", "source_fetch", "body_choice",
                "headline_autosave", "story_claim", "headline_candidate", "story_read", "user_role")) {
            assertThat(report.rows().get(table)).as("rows copied into " + table).isPositive();
        }
    }

    @Test
    void theChainVerifiesOnTheCopyAndEveryPageStillChecksOut() {
        HistoryAudit.Report before = new HistoryAudit(derby.owner()).run();
        StoreCopy.copy(derby.owner(), pg.owner());

        HistoryAudit.Report after = new HistoryAudit(pg.owner()).run();
        assertThat(after.breaks()).isEmpty();
        assertThat(after.rows()).isEqualTo(before.rows());
        assertThat(after.links()).isGreaterThan(20);
        DeskVerifier.Report verify = new DeskVerifier(new StoryRepository(pg.owner()),
                new WorkflowRepository(pg.owner()), new HistoryAudit(pg.owner()), new DeskKeyRepository(pg.owner()),
                new CreditRepository(pg.owner()))
                .verify(site);
        assertThat(verify.breaks()).isEmpty();
        assertThat(String.join("\n", verify.checked())).contains("pages");
    }

    @Test
    void aCopiedMemberSignsInOnlyOnceTheOwnerGivesThemAPasswordAndThenWorks() {
        StoreCopy.Report report = StoreCopy.copy(derby.owner(), pg.owner());
        assertThat(report.needPassword()).containsExactly("corin", "dario", "delia", "edna", TestDesk.OWNER, "sol");
        assertThat(report.disabled()).containsExactly("gone");
        UserRepository users = new UserRepository(pg.owner());
        UserRepository.Member delia = users.members().stream()
                .filter(m -> m.user().username().equals("delia")).findFirst().orElseThrow();
        assertThat(delia.user().roles()).containsExactly(Role.DESK_CHIEF);
        assertThat(delia.canSignIn()).isFalse();
        assertThatThrownBy(() -> pg.as("delia")).isInstanceOf(SignInRefusedException.class);

        users.setPassword("delia", TestDesk.password("delia"));
        Desk chief = Desk.of(pg.as("delia"));
        chief.desk().approve(DELIA, submitted);

        assertThat(chief.stories().find(submitted).orElseThrow().status()).isEqualTo(Status.APPROVED);
        HistoryAudit.Report audit = new HistoryAudit(pg.owner()).run();
        assertThat(audit.breaks()).isEmpty();
        assertThat(audit.links()).isEqualTo(new HistoryAudit(derby.owner()).run().links() + 2);
        assertThatThrownBy(() -> pg.as("gone")).isInstanceOf(SignInRefusedException.class);
    }

    @Test
    void newRowsOnTheCopyTakeIdsAfterTheCopiedOnes() throws SQLException {
        StoreCopy.copy(derby.owner(), pg.owner());

        long story = new StoryRepository(pg.owner()).insertIfNew(TestStories.story("six", "New on the shared desk",
                "It arrived after the move."), pg.ownerName()).orElseThrow().value();
        long source = new SourceRepository(pg.owner()).save(new Source(0, "Second feed",
                "https://agency.example/second.xml", Source.Kind.FEED, java.time.Duration.ofMinutes(5), null, true));
        long quarantined = new QuarantineRepository(pg.owner()).add("x", "y", null, java.time.Instant.EPOCH);
        new ThreadRepository(pg.owner()).reply(new StoryId(story), "A reply on the shared desk", Instant.now());
        assertThat(single("SELECT max(id) FROM desk.story_note")).isEqualTo(3);
        assertThat(story).isEqualTo(7); // after the six stories copied
        assertThat(source).isEqualTo(3);
        assertThat(quarantined).isEqualTo(3);
        assertThat(new HistoryAudit(pg.owner()).run().breaks()).isEmpty();
    }

    @Test
    void aDeskThatIsNotEmptyIsRefusedAndKeepsWhatItHad() throws SQLException {
        new StoryRepository(pg.owner()).insertIfNew(TestStories.story("early", "Already here", "Ingested first."),
                pg.ownerName());

        assertThatThrownBy(() -> StoreCopy.copy(derby.owner(), pg.owner()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not empty (it has 1 row in story)")
                .hasMessageContaining("copied only into a desk made with init and not used since");
        assertThat(single("SELECT count(*) FROM desk.story")).isEqualTo(1);
        assertThat(single("SELECT count(*) FROM pg_roles WHERE rolname = 'edna'")).isZero();
    }

    @Test
    void aMemberWhoseNameIsAlreadyARoleOnTheServerIsRefusedByName() throws SQLException {
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE corin NOLOGIN");
            st.execute("CREATE ROLE dario LOGIN");
        }

        assertThatThrownBy(() -> StoreCopy.copy(derby.owner(), pg.owner()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already roles on the PostgreSQL server")
                .hasMessageContaining(": corin, dario (");
        assertThat(single("SELECT count(*) FROM desk.story")).isZero();
        assertThat(single("SELECT count(*) FROM pg_roles WHERE rolname = 'edna'")).isZero();
    }

    @Test
    void aNulCharacterIsRefusedNamingItsStoryAndNothingIsCopied() throws SQLException {
        try (TestDesk small = TestDesk.inDirectory(dir.resolve("with-nul"), false)) {
            new StoryRepository(small.owner()).insertIfNew(TestStories.story("fine", "Fine", "A fine body."), "owner");
            long id = new StoryRepository(small.owner()).insertIfNew(TestStories.story("nul", "Has a NUL",
                    "Before\u0000after."), "owner").orElseThrow().value();

            assertThatThrownBy(() -> StoreCopy.copy(small.owner(), pg.owner()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Story " + id + " has a NUL character in its body_html, which PostgreSQL cannot "
                            + "store in text: nothing was copied");
        }
        assertThat(single("SELECT count(*) FROM desk.story")).isZero();
        assertThat(single("SELECT seq FROM desk.chain_head")).isZero();
        assertThat(single("SELECT count(*) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                + "WHERE NOT t.tgisinternal AND t.tgenabled = 'D'")).as("triggers left off").isZero();
    }

    @Test
    void anOwnerWhoOwnedTheDerbyStoreTooKeepsTheirRowAndNeedsNoNewRole() throws SQLException {
        String owner = pg.ownerName();
        Database place = Database.embedded(dir.resolve("same-owner-" + owner), TestDesk.credentials(owner));
        try (Database same = StoreSetup.create(place, "Olga from Derby", true)) {
            StoreCopy.Report report = StoreCopy.copy(same, pg.owner());

            assertThat(report.needPassword()).isEmpty();
            assertThat(report.notes()).anyMatch(n -> n.contains("desk.one-person = true"));
            assertThat(new UserRepository(pg.owner()).find(owner).orElseThrow().displayName())
                    .isEqualTo("Olga from Derby");
            assertThat(new PolicyRepository(pg.owner()).onePersonDesk()).isTrue();
        }
    }

    // ------------------------------------------------------------------ a generic table-by-table comparison

    private record Column(String name, int type) {
    }

    private long single(String sql) throws SQLException {
        try (Connection c = pg.owner().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.add(new Column(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i)));
            }
        }
        return out;
    }

    private static Set<String> names(List<Column> columns) {
        Set<String> out = new TreeSet<>();
        columns.forEach(c -> out.add(c.name()));
        return out;
    }

    /** The primary key's columns (by position in {@code columns}); a view's rows are keyed by all their columns. */
    private static List<Integer> key(Connection c, String table, List<Column> columns) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, PostgresDialect.SCHEMA, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> names = columns.stream().map(Column::name).toList();
        List<Integer> key = byPosition.values().stream().map(names::indexOf).toList();
        return key.isEmpty() ? java.util.stream.IntStream.range(0, columns.size()).boxed().toList() : key;
    }

    /** Every row, keyed by its primary key, with values normalised across the engines by the desk's column types. */
    private static Map<List<Object>, List<Object>> rows(Connection c, String table, List<Column> columns,
                                                        List<Integer> key) throws SQLException {
        Map<List<Object>, List<Object>> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        String list = String.join(", ", columns.stream().map(Column::name).toList());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + table)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(value(rs, i, columns.get(i - 1).type()));
                }
                List<Object> k = key.stream().map(row::get).toList();
                assertThat(out.put(k, row)).as("two rows of " + table + " with key " + k).isNull();
            }
        }
        return out;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                yield bytes == null ? null : "bytes:" + HexFormat.of().formatHex(bytes);
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }
}
