package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;

/** The database itself refuses any change to a stored body: proven with raw JDBC, bypassing the application. */
class ContentImmutabilityTest {
    private Database database;
    private StoryId id;

    @BeforeEach
    void setUp() {
        database = org.wiredesk.store.TestDesk.inMemory(false).owner();
        id = new StoryRepository(database)
                .insertIfNew(TestStories.story("guid-1", "Ministers meet", "The original body."), "test")
                .orElseThrow();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void rawSqlUpdateOfTheBodyIsRefusedByTheDatabase() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(
                    "UPDATE story SET body_html = '<p>Changed.</p>' WHERE id = " + id.value()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23513"))
                    .hasMessageContaining("NO_CHANGE_TO_THE_CONTENT");
        }
        assertThat(bodyOf(id)).isEqualTo("<p>The original body.</p>");
    }

    @Test
    void settingTheBodyToItselfIsRefusedToo() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE story SET body_html = body_html"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("NO_CHANGE_TO_THE_CONTENT");
        }
    }

    @Test
    void fingerprintAgencyHeadlineAndSourceCannotBeRewritten() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            for (String column : new String[] {"body_sha256 = '" + "0".repeat(64) + "'",
                    "agency_headline = 'Other'", "source_name = 'Other agency'", "url = 'https://evil.example/'"}) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE story SET " + column))
                        .as(column)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("NO_CHANGE_TO_THE_CONTENT");
            }
        }
        Story story = new StoryRepository(database).find(id).orElseThrow();
        assertThat(story.agencyHeadline().text()).isEqualTo("Ministers meet");
        assertThat(story.sourceName()).isEqualTo("Test Agency");
    }

    @Test
    void aStoryCannotBeDeletedAndReinsertedWithAnotherBody() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM status_change"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("NO_CHANGE_TO_THE_CONTENT");
            // Refused by the history's foreign key before the guard trigger: either way, it stays.
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM story WHERE id = " + id.value()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("23503", "23513"));
        }
        assertThat(bodyOf(id)).isEqualTo("<p>The original body.</p>");
    }

    @Test
    void theHouseHeadlineAndStatusStillChangeThroughTheWorkflowWithTheirHistory() throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE story SET house_headline = ?, status = 'EDITING' WHERE id = ?")) {
            ps.setString(1, "House headline");
            ps.setLong(2, id.value());
            assertThatThrownBy(ps::executeUpdate).as("no change without its recorded revision")
                    .hasMessageContaining("REFUSED_BY_THE_WORKFLOW");
        }
        new WorkflowRepository(database).saveHeadline(id, org.wiredesk.story.Status.NEW,
                org.wiredesk.story.Status.EDITING, new org.wiredesk.story.Headline("House headline"), "owner",
                java.time.Instant.now());
        assertThat(new StoryRepository(database).find(id).orElseThrow().houseHeadline().text())
                .isEqualTo("House headline");
    }

    @Test
    void theRefusalReachesTheApplicationAsItsOwnException() {
        SQLException refused = new SQLException(
                "The check constraint 'NO_CHANGE_TO_THE_CONTENT' was violated", "23513");
        assertThat(SqlErrors.translate("test", refused)).isInstanceOf(ContentChangeRefusedException.class);
    }

    private String bodyOf(StoryId storyId) {
        return new StoryRepository(database).find(storyId).orElseThrow().body().html();
    }
}
