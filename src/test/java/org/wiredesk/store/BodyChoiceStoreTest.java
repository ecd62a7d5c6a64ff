package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;

/**
 * The article's extent chosen from the original's own blocks, in the store (issue 11, point 6; ADR 32): a copy
 * editor's choice is recorded and becomes the body; as an attacker with a plain JDBC client (each member and the
 * owner) nobody changes a body any other way, forges a choice, or rewrites one. On Derby; {@code PgBodyChoiceStoreTest}
 * runs every test again on PostgreSQL.
 */
class BodyChoiceStoreTest {
    static final String PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Budget</title></head><body>"
            + "<h1>Parliament passes the budget</h1>"
            + "<p>Parliament passed the budget on Tuesday after a long night of debate.</p>"
            + "<figure><img src=\"a.jpg\"><figcaption>Photo: the chamber at dawn (Agency)</figcaption></figure>"
            + "<p>ADVERTISING</p>"
            + "<p>The opposition said it would challenge the vote &amp; the schedule in court.</p>"
            + "<p>Read more: the budget in numbers</p>"
            + "</body></html>";
    /** What ingest made of it: the first paragraph, the caption, the ad label and the second paragraph. */
    static final String INGESTED = "<p>Parliament passed the budget on Tuesday after a long night of debate.</p>"
            + "<p>Photo: the chamber at dawn (Agency)</p><p>ADVERTISING</p>"
            + "<p>The opposition said it would challenge the vote &amp; the schedule in court.</p>";

    DeskFixture desk;
    BodyChoiceRepository choices;
    StoryId id;
    List<String> blocks;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        choices = new BodyChoiceRepository(desk.as(desk.copy).database());
        byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
        blocks = new ArchivedOriginal(bytes, "text/html; charset=utf-8", URI.create("https://agency.example/budget"),
                "page").blocks();
        id = storePage("budget", bytes);
        claim(desk.copy.username(), id);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void theOriginalListsItsOwnBlocks() {
        assertThat(blocks).containsExactly("Parliament passes the budget",
                "Parliament passed the budget on Tuesday after a long night of debate.",
                "Photo: the chamber at dawn (Agency)", "ADVERTISING",
                "The opposition said it would challenge the vote & the schedule in court.",
                "Read more: the budget in numbers");
    }

    @Test
    void aCopyEditorsChoiceIsRecordedAndBecomesTheBody() {
        Story before = desk.stories.find(id).orElseThrow();
        BlockChoice choice = choice(1, 4);

        choices.choose(id, fetchOf(id), choice, before.body(), desk.clock.instant());

        Story after = desk.stories.find(id).orElseThrow();
        assertThat(after.body().html()).isEqualTo("<p>Parliament passed the budget on Tuesday after a long night of "
                + "debate.</p><p>The opposition said it would challenge the vote &amp; the schedule in court.</p>");
        assertThat(after.body().sha256()).isEqualTo(Fingerprint.ofText(org.wiredesk.ingest.BodyText.of(
                after.body().html())));
        assertThat(after.body().htmlSha256()).isEqualTo(Fingerprint.ofHtml(after.body().html()));
        BodyChoiceRepository.Choice recorded = choices.latest(id).orElseThrow();
        assertThat(recorded.indexes()).containsExactly(1, 4);
        assertThat(recorded.prior()).isEqualTo(before.body());
        assertThat(recorded.body()).isEqualTo(after.body());
        assertThat(recorded.chosenBy()).isEqualTo("cora");
        assertThat(recorded.fetchId()).isEqualTo(fetchOf(id));
        assertThat(recorded.blocksSha256()).isEqualTo(choice.blocksSha256());
        // the item polled again as ingest made it is the same story unchanged, not a new source version
        assertThat(storeAgain("budget").outcome()).isEqualTo(StoryRepository.Outcome.DUPLICATE);
    }

    @Test
    void theBodyMadeOfBlocksIsWhatTheSanitizerKeepsAndItsTextIsTheBlocks() {
        BlockChoice choice = choice(1, 4);
        assertThat(new org.wiredesk.ingest.HtmlSanitizer().sanitize(choice.html(), "")).isEqualTo(choice.html());
        assertThat(org.wiredesk.ingest.BodyText.paragraphs(choice.html())).isEqualTo(choice.texts());
    }

