package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.QuarantineEntry;
import org.wiredesk.story.Story;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.TimingRepository;

/** NewsML-G2 and ninjs through the real ingest: versions, embargoes, notes to the desk, and bad input. */
class AgencyIngestTest {
    private static final String EIL = "agency/newsml-g2/dpa/eil.xml";
    private static final String EMBARGOED = "agency/newsml-g2/dpa/embargoed.xml";
    private static final String DPA_NINJS = "agency/ninjs/3.0_dpa_text.json";

    @Test
    void aLaterVersionLandsAsASourceVersionAndACancellationMarksTheItemWithdrawn() throws Exception {
        String v1 = corpusText(EIL);
        // dpa's next version of the flash: a changed headline; then the agency cancels it
        String v2 = v1.replace("version=\"1\"", "version=\"2\"")
                .replace("Grünen-Spitze tritt nach Wahlniederlagen ab", "Grünen-Spitze tritt nach Wahlschlappen ab");
        String v3 = v2.replace("version=\"2\"", "version=\"3\"").replace("stat:usable", "stat:canceled")
                .replace("<name>usable</name>", "<name>canceled</name>");
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome first = fx.service.ingest(doc("eil-v1.xml", v1), "test");
            SourceOutcome second = fx.service.ingest(doc("eil-v2.xml", v2), "test");
            assertThat(first.added()).isEqualTo(1);
            assertThat(second.added()).isZero();
            assertThat(second.updatedAtSource()).isEqualTo(1);
            Story story = fx.stories.findAll(Set.of()).get(0);
            assertThat(story.dedupKey()).isEqualTo("urn:newsml:dpa.com:20090101:240925-930-242744");
            assertThat(story.agencyHeadline().text()).isEqualTo("Grünen-Spitze tritt nach Wahlniederlagen ab");
            List<StoryRepository.SourceVersion> versions = fx.stories.sourceVersions(story.id());
            assertThat(versions).singleElement().satisfies(v -> assertThat(v.agencyHeadline().text())
                    .isEqualTo("Grünen-Spitze tritt nach Wahlschlappen ab"));

            assertThat(fx.stories.agency(story.id()).version()).isEqualTo("2");
            assertThat(fx.stories.agency(story.id()).urgency()).isEqualTo(2);
            assertThat(fx.stories.agency(story.id()).withdrawn()).isFalse();

            // the cancellation carries the same text: it is kept all the same, and the store says withdrawn
            SourceOutcome third = fx.service.ingest(doc("eil-v3.xml", v3), "test");
            assertThat(third.added()).isZero();
            assertThat(third.rejected()).isZero();
            assertThat(third.updatedAtSource()).isEqualTo(1);
            assertThat(fx.stories.findAll(Set.of())).hasSize(1);
            assertThat(fx.stories.agency(story.id()).withdrawn()).isTrue();
            assertThat(fx.stories.agency(story.id()).version()).isEqualTo("3");
            assertThat(fx.stories.find(story.id()).orElseThrow().body()).as("the body ingested first stays")
                    .isEqualTo(story.body());
        }
        AgencyMeta usable = only(v2).agency();
        AgencyMeta canceled = only(v3).agency();
        assertThat(usable.version()).isEqualTo("2");
        assertThat(usable.withdrawn()).isFalse();
        assertThat(canceled.version()).isEqualTo("3");
        assertThat(canceled.withdrawn()).isTrue();
        assertThat(only(v3.replace("stat:canceled", "stat:withheld")).agency().withdrawn()).isTrue();
    }

    @Test
    void aNinjsItemIsKnownAgainByItsUriAcrossNinjsVersions() throws IOException {
        try (IngestFixture fx = new IngestFixture()) {
            fx.service.ingest(List.of(Corpus.path("agency/ninjs/2.1_dpa_text.json").toString()), "test", o -> { });
            IngestReport again = fx.service.ingest(List.of(Corpus.path(DPA_NINJS).toString()), "test", o -> { });
            assertThat(again.added()).isZero();
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(fx.stories.findAll(Set.of())).singleElement().satisfies(s -> {
                assertThat(s.dedupKey()).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
                assertThat(s.sourceName()).isEqualTo("dpa");
                assertThat(s.url()).isNull();
                assertThat(s.byline()).isEqualTo("Von Christian Hollmann, dpa");
                assertThat(s.language()).isEqualTo("de");
            });
        }
    }

    @Test
    void dpasEmbargoHoldsTheStoryUntilSevenInTheEvening() {
        Clock beforeEmbargo = Clock.fixed(Instant.parse("2025-01-23T13:20:00Z"), ZoneOffset.UTC);
        try (IngestFixture fx = new IngestFixture()) {
            IngestService service = new IngestService(fx.stories, fx.quarantine, new DocumentLoader(),
                    new StoryGrouper(fx.grouping, beforeEmbargo), beforeEmbargo);
            IngestReport report = service.ingest(List.of(Corpus.path(EMBARGOED).toString()), "test", o -> { });
            assertThat(report.added()).isEqualTo(1);
            Story story = fx.stories.findAll(Set.of()).get(0);
            assertThat(new TimingRepository(fx.database).timing(story.id()).embargo())
                    .contains(Instant.parse("2025-01-23T18:00:00Z"));
        }
    }

    @Test
    void dpasNonPublicNotesAreMarkedNotPublishableAndNoteNorHeaderReachesTheBody() {
        WireItem item = AgencyCorpusTest.readOne(Corpus.path(EMBARGOED));
        AgencyMeta meta = item.agency();
        assertThat(meta.dateline()).isEqualTo("Berlin (dpa) -");
        assertThat(meta.edNotes()).filteredOn(n -> n.text().startsWith("Autor/in: Sabrina Szameitat"))
                .singleElement().satisfies(n -> assertThat(n.publishable()).isFalse());
        assertThat(meta.edNotes()).filteredOn(n -> n.text().equals("dpa sza yybb n1 gth"))
                .singleElement().satisfies(n -> assertThat(n.publishable()).isTrue());
        // the notepad repeats the contacts in its non-public section: the whole note is kept from print
        assertThat(meta.edNotes()).filteredOn(n -> n.text().startsWith("Notizblock"))
                .singleElement().satisfies(n -> assertThat(n.publishable()).isFalse());
        assertThat(meta.edNotes()).filteredOn(n -> n.text().contains("Szameitat.Sabrina@dpa.com"))
                .allSatisfy(n -> assertThat(n.publishable()).isFalse());
        try (IngestFixture fx = new IngestFixture()) {
            fx.service.ingest(List.of(Corpus.path(EMBARGOED).toString()), "test", o -> { });
            String body = fx.stories.findAll(Set.of()).get(0).body().html();
            assertThat(body).doesNotContain("Szameitat", "Bitte beachten Sie die Sperrfrist", "Ausstellungen")
                    .contains("Bundespräsident Frank-Walter Steinmeier hat vor der Zerstörung");
        }
    }

    @Test
    void nitfGivesItsBylineAndTheCopyrightHolderIsTheSource() {
        try (IngestFixture fx = new IngestFixture()) {
            fx.service.ingest(List.of(Corpus.path("agency/newsml-g2/iptc/LISTING_2_NewsML-G2_Text_Document.xml")
                    .toString()), "test", o -> { });
            assertThat(fx.stories.findAll(Set.of())).singleElement().satisfies(s -> {
                assertThat(s.sourceName()).isEqualTo("Acme News and Media LLC");
                assertThat(s.byline()).isEqualTo("By Meredith Jameson, Staff Reporter");
                assertThat(s.language()).isEqualTo("en-US");
                assertThat(s.body().html()).doesNotContain("hedline", "Fed to halt QE");
            });
        }
    }

    @Test
    void agencyFilesAreRecognisedByContentNotByName(@TempDir Path dir) throws IOException {
        Files.copy(Corpus.path(EIL), dir.resolve("flash.txt"));
        Files.copy(Corpus.path(DPA_NINJS), dir.resolve("feed.xml"));
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(dir.toString()), "test", o -> { });
            assertThat(report.outcomes()).extracting(SourceOutcome::kind).containsExactly("ninjs", "newsml-g2");
            assertThat(report.added()).isEqualTo(2);
        }
    }

    @Test
    void aNewsMessageWithATextAndAPictureGivesAStoryAndAQuarantinedPictureWithItsOwnBytes() throws Exception {
        String text = corpusText(EIL);
        String picture = corpusText("agency/newsml-g2/dpa/image.xml");
        String message = text.replace("</itemSet>", itemOf(picture) + "</itemSet>");
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(doc("message.xml", message), "test");
            assertThat(outcome.added()).isEqualTo(1);
            assertThat(outcome.rejected()).isEqualTo(1);
            QuarantineEntry entry = fx.quarantine.open().get(0);
            assertThat(entry.reason()).isEqualTo("not a text item (itemClass ninat:picture)");
            assertThat(entry.origin()).endsWith("#urn:newsml:dpa.com:20090101:250129-99-739668");
            String kept = new String(fx.quarantine.content(entry.id()).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(kept).contains("Caroline Kennedy").doesNotContain("Grünen-Spitze");
        }
    }

    @Test
    void xmlThatIsNotWellFormedIsQuarantinedWithOneSentenceAndItsBytes() throws Exception {
        String broken = corpusText(EIL).replace("</contentMeta>", "");
        assertRefused("broken.xml", broken, "it is not well-formed XML (line ");
    }

    @Test
    void aNinjsArrayIsQuarantinedAsNotAnObject() throws Exception {
        assertRefused("array.json", "[" + corpusText(DPA_NINJS) + "]",
                "a ninjs document is one JSON object, and this one is an array");
    }

    @Test
    void aNinjsItemWithoutHeadlineIsQuarantined() throws Exception {
        ObjectNode item = (ObjectNode) new ObjectMapper().readTree(corpusText(DPA_NINJS));
        item.remove("headlines");
        assertRefused("no-headline.json", item.toString(), "the ninjs item has no headline");
    }

    @Test
    void aNewsItemWithoutBodyIsQuarantined() throws Exception {
        String noBody = corpusText(EIL).replaceAll("(?s)<contentSet>.*</contentSet>", "");
        assertRefused("no-body.xml", noBody, "the NewsML-G2 item has no text body");
    }

    @Test
    void anExternalEntityNeverReadsALocalFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-7f3a");
        String xxe = corpusText(EIL)
                .replace("<newsMessage", "<!DOCTYPE newsMessage [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
                        + "\"> ]>\n<newsMessage")
                .replace("Grünen-Spitze tritt nach Wahlniederlagen ab</headline>", "&xxe;</headline>");
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(doc("xxe.xml", xxe), "test");
            assertThat(outcome.added()).isZero();
            assertThat(fx.stories.findAll(Set.of())).isEmpty();
            assertThat(fx.quarantine.open()).singleElement().satisfies(q -> assertThat(q.reason())
                    .isEqualTo("it declares a DOCTYPE, which the desk does not read in agency XML (it could reach "
                            + "local files)").doesNotContain("SECRET"));
        }
    }

    private static void assertRefused(String name, String content, String reason) {
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(doc(name, content), "test");
            assertThat(outcome.added()).isZero();
            assertThat(outcome.rejected()).isEqualTo(1);
            QuarantineEntry entry = fx.quarantine.open().get(0);
            assertThat(entry.reason()).startsWith(reason).doesNotContain("\n");
            assertThat(fx.quarantine.content(entry.id())).hasValueSatisfying(bytes ->
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(content));
        }
    }

    private static WireItem only(String xml) throws NotIngestibleException {
        List<ReadItem> items = new NewsmlG2Reader().read(doc("item.xml", xml));
        assertThat(items).singleElement().satisfies(i -> assertThat(i.isRefused()).isFalse());
        return items.get(0).item();
    }

    /** A newsItem element of a newsMessage, as text. */
    private static String itemOf(String message) {
        return message.substring(message.indexOf("<newsItem"), message.indexOf("</newsItem>") + 11);
    }

    private static SourceDocument doc(String name, String content) {
        return new SourceDocument(name, null, content.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String corpusText(String relative) throws IOException {
        return Files.readString(Corpus.path(relative));
    }
}
