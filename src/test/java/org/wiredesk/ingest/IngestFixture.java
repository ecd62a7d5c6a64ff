package org.wiredesk.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.wiredesk.store.Database;
import org.wiredesk.store.GroupingRepository;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.StoryRepository;

/** An ingest service over a fresh in-memory store. */
final class IngestFixture implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    final Database database = org.wiredesk.store.TestDesk.inMemory(false).owner();
    final StoryRepository stories = new StoryRepository(database);
    final QuarantineRepository quarantine = new QuarantineRepository(database);
    final GroupingRepository grouping = new GroupingRepository(database);
    final IngestService service = new IngestService(stories, quarantine, new DocumentLoader(),
            new StoryGrouper(grouping, CLOCK), CLOCK);

    @Override
    public void close() {
        database.close();
    }
}
