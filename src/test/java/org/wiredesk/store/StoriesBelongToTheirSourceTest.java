package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/**
 * A story belongs to its source (issue 11, point 4; ADR 27): a feed that carries another agency's address first does
 * not make the agency's own item a duplicate, so our page never credits the agency for the feed's text; the later
 * story is linked to the first as a copy; the same item from its own source again is still the same story. On Derby;
 * {@code PgStoriesBelongToTheirSourceTest} runs every test on PostgreSQL.
 */
class StoriesBelongToTheirSourceTest {
    private static final URI ADDRESS = URI.create("https://agency.example/2026/11/28/port-reopens");

    DeskFixture desk;
    StoryRepository stories;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        stories = desk.as(desk.editor).stories();
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private NewStory item(String guid, String source, long sourceId, String text) {
        return new NewStory(guid, source, ADDRESS, new Headline("Port reopens after storm"),
                new Body("<p>" + text + "</p>", Fingerprint.ofText(text)), null, "en", null, desk.clock.instant(),
                sourceId);
    }

    @Test
    void theSameAddressFromAnotherSourceIsAnotherStoryCreditedToItsOwnSourceAndLinkedAsACopy() throws SQLException {
        StoryRepository.Stored squatter = stories.store(item("squat-1", "Aggregator Feed", 1,
                "The aggregator's own rewrite of the port story, with words the agency never wrote."), "ed");
        StoryRepository.Stored agency = stories.store(item("urn:agency:port", "Agency", 2,
                "The Port of Calder reopened on Thursday after the storm, the port authority said."), "ed");

        assertThat(squatter.outcome()).isEqualTo(StoryRepository.Outcome.NEW);
        assertThat(agency.outcome()).as("not a duplicate of the feed that carried its address first")
                .isEqualTo(StoryRepository.Outcome.NEW);
        assertThat(agency.id()).isNotEqualTo(squatter.id());
        var stored = desk.stories.find(agency.id()).orElseThrow();
        assertThat(stored.sourceName()).isEqualTo("Agency");
        assertThat(stored.body().html()).contains("port authority said");
        assertThat(copyOf(agency.id())).isEqualTo(squatter.id().value());
        assertThat(copyOf(squatter.id())).isZero();
    }

    @Test
    void theSameItemFromItsOwnSourceAgainIsTheSameStoryByGuidOrByAddress() {
        StoryRepository.Stored first = stories.store(item("urn:agency:port", "Agency", 2,
                "The Port of Calder reopened on Thursday after the storm."), "ed");
        StoryRepository.Stored again = stories.store(item("urn:agency:port", "Agency", 2,
                "The Port of Calder reopened on Thursday after the storm."), "ed");
        StoryRepository.Stored newGuid = stories.store(item("urn:agency:port-v2", "Agency", 2,
                "The Port of Calder reopened on Thursday after the storm."), "ed");

        assertThat(again.outcome()).isEqualTo(StoryRepository.Outcome.DUPLICATE);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(newGuid.id()).as("found by its address within its source").isEqualTo(first.id());
    }

    @Test
    void byHandTheAgencyANameGivesIsTheSource() {
        StoryRepository.Stored dpa = stories.store(item("urn:x", "dpa", 0, "Text from dpa."), "ed");
        StoryRepository.Stored afp = stories.store(item("urn:x", "AFP", 0, "Text from AFP."), "ed");
        StoryRepository.Stored dpaAgain = stories.store(item("urn:x", "dpa", 0, "Text from dpa."), "ed");

        assertThat(afp.id()).isNotEqualTo(dpa.id());
        assertThat(dpaAgain.id()).isEqualTo(dpa.id());
    }

    private long copyOf(StoryId id) throws SQLException {
        try (Connection c = desk.database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT copy_of FROM story WHERE id = ?")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