    @Test
    void aChoiceNeedsACopyEditorHoldingTheClaimBeforeSubmission() {
        Body body = desk.stories.find(id).orElseThrow().body();
        // an editor is not a copy editor
        BodyChoiceRepository asEditor = new BodyChoiceRepository(desk.as(desk.editor).database());
        assertThatThrownBy(() -> asEditor.choose(id, fetchOf(id), choice(1), body, desk.clock.instant()))
                .isInstanceOf(StoreException.class);
        // a copy editor without the claim
        StoryId other = storePage("other", (PAGE + " ").getBytes(StandardCharsets.UTF_8));
        claim(desk.everyone.username(), other);
        Body otherBody = desk.stories.find(other).orElseThrow().body();
        assertThatThrownBy(() -> choices.choose(other, fetchOf(other), choice(1), otherBody, desk.clock.instant()))
                .isInstanceOf(StoreException.class);
        // from another story's original
        assertThatThrownBy(() -> choices.choose(id, fetchOf(other), choice(1), body, desk.clock.instant()))
                .isInstanceOf(StoreException.class);
        assertThat(desk.stories.find(id).orElseThrow().body()).isEqualTo(body);
        assertThat(choices.of(id)).isEmpty();
    }

    @Test
    void noChoiceOnceTheStoryIsSubmitted() {
        var copy = desk.desk(desk.copy);
        copy.submit(desk.copy, id, "Budget passes", null);
        Body body = desk.stories.find(id).orElseThrow().body();
        assertThatThrownBy(() -> choices.choose(id, fetchOf(id), choice(1), body, desk.clock.instant()))
                .isInstanceOf(StoreException.class);
        assertThat(desk.stories.find(id).orElseThrow().body().html()).isEqualTo(INGESTED);
    }

    @Test
    void theServiceSaysWhatWasDroppedAndAddedAgainstIngestsBody() {
        BlockChoices service = new BlockChoices(desk.as(desk.copy).stories(), desk.desk(desk.copy), desk.clock);
        assertThat(service.blocks(id).inBody()).containsExactly(1, 2, 3, 4);

        service.choose(desk.copy, id, List.of(0, 1, 4));

        assertThat(service.blocks(id).inBody()).containsExactly(0, 1, 4);
        BlockChoices.Change change = service.change(id);
        assertThat(change.dropped()).extracting(BlockChoices.Block::text)
                .containsExactly("Photo: the chamber at dawn (Agency)", "ADVERTISING");
        assertThat(change.added()).extracting(BlockChoices.Block::text).containsExactly("Parliament passes the budget");
        assertThat(change.notInOriginal()).isEmpty();
        assertThat(change.chosenBy()).isEqualTo("cora");
        assertThat(service.ingestBody(id).html()).isEqualTo(INGESTED);
    }

    @Test
    void noMemberAndNotTheOwnerChangesABodyExceptByAChoiceOrRewritesAChoice() throws SQLException {
        Body ingested = desk.stories.find(id).orElseThrow().body();
        choices.choose(id, fetchOf(id), choice(1, 4), ingested, desk.clock.instant());
        Body chosen = desk.stories.find(id).orElseThrow().body();
        String forged = "<p>Parliament rejected the budget.</p>";
        for (String member : new String[] {"ed", "cora", "dee", "solo"}) {
            try (Connection c = PlainMember.connect(desk, member)) {
                attack(c, "desk.", forged, ingested);
            }
        }
        try (Connection owner = desk.testDesk.owner().connect()) {
            attack(owner, "desk.", forged, ingested);
        }
        assertThat(desk.stories.find(id).orElseThrow().body()).isEqualTo(chosen);
        assertThat(choices.of(id)).hasSize(1);
    }

    private void attack(Connection c, String schema, String forged, Body ingested) {
        String story = schema + "story";
        String sha = Fingerprint.ofText("Parliament rejected the budget.");
        String htmlSha = Fingerprint.ofHtml(forged);
        PlainMember.refused(c, "UPDATE " + story + " SET body_html = '" + forged + "', body_sha256 = '" + sha
                + "', body_html_sha256 = '" + htmlSha + "' WHERE id = " + id.value());
        PlainMember.refused(c, "UPDATE " + story + " SET body_html = body_html WHERE id = " + id.value());
        // back to the body ingest made, by hand
        PlainMember.refused(c, "UPDATE " + story + " SET body_html = '" + ingested.html().replace("'", "''")
                + "', body_sha256 = '" + ingested.sha256() + "', body_html_sha256 = '" + ingested.htmlSha256()
                + "' WHERE id = " + id.value());
        PlainMember.refused(c, "UPDATE " + schema + "body_choice SET body_html = '" + forged + "'");
        PlainMember.refused(c, "UPDATE " + schema + "body_choice SET block_indexes = '1'");
        PlainMember.refused(c, "DELETE FROM " + schema + "body_choice");
    }

