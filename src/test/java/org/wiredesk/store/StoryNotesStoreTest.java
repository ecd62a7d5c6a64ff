package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.story.ThreadEntry;

/**
 * Notes in the store itself (ADR 16): a store from before notes is brought up to date by its owner signing in, and
 * its members may reply at once (on Derby their privileges on the new table are granted with the step), the history
 * they made before and the notes after it one chain; and a note rewritten behind the guards is found by the audit.
 */
class StoryNotesStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void membersOfAStoreFromBeforeNotesReplyOnceTheOwnerHasSignedIn() throws SQLException {
        Path store = dir.resolve("store");
        StoryId id;
        try (TestDesk desk = TestDesk.inDirectory(store, false)) {
            desk.add("cora", Role.COPY_EDITOR);
            desk.add("dee", Role.DESK_CHIEF);
            id = new StoryRepository(desk.owner()).insertIfNew(TestStories.story("u-1", "Agency", "Body."), "owner")
                    .orElseThrow();
            new WorkflowRepository(desk.as("cora")).submit(id, Status.NEW, Status.SUBMITTED,
                    new Headline("House headline"), "Please check", NOW);
            backToSchema7(desk.owner());
        }
        try (TestDesk desk = TestDesk.reopen(store)) {
            new ThreadRepository(desk.as("dee")).reply(id, "Checked", NOW);
            new ThreadRepository(desk.as("cora")).reply(id, "Thanks", NOW);

            assertThat(new ThreadRepository(desk.owner()).thread(id).entries()).extracting(ThreadEntry::author,
                    ThreadEntry::text).containsExactly(org.assertj.core.groups.Tuple.tuple("cora", "Please check"),
                    org.assertj.core.groups.Tuple.tuple("dee", "Checked"),
                    org.assertj.core.groups.Tuple.tuple("cora", "Thanks"));
            assertThat(new HistoryAudit(desk.owner()).run().breaks()).isEmpty();
        }
    }

    @Test
    void aSharedDeskFromBeforeNotesIsUpgradedByItsOwnerAndItsMembersReply() throws SQLException {
        try (TestDesk desk = TestDesk.onPostgres(false)) {
            desk.add("cora", Role.COPY_EDITOR);
            StoryId id = new StoryRepository(desk.owner()).insertIfNew(TestStories.story("u-2", "Agency", "Body."),
                    desk.ownerName()).orElseThrow();
            new WorkflowRepository(desk.as("cora")).submit(id, Status.NEW, Status.SUBMITTED,
                    new Headline("House headline"), "Please check", NOW);
            try (Connection c = desk.owner().connect(); Statement st = c.createStatement()) {
                // V010: the chosen blocks, and V001's guard on the body as it was
                st.execute("DROP TRIGGER story_content_is_immutable ON story");
                st.execute("CREATE TRIGGER story_content_is_immutable BEFORE UPDATE OF body_html, body_sha256, "
                        + "body_html_sha256, agency_headline, dedup_hash, dedup_key, source_name, url, received_ms, "
                        + "id, arrived_in ON story FOR EACH ROW "
                        + "EXECUTE FUNCTION refuse_change('a stored story body is never changed')");
                st.execute("DROP TABLE body_choice");
                st.execute("DROP FUNCTION choose_blocks, body_choice_holds, story_body_follows_its_choice");
                st.execute("DROP SEQUENCE body_choice_seq");
                st.execute("DROP TABLE story_note");
                st.execute("DROP FUNCTION add_note, chain_the_note, chain_note");
                st.execute("DROP SEQUENCE story_note_seq");
                // and what later scripts added, so that the desk is as it was before notes
                st.execute("DROP TRIGGER story_original_is_kept ON story");
                st.execute("ALTER TABLE story DROP COLUMN source_fetch_id, DROP COLUMN derived_by");
                st.execute("ALTER TABLE story_version DROP COLUMN source_fetch_id, DROP COLUMN derived_by");
                st.execute("DROP TABLE source_fetch");
                st.execute("DROP TABLE source_archive");
                st.execute("DROP SEQUENCE source_fetch_seq");
                st.execute("ALTER TABLE story DROP COLUMN url_hash");
                st.execute("DROP TRIGGER story_credit_url_from_the_approval ON story");
                st.execute("DROP TABLE source_credit");
                st.execute("DROP FUNCTION story_credit_url_from_the_approval, set_credit_address, credit_address_of");
                st.execute("DROP SEQUENCE source_credit_seq");
                st.execute("ALTER TABLE story DROP COLUMN credit_url");
                st.execute("DROP TABLE story_ed_note");
                st.execute("DROP TRIGGER story_agency_as_sent ON story");
                st.execute("DROP TRIGGER approval_not_of_a_withdrawn_item ON approval");
                st.execute("DROP FUNCTION approval_not_of_a_withdrawn_item, agency_status_of, "
                        + "ed_note_arrives_with_its_item");
                st.execute("DROP SEQUENCE story_ed_note_seq");
                st.execute("ALTER TABLE story DROP COLUMN format, DROP COLUMN urgency, DROP COLUMN agency_version, "
                        + "DROP COLUMN pub_status, DROP COLUMN dateline");
                st.execute("ALTER TABLE story_version DROP COLUMN urgency, DROP COLUMN agency_version, "
                        + "DROP COLUMN pub_status");
                st.execute("DROP TABLE source_withdrawal");
                st.execute("DROP FUNCTION note_withdrawal");
                st.execute("DROP SEQUENCE source_withdrawal_seq");
                st.execute("DROP TRIGGER publication_after_the_embargo ON publication");
                st.execute("DROP TABLE story_timing");
                st.execute("DROP FUNCTION set_timing, chain_the_timing, chain_timing, embargo_of, "
                        + "publication_after_the_embargo");
                st.execute("DROP SEQUENCE story_timing_seq");
                st.execute("DROP INDEX story_by_received_id");
                st.execute("DELETE FROM schema_version WHERE version >= 2");
            }

            desk.owner().open();
            new ThreadRepository(desk.as("cora")).reply(id, "Checked", NOW);

            assertThat(new ThreadRepository(desk.owner()).thread(id).entries()).extracting(ThreadEntry::text)
                    .containsExactly("Please check", "Checked");
            assertThat(new HistoryAudit(desk.owner()).run().breaks()).isEmpty();
        }
    }

    @Test
    void aNoteTheOwnerRewritesBehindTheGuardsIsFoundByTheAudit() throws SQLException {
        try (TestDesk desk = TestDesk.inMemory(false)) {
            desk.add("cora", Role.COPY_EDITOR);
            StoryId id = new StoryRepository(desk.owner()).insertIfNew(TestStories.story("u-3", "Agency", "Body."),
                    "owner").orElseThrow();
            new ThreadRepository(desk.as("cora")).reply(id, "The city council", NOW);
            try (Connection c = desk.owner().connect(); Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER story_note_is_history");
                st.execute("UPDATE story_note SET message = 'The county council'");
            }

            assertThat(new HistoryAudit(desk.owner()).run().breaks()).singleElement().asString()
                    .matches("story_note row \\d+ \\(link \\d+, story " + id + "\\) was changed after it was written.*");
        }
    }

    /**
     * Takes V008 (and what later scripts added) out again, as a store made by the WireDesk before it would be: no
     * table, no privileges on it.
     */
    private static void backToSchema7(Database owner) throws SQLException {
        try (Connection c = owner.connect(); Statement st = c.createStatement()) {
            // V016: the chosen blocks, and V001's and V007's guards on the body as they were
            for (String trigger : List.of("body_choice_is_history", "body_choice_is_kept",
                    "body_choice_id_from_its_sequence", "body_choice_by_the_copy_editor",
                    "body_choice_is_the_originals_blocks", "story_content_is_immutable")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("""
                    CREATE TRIGGER story_content_is_immutable
                        AFTER UPDATE OF body_html, body_sha256, agency_headline, dedup_hash, dedup_key, source_name,
                                        url, received_ms ON story
                        FOR EACH ROW
                        INSERT INTO content_guard (violation) VALUES ('a stored story body is never changed')""");
            st.execute("""
                    CREATE TRIGGER story_markup_is_immutable
                        AFTER UPDATE OF body_html_sha256 ON story
                        FOR EACH ROW
                        INSERT INTO content_guard (violation) VALUES ('a markup fingerprint is never changed')""");
            st.execute("DROP TABLE body_choice");
            st.execute("DROP SEQUENCE body_choice_seq RESTRICT");
            st.execute("DROP FUNCTION chosen_body_matches");
            for (String trigger : List.of("story_original_is_kept", "source_archive_is_kept_as_fetched",
                    "source_archive_is_kept", "source_archive_matches_its_key", "source_archive_by_the_member",
                    "source_fetch_is_kept_as_fetched", "source_fetch_is_kept", "source_fetch_id_from_its_sequence",
                    "source_fetch_by_the_member")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("ALTER TABLE story DROP CONSTRAINT story_source_fetch");
            st.execute("ALTER TABLE story_version DROP CONSTRAINT version_source_fetch");
            for (String column : List.of("source_fetch_id", "derived_by")) {
                st.execute("ALTER TABLE story DROP COLUMN " + column);
                st.execute("ALTER TABLE story_version DROP COLUMN " + column);
            }
            st.execute("DROP TABLE source_fetch");
            st.execute("DROP TABLE source_archive");
            st.execute("DROP SEQUENCE source_fetch_seq RESTRICT");
            st.execute("DROP FUNCTION archive_matches");
            for (String trigger : List.of("source_credit_is_kept_as_set", "source_credit_is_kept",
                    "source_credit_id_from_its_sequence", "source_credit_by_the_member", "source_credit_by_its_role",
                    "approval_binds_the_credit_address", "story_credit_url_from_the_approval",
                    "approval_needs_a_source_url", "story_ed_note_arrives_with_its_item")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            // V007's own rule, as V012 found it
            st.execute("""
                    CREATE TRIGGER approval_needs_a_source_url
                        AFTER INSERT ON approval
                        REFERENCING NEW AS n
                        FOR EACH ROW
                        WHEN (CASE WHEN EXISTS (
                                SELECT 1 FROM story s
                                WHERE s.id = n.story_id
                                  AND (LOWER(s.url) LIKE 'http://_%' OR LOWER(s.url) LIKE 'https://_%'))
                              THEN 0 ELSE 1 END = 1)
                        INSERT INTO approval_guard (violation) VALUES ('no URL, no approval')""");
            st.execute("DROP INDEX story_by_url_hash");
            st.execute("ALTER TABLE story DROP COLUMN url_hash");
            st.execute("DROP TABLE source_credit");
            st.execute("DROP SEQUENCE source_credit_seq RESTRICT");
            st.execute("ALTER TABLE story DROP COLUMN credit_url");
            for (String trigger : List.of("story_agency_as_sent", "story_ed_note_is_kept_as_sent",
                    "story_ed_note_is_kept", "story_ed_note_id_from_its_sequence", "story_ed_note_by_the_member",
                    "approval_not_of_a_withdrawn_item")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("DROP TABLE story_ed_note");
            st.execute("DROP SEQUENCE story_ed_note_seq RESTRICT");
            st.execute("ALTER TABLE story DROP CONSTRAINT story_agency_is_exact");
            st.execute("ALTER TABLE story_version DROP CONSTRAINT version_agency_is_exact");
            for (String column : List.of("format", "urgency", "agency_version", "pub_status", "dateline")) {
                st.execute("ALTER TABLE story DROP COLUMN " + column);
            }
            for (String column : List.of("urgency", "agency_version", "pub_status")) {
                st.execute("ALTER TABLE story_version DROP COLUMN " + column);
            }
            for (String trigger : List.of("source_withdrawal_is_kept_as_seen", "source_withdrawal_is_kept",
                    "source_withdrawal_id_from_its_sequence", "source_withdrawal_by_the_member",
                    "source_withdrawal_by_its_role")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("DROP TABLE source_withdrawal");
            st.execute("DROP SEQUENCE source_withdrawal_seq RESTRICT");
            for (String trigger : List.of("publication_after_the_embargo", "story_timing_is_history",
                    "story_timing_is_kept", "story_timing_id_from_its_sequence", "story_timing_by_the_member",
                    "story_timing_by_its_role", "story_timing_is_chained", "story_timing_advances_chain")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("DROP TABLE story_timing");
            st.execute("DROP TABLE embargo_guard");
            st.execute("DROP FUNCTION chain_timing");
            st.execute("DROP FUNCTION now_ms");
            st.execute("DROP SEQUENCE story_timing_seq RESTRICT");
            for (String trigger : List.of("story_note_is_history", "story_note_is_kept",
                    "story_note_id_from_its_sequence", "story_note_by_the_member", "story_note_by_its_role",
                    "story_note_is_chained", "story_note_advances_chain")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            st.execute("DROP TABLE story_note");
            st.execute("DROP FUNCTION chain_note");
            st.execute("DROP SEQUENCE story_note_seq RESTRICT");
            st.execute("DELETE FROM schema_version WHERE version >= 8");
        }
    }
}
