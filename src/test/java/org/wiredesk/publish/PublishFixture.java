package org.wiredesk.publish;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.HtmlSanitizer;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.workflow.DeskFixture;

/** A publisher with its own signing key over a fresh in-memory store, and the means to tamper with that store. */
final class PublishFixture implements AutoCloseable {
    final DeskFixture desk;
    final InMemoryDeskKeys keys = new InMemoryDeskKeys();
    /** The desk chief's publisher, signing with this fixture's key. */
    final PublishService publish;

    PublishFixture() {
        this(new DeskFixture());
    }

    PublishFixture(DeskFixture desk) {
        this.desk = desk;
        publish = new PublishService(desk.as(desk.chief).stories(), desk.as(desk.chief).workflow(),
                new TimingRepository(desk.as(desk.chief).database()), desk.settings,
                keys, desk.clock);
    }

    /** The same on a shared desk on PostgreSQL. */
    static PublishFixture onPostgres() {
        return new PublishFixture(DeskFixture.onPostgres(false));
    }

    /** Stores a story whose body is this HTML after the real sanitizer, fingerprinted as ingest does. */
    StoryId story(String key, String headline, String bodyHtml, String url) {
        var body = BodyText.bodyOf(new HtmlSanitizer().sanitize(bodyHtml, url == null ? "" : url));
        StoryId id = desk.stories.insertIfNew(new NewStory(key, "Test Agency", url == null ? null : URI.create(url),
                new Headline(headline), body, "A. Reporter", "en", OffsetDateTime.parse("2026-11-26T10:15:00+03:30"),
                Instant.parse("2026-11-26T08:00:00Z")), "test").orElseThrow();
        return id;
    }

    /** A stored story taken through submission and approval with this house headline. */
    StoryId approved(String key, String house, String bodyHtml, String url) {
        StoryId id = story(key, "Agency: " + house, bodyHtml, url);
        approve(id, house);
        return id;
    }

    void approve(StoryId id, String house) {
        desk.desk(desk.copy).submit(desk.copy, id, house, null);
        desk.desk(desk.chief).approve(desk.chief, id);
    }

    /** Runs SQL as the database owner, who can drop the guards the application cannot. */
    void sql(String... statements) throws SQLException {
        try (Connection c = desk.database.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** The owner drops the guard that keeps bodies unchanged (each engine's way), as an attacker with that power would. */
    void dropContentGuard() throws SQLException {
        sql(desk.database.isPostgres() ? "DROP TRIGGER story_content_is_immutable ON story"
                : "DROP TRIGGER story_content_is_immutable");
    }

    @Override
    public void close() {
        desk.close();
    }
}
