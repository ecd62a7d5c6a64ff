package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskFixture;

/**
 * What the store holds to about a note that the source withdrew a story we ran, through WireDesk and as an attacker
 * with a plain JDBC client: one note per story and kind, on a published story only, by an editor or a desk chief as
 * themselves, and never rewritten or deleted, not even by its author. On Derby; {@code PgWithdrawalStoreTest} runs
 * every test again on PostgreSQL.
 */
class WithdrawalStoreTest {
    private static final Instant SEEN = Instant.parse("2026-11-27T21:30:00Z");

    @TempDir
    Path site;

    DeskFixture desk;
    StoryId published;
    StoryId approved;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        published = story("g-1", "https://agency.example/port");
        desk.desk(desk.copy).submit(desk.copy, published, "Port reopens", null);
        desk.desk(desk.chief).approve(desk.chief, published);
        desk.publish(desk.chief).publish(desk.chief, published, site);
        approved = story("g-2", "https://agency.example/museum");
        desk.desk(desk.copy).submit(desk.copy, approved, "Museum returns statues", null);
        desk.desk(desk.chief).approve(desk.chief, approved);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private StoryId story(String key, String url) {
        String text = "The port reopened on Tuesday after the storm.";
        return desk.stories.insertIfNew(new NewStory(key, "Test Agency", URI.create(url), new Headline("Agency: " + key),
                new Body("<p>" + text + "</p>", Fingerprint.ofText(text)), "A. Reporter", "en",
                OffsetDateTime.parse("2026-11-26T10:15:00+03:30"), Instant.parse("2026-11-26T08:00:00Z")), "test")
                .orElseThrow();
    }

    private WithdrawalRepository as(User member) {
        return new WithdrawalRepository(desk.as(member).database());
    }

    @Test
    void anEditorNotesThatTheSourceWithdrewAPublishedStoryOnceAsThemselves() {
        WithdrawalRepository ed = as(desk.editor);
        assertThat(ed.note(published, SourceWithdrawal.How.GONE_410, "https://agency.example/port answered HTTP 410",
                SEEN)).isTrue();
        assertThat(ed.note(published, SourceWithdrawal.How.GONE_410, "seen again", SEEN.plusSeconds(1800)))
                .as("a re-check that sees the page gone again adds nothing").isFalse();
        assertThat(as(desk.chief).note(published, SourceWithdrawal.How.FEED_WITHDRAWN, "the feed marked it deleted",
                SEEN)).as("another kind of observation is its own note").isTrue();

        assertThat(as(desk.copy).onPublishedStories()).extracting(n -> n.withdrawal().how(),
                n -> n.withdrawal().notedBy(), n -> n.withdrawal().detail()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SourceWithdrawal.How.GONE_410, "ed",
                        "https://agency.example/port answered HTTP 410"),
                org.assertj.core.groups.Tuple.tuple(SourceWithdrawal.How.FEED_WITHDRAWN, "dee",
                        "the feed marked it deleted"));
        assertThat(ed.toRecheck()).as("a page found gone is not asked again").isEmpty();
    }

    @Test
    void onlyAPublishedStoryCanBeMarked() {
        assertThat(as(desk.editor).toRecheck()).extracting(WithdrawalRepository.OnTheWeb::id).containsExactly(published);
        assertThatThrownBy(() -> as(desk.editor).note(approved, SourceWithdrawal.How.GONE_404, "gone", SEEN))
                .isInstanceOf(RefusedByStoreException.class);
        assertThat(as(desk.editor).after(0)).isEmpty();
    }

    @Test
    void aCopyEditorCannotNoteAWithdrawalThroughWireDeskOrAroundIt() throws SQLException {
        assertThatThrownBy(() -> as(desk.copy).note(published, SourceWithdrawal.How.GONE_410, "gone", SEEN))
                .isInstanceOf(RefusedByStoreException.class);
        try (Connection cora = plain("cora")) {
            refused(cora, insert("cora"));
            if (isPostgres()) {
                refused(cora, "SELECT desk.note_withdrawal(" + published + ", 'GONE_410', 'gone')");
            }
        }
        assertThat(as(desk.editor).after(0)).isEmpty();
    }

    @Test
    void aMemberCannotNoteAWithdrawalInAnothersName() throws SQLException {
        try (Connection ed = plain("ed")) {
            refused(ed, insert("dee"));
        }
        assertThat(as(desk.editor).after(0)).isEmpty();
    }

    @Test
    void aNoteIsNeverRewrittenOrDeletedNotEvenByItsAuthorOrTheOwner() throws SQLException {
        as(desk.editor).note(published, SourceWithdrawal.How.GONE_410, "https://agency.example/port answered 410", SEEN);
        for (String member : new String[] {"ed", "dee"}) {
            try (Connection c = plain(member)) {
                refused(c, "UPDATE desk.source_withdrawal SET detail = 'answered 200'");
                refused(c, "UPDATE desk.source_withdrawal SET at_ms = 0");
                refused(c, "DELETE FROM desk.source_withdrawal");
            }
        }
        try (Connection owner = desk.testDesk.owner().connect()) {
            refused(owner, "UPDATE source_withdrawal SET detail = 'answered 200'");
            refused(owner, "DELETE FROM source_withdrawal");
        }
        assertThat(as(desk.chief).onPublishedStories()).singleElement()
                .satisfies(n -> assertThat(n.withdrawal().detail()).isEqualTo("https://agency.example/port answered 410"));
    }

    /** A plain INSERT of a note on the published story in {@code notedBy}'s name, as the engine takes ids. */
    private String insert(String notedBy) {
        String id = isPostgres() ? "nextval('desk.source_withdrawal_seq')" : "NEXT VALUE FOR desk.source_withdrawal_seq";
        return "INSERT INTO desk.source_withdrawal (id, story_id, how, detail, noted_by, at_ms) VALUES (" + id + ", "
                + published + ", 'GONE_410', 'gone', '" + notedBy + "', 0)";
    }

    private boolean isPostgres() {
        return desk.database.isPostgres();
    }

    /** A member's own connection by plain JDBC: no WireDesk code between them and the store. */
    private Connection plain(String member) throws SQLException {
        String url = isPostgres() ? desk.testDesk.postgresUrl() : desk.database.url();
        return DriverManager.getConnection(url, member, new String(TestDesk.password(member)));
    }

    private static void refused(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).matches("4250[0-4]|23513|23514");
        }
    }
}
