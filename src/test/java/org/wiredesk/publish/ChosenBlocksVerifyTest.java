package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Body;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.CreditRepository;
import org.wiredesk.store.Database;
import org.wiredesk.store.DeskKeyRepository;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;
import org.wiredesk.workflow.FloodPage;

/**
 * {@code verify} on bodies chosen from their original's blocks (issue 11, point 6; ADR 32), a page ingested through
 * the real path, chosen, approved and published: an honest choice holds, counted; on PostgreSQL, where the database
 * cannot read the archived gzip, words a member sent to {@code choose_blocks} that are not the original's are named.
 * On Derby; {@code PgChosenBlocksVerifyTest} runs every test again on PostgreSQL.
 */
class ChosenBlocksVerifyTest {
    @TempDir
    Path site;

    DeskFixture desk;
    StoryId id;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void ingestThePage() {
        desk = fixture();
        id = FloodPage.ingest(desk).id();
        desk.desk(desk.copy).claim(desk.copy, id);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private void approveAndPublish() {
        desk.desk(desk.copy).submit(desk.copy, id, "Calder river floods lower town", null);
        desk.desk(desk.chief).approve(desk.chief, id);
        desk.publish(desk.chief).publish(desk.chief, id, site);
    }

    @Test
    void anHonestChoiceIsProvenBlockByBlockAndCounted() {
        new BlockChoices(desk.as(desk.copy).stories(), desk.desk(desk.copy), desk.clock)
                .choose(desk.copy, id, List.of(1, 3));
        approveAndPublish();

        DeskVerifier.Report report = verifier().verify(site);

        assertThat(report.breaks()).isEmpty();
        assertThat(report.checked()).anyMatch(line -> line.startsWith("1 published body against their archived "
                + "originals (0 derived again exactly by the build that made them, 0 word for word, 1 chosen from the "
                + "original's blocks, each block word for word)"));
    }

    @Test
    void wordsThatAreNotTheOriginalsAreNamed() throws Exception {
        Body ingested = desk.stories.find(id).orElseThrow().body();
        BlockChoice forged = new BlockChoice(List.of(1, 3), List.of("The mayor resigned on Thursday night.",
                "Rescue teams worked through the night with boats borrowed from the rowing club, and the water had "
                        + "begun to fall by midday on Friday, according to the fire service."));
        long fetch = desk.stories.originals().ofStory(id).orElseThrow().fetchId();
        if (desk.database.isPostgres()) {
            // PostgreSQL takes the texts a copy editor's client sends (it cannot read the gzip)
            try (Connection c = java.sql.DriverManager.getConnection(desk.testDesk.postgresUrl(), "cora",
                    new String(org.wiredesk.store.TestDesk.password("cora")));
                 Statement st = c.createStatement()) {
                st.execute("SELECT desk.choose_blocks(" + id.value() + ", " + fetch + ", '1,3', ARRAY['"
                        + forged.texts().get(0) + "', '" + forged.texts().get(1) + "']::text[], '"
                        + forged.blocksSha256() + "', '" + ingested.sha256() + "', '" + ingested.htmlSha256()
                        + "', '" + forged.html() + "', '" + forged.bodySha256() + "')");
            }
        } else {
            // Derby refuses it: the owner drops the guard that lists the blocks again, as an attacker with the
            // owner's password could
            try (Connection c = desk.testDesk.owner().connect(); Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER body_choice_is_the_originals_blocks");
            }
            new org.wiredesk.store.BodyChoiceRepository(desk.as(desk.copy).database())
                    .choose(id, fetch, forged, ingested, desk.clock.instant());
        }
        approveAndPublish();

        DeskVerifier.Report report = verifier().verify(site);

        assertThat(report.breaks()).contains("story " + id + "'s published body, chosen from blocks 2 of its original, "
                + "holds block 1 «The mayor resigned on Thursday night.», which does not stand word for word in the "
                + "archived original " + desk.stories.originals().ofStory(id).orElseThrow().sha256().substring(0, 12)
                + "…");
    }

    private DeskVerifier verifier() {
        Database db = desk.database;
        return new DeskVerifier(new StoryRepository(db), new WorkflowRepository(db), new HistoryAudit(db),
                new DeskKeyRepository(db), new CreditRepository(db));
    }
}