    @Test
    void aForgedChoiceIsRefusedOrShownNotToStandInTheOriginal() throws SQLException {
        Body ingested = desk.stories.find(id).orElseThrow().body();
        BlockChoice honest = choice(1, 4);
        // words that are not the original's, under the indexes of two of its blocks
        BlockChoice forged = new BlockChoice(List.of(1, 4), List.of("Parliament rejected the budget.",
                "The opposition said it would challenge the vote & the schedule in court."));
        try (Connection c = PlainMember.connect(desk, "cora")) {
            c.setAutoCommit(false);
            if (desk.database.isPostgres()) {
                // the body must be the texts given: other HTML is refused
                assertRefused(c, chooseCall(forged.indexesText(), honest.texts(), forged, ingested));
                c.rollback();
                // PostgreSQL cannot read the gzip: words not in the original are taken, and shown (below)
                try (var st = c.createStatement()) {
                    st.execute(chooseCall(forged.indexesText(), forged.texts(), forged, ingested));
                }
                c.commit();
            } else {
                // a row whose body is not the blocks at its indexes, every hash consistent
                assertRefused(c, insertChoice(forged, ingested));
                c.rollback();
                // the honest blocks under other indexes
                BlockChoice shifted = new BlockChoice(List.of(2, 4), honest.texts());
                assertRefused(c, insertChoice(shifted, ingested));
                c.rollback();
                // the control: the honest row by plain JDBC is taken, and the body follows it
                try (var st = c.createStatement()) {
                    st.execute(insertChoice(honest, ingested));
                    st.execute("UPDATE desk.story SET body_html = '" + honest.html().replace("'", "''")
                            + "', body_sha256 = '" + honest.bodySha256() + "', body_html_sha256 = '"
                            + Fingerprint.ofHtml(honest.html()) + "' WHERE id = " + id.value());
                }
                c.rollback();
            }
        }
        if (desk.database.isPostgres()) {
            BlockChoices service = new BlockChoices(desk.as(desk.copy).stories(), desk.desk(desk.copy),
                    desk.clock);
            assertThat(service.change(id).notInOriginal()).containsExactly("Parliament rejected the budget.");
        } else {
            assertThat(desk.stories.find(id).orElseThrow().body()).isEqualTo(ingested);
            assertThat(choices.of(id)).isEmpty();
        }
    }

    private String chooseCall(String indexes, List<String> texts, BlockChoice made, Body seen) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < texts.size(); i++) {
            array.append(i == 0 ? "" : ", ").append("'").append(texts.get(i).replace("'", "''")).append("'");
        }
        array.append("]::text[]");
        return "SELECT desk.choose_blocks(" + id.value() + ", " + fetchOf(id) + ", '" + indexes + "', " + array
                + ", '" + made.blocksSha256() + "', '" + seen.sha256() + "', '" + seen.htmlSha256() + "', '"
                + made.html().replace("'", "''") + "', '" + made.bodySha256() + "')";
    }

    private String insertChoice(BlockChoice made, Body prior) {
        return "INSERT INTO desk.body_choice (id, story_id, source_fetch_id, block_indexes, blocks_sha256, "
                + "prior_body_html, prior_body_sha256, prior_body_html_sha256, body_html, body_sha256, body_html_sha256, "
                + "chosen_by, chosen_ms) VALUES (NEXT VALUE FOR desk.body_choice_seq, " + id.value() + ", "
                + fetchOf(id) + ", '" + made.indexesText() + "', '" + made.blocksSha256() + "', '"
                + prior.html().replace("'", "''") + "', '" + prior.sha256() + "', '" + prior.htmlSha256() + "', '"
                + made.html().replace("'", "''") + "', '" + made.bodySha256() + "', '"
                + Fingerprint.ofHtml(made.html()) + "', 'cora', 0)";
    }

    private static void assertRefused(Connection c, String sql) {
        PlainMember.refused(c, sql);
    }

    BlockChoice choice(int... indexes) {
        List<Integer> list = java.util.Arrays.stream(indexes).boxed().toList();
        return new BlockChoice(list, list.stream().map(blocks::get).toList());
    }

    long fetchOf(StoryId story) {
        return desk.stories.originals().ofStory(story).orElseThrow().fetchId();
    }

    void claim(String member, StoryId story) {
        assertThat(new EditingRepository(desk.testDesk.as(member)).claim(story, member, desk.clock.instant(), null))
                .isTrue();
    }

    StoryId storePage(String key, byte[] bytes) {
        return desk.as(desk.editor).stories().store(newStory(key), "ed", new Original("page",
                "https://agency.example/" + key, URI.create("https://agency.example/" + key),
                "text/html; charset=utf-8", "utf-8 (from the HTTP header)", Instant.parse("2026-11-26T11:59:00Z"),
                bytes), "article extractor @ingest-test").id();
    }

    StoryRepository.Stored storeAgain(String key) {
        return desk.as(desk.editor).stories().store(newStory(key), "ed", null, null);
    }

    private NewStory newStory(String key) {
        return new NewStory(key, "Agency", URI.create("https://agency.example/" + key),
                new Headline("Parliament passes the budget"),
                org.wiredesk.ingest.BodyText.bodyOf(INGESTED), null, "en", null, desk.clock.instant());
    }

    int count(String table) throws SQLException {
        try (Connection c = desk.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
