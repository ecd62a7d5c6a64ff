package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;

class TrustSmokeTest {
    @Test
    void aStoryGoesFromIngestToPublicationThroughTheGuards() {
        try (TestDesk desk = TestDesk.inMemory(false)) {
            Database ed = desk.add("ed", Role.EDITOR);
            Database cora = desk.add("cora", Role.COPY_EDITOR);
            Database dee = desk.add("dee", Role.DESK_CHIEF);
            StoryId id = new StoryRepository(ed).insertIfNew(TestStories.story("g1", "Agency headline", "Body text here."),
                    "x").orElseThrow();
            Instant now = Instant.parse("2026-11-27T10:00:00Z");
            new WorkflowRepository(cora).saveHeadline(id, Status.NEW, Status.EDITING, new Headline("House headline"), "x", now);
            new WorkflowRepository(cora).transition(id, Status.EDITING, Status.SUBMITTED, "x", null, now);
            Story s = new StoryRepository(dee).find(id).orElseThrow();
            new WorkflowRepository(dee).approve(id, s.runningHeadline(), s.body(), false, now);
            new WorkflowRepository(dee).transition(id, Status.APPROVED, Status.PUBLISHED, "x", null, now,
                    new Publication(0, id, Publication.Kind.PUBLISHED, s.runningHeadline(), s.body().sha256(), "x",
                            now, "stories/1.html", null, "sig"));
            assertThat(new StoryRepository(dee).find(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(new WorkflowRepository(dee).changes(id)).extracting(c -> c.actor())
                    .containsExactly("ed", "cora", "cora", "dee", "dee");
        }
    }
}
