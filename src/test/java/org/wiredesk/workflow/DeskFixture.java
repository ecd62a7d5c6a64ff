package org.wiredesk.workflow;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.story.User;
import org.wiredesk.store.Database;
import org.wiredesk.store.SettingsRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/** Services over a fresh in-memory store, and one member per role. */
public final class DeskFixture implements AutoCloseable {
    public final Database database = Database.inMemory("desk-" + UUID.randomUUID()).open();
    public final StoryRepository stories = new StoryRepository(database);
    public final WorkflowRepository workflow = new WorkflowRepository(database);
    public final org.wiredesk.ingest.MutableClock clock =
            new org.wiredesk.ingest.MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    public final DeskService desk = new DeskService(stories, workflow,
            new org.wiredesk.store.EditingRepository(database), clock);
    public final DeskSettings settings = new DeskSettings(new SettingsRepository(database));
    public final PublishService publish = new PublishService(stories, workflow, settings, clock);
    public final org.wiredesk.store.QuarantineRepository quarantine = new org.wiredesk.store.QuarantineRepository(database);
    public final org.wiredesk.ingest.IngestService ingest = new org.wiredesk.ingest.IngestService(stories, quarantine,
            new org.wiredesk.ingest.DocumentLoader(), new org.wiredesk.ingest.StoryGrouper(
            new org.wiredesk.store.GroupingRepository(database), clock), clock);
    public final User editor = new User("ed", "Ed Itor", Set.of(Role.EDITOR));
    public final User copy = new User("cora", "Cora Copy", Set.of(Role.COPY_EDITOR));
    public final User chief = new User("dee", "Dee Chief", Set.of(Role.DESK_CHIEF));
    public final User everyone = new User("solo", "Solo", EnumSet.allOf(Role.class));

    public StoryId story(String key, String headline, String body) {
        return stories.insertIfNew(TestStories.story(key, headline, body), "test").orElseThrow();
    }

    @Override
    public void close() {
        database.close();
    }
}
