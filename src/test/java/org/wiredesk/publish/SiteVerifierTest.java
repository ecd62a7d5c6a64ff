package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;

/** The site folder checked against what the store says was published, with the desk's public key only. */
class SiteVerifierTest {
    private final PublishFixture fx = new PublishFixture();
    private final SiteVerifier verifier = new SiteVerifier();

    @TempDir
    Path site;
    private StoryId harbour;
    private StoryId ferries;
    private StoryId quay;
    private PublicKey deskKey;

    @BeforeEach
    void publishASite() {
        harbour = fx.approved("s-1", "Harbour reopens", "<p>The harbour reopened on Tuesday.</p>",
                "https://agency.example/s-1");
        ferries = fx.approved("s-2", "Ferries run again", "<p>The first ferries left on schedule.</p>",
                "https://agency.example/s-2");
        quay = fx.approved("s-3", "Quay repaired", "<p>The quay was repaired overnight.</p>",
                "https://agency.example/s-3");
        fx.publish.publishAllApproved(fx.desk.chief, site);
        fx.desk.clock.advance(Duration.ofMinutes(7));
        fx.publish.correct(fx.desk.chief, harbour, "Harbour reopens after storm", "cause added", site);
        fx.publish.kill(fx.desk.chief, quay, "legal advice", site);
        deskKey = fx.keys.current().getPublic();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<PublishedRecord> records() {
        return List.of(harbour, ferries, quay).stream().map(id -> PublishedRecord.of(
                fx.desk.stories.find(id).orElseThrow(), fx.desk.workflow.publications(id))).toList();
    }

    private Path page(StoryId id) {
        return site.resolve(records().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().page());
    }

    @Test
    void aSiteAsTheDeskPublishedItChecksCleanAndSaysHowManyPagesWereChecked() {
        SiteReport report = verifier.check(records(), site, deskKey);
        assertThat(report.findings()).isEmpty();
        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.verified()).isEqualTo(3);
        assertThat(report.lines()).containsExactly("3 pages checked, 3 verified, 0 problems");
    }

    @Test
    void theSiteStillChecksCleanAfterTenMorePublicationsRewroteEveryPagesRecentPosts() throws Exception {
        List<StoryId> more = new java.util.ArrayList<>();
        for (int i = 4; i <= 13; i++) {
            fx.desk.clock.advance(Duration.ofMinutes(3));
            StoryId id = fx.approved("s-" + i, "Wire story " + i, "<p>Story " + i + " as the agency sent it.</p>",
                    "https://agency.example/s-" + i);
            fx.publish.publish(fx.desk.chief, id, site);
            more.add(id);
        }
        List<PublishedRecord> all = new java.util.ArrayList<>(records());
        more.forEach(id -> all.add(PublishedRecord.of(fx.desk.stories.find(id).orElseThrow(),
                fx.desk.workflow.publications(id))));
        SiteReport report = verifier.check(all, site, deskKey);
        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isEqualTo(13);
        // the first page, published before all ten, now lists the newest of them first
        String newest = all.get(all.size() - 1).page();
        assertThat(org.jsoup.Jsoup.parse(Files.readString(page(ferries))).selectFirst("aside li a").attr("href"))
                .isEqualTo("../" + newest);
    }

    @Test
    void aMissingPageIsReported() throws Exception {
        Files.delete(page(ferries));
        assertThat(verifier.check(records(), site, deskKey).lines()).containsExactly(
                "story " + ferries + " (stories/" + ferries + "-ferries-run-again.html): its page is missing",
                "3 pages checked, 2 verified, 1 problem");
    }

    @Test
    void anUnsignedPageIsReported() throws Exception {
        Files.writeString(page(ferries), "<html><head><title>Ferries run again</title></head><body></body></html>");
        assertThat(verifier.check(records(), site, deskKey).findings()).extracting(SiteReport.Finding::problem)
                .containsExactly("the page is not signed");
    }

    @Test
    void aPageSignedByAnotherKeyIsReported() {
        SiteReport report = verifier.check(records(), site, DeskKeys.generate().getPublic());
        assertThat(report.findings()).extracting(SiteReport.Finding::problem)
                .filteredOn(p -> p.startsWith("the signature does not match the desk's key")).hasSize(2);
        assertThat(report.findings()).extracting(SiteReport.Finding::problem)
                .contains("the key the site publishes is not one of the desk's keys");
    }

    @Test
    void pagesSignedBeforeAKeyRotationStillVerifyWithTheEarlierKey() {
        PublicKey before = deskKey;
        fx.keys.rotate();
        StoryId pier = fx.approved("s-4", "Pier opens", "<p>The pier opened.</p>", "https://agency.example/s-4");
        fx.publish.publish(fx.desk.chief, pier, site);
        List<PublishedRecord> records = new java.util.ArrayList<>(records());
        records.add(PublishedRecord.of(fx.desk.stories.find(pier).orElseThrow(), fx.desk.workflow.publications(pier)));
        assertThat(verifier.check(records, site, List.of(fx.keys.current().getPublic(), before)).findings()).isEmpty();
    }

    @Test
    void signedFieldsThatDifferFromTheStoresRecordAreNamed() {
        PublishedRecord r = records().get(0);
        PublishedRecord other = new PublishedRecord(r.id(), r.firstHeadline(), "Harbour stays shut", "f".repeat(64),
                r.bodyHtmlSha256(), r.url(), r.publishedAt().plusSeconds(1), false);
        assertThat(verifier.check(List.of(other), site, deskKey).findings())
                .filteredOn(f -> r.id().equals(f.id())).extracting(SiteReport.Finding::problem)
                .containsExactly("the page's signed headline, body, time differ from what the store says was published");
        PublishedRecord url = new PublishedRecord(r.id(), r.firstHeadline(), r.headline(), r.bodySha256(),
                r.bodyHtmlSha256(), "https://agency.example/elsewhere", r.publishedAt(), false);
        assertThat(verifier.check(List.of(url), site, deskKey).findings())
                .filteredOn(f -> r.id().equals(f.id())).extracting(SiteReport.Finding::problem)
                .containsExactly("the page's signed url differs from what the store says was published");
    }

    @Test
    void aKilledStoryWhosePageIsNotTheWithdrawalNoticeIsReported() throws Exception {
        Files.copy(page(ferries), page(quay), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(verifier.check(records(), site, deskKey).findings()).extracting(SiteReport.Finding::line)
                .containsExactly("story " + quay + " (stories/" + quay + "-quay-repaired.html): it was killed, but its "
                        + "page is not the withdrawal notice");
    }

    @Test
    void aPageNoRecordAccountsForIsReported() throws Exception {
        Files.copy(page(ferries), site.resolve("stories/99-ferries-sink.html"));
        assertThat(verifier.check(records(), site, deskKey).findings()).extracting(SiteReport.Finding::line)
                .containsExactly("(stories/99-ferries-sink.html): a page no publication record accounts for");
    }

    @Test
    void aTamperedBodyOnTheSiteIsReportedInOneSentenceEach() throws Exception {
        String html = Files.readString(page(ferries));
        Files.writeString(page(ferries), html.replace("on schedule.</p>", "on schedule.</p><p>Buy now.</p>"));
        assertThat(verifier.check(records(), site, deskKey).findings()).extracting(SiteReport.Finding::problem)
                .containsExactly("the body's text differs from the signed fingerprint",
                        "the body's markup differs from what was signed");
    }
}
