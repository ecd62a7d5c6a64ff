package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.Corpus;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.workflow.DeskService;
import org.wiredesk.story.StoryId;

/** A published page checked with nothing but the desk's public key, as a reader of the site would. */
class PageVerifierTest {
    private final PublishFixture fx = new PublishFixture();
    private final PageVerifier verifier = new PageVerifier();

    @TempDir
    Path site;
    private String page;

    @BeforeEach
    void publishOnePage() throws IOException {
        StoryId id = fx.approved("v-1", "Ministers meet in Tehran", """
                <p>Ministers met on Thursday and agreed nothing, the agency said.</p>
                <p>Read <a href="https://agency.example/report">the full report</a> here.</p>""",
                "https://agency.example/v-1");
        page = Files.readString(fx.publish.publish(fx.desk.chief, id, site).page());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<String> differencesAfter(String from, String to) {
        assertThat(page).contains(from);
        return verifier.check(page.replace(from, to), PemKeys.readPublicKey(site.resolve("desk-key.pem")))
                .differences();
    }

    /** Replaces text inside the inserted body only. */
    private List<String> differencesAfterBodyChange(String from, String to) {
        String body = PageRenderer.insertedBody(page).orElseThrow();
        assertThat(body).contains(from);
        return differencesAfter(PageRenderer.BODY_START + body, PageRenderer.BODY_START + body.replace(from, to));
    }

    @Test
    void aPublishedPageVerifiesWithTheKeyTheSitePublishes() {
        PageCheck check = verifier.check(page, PemKeys.readPublicKey(site.resolve("desk-key.pem")));
        assertThat(check.differences()).isEmpty();
        assertThat(check.verified()).isTrue();
        assertThat(check.signature().orElseThrow().fields().headline()).isEqualTo("Ministers meet in Tehran");
    }

    @Test
    void oneChangedCharacterInTheBodyTextIsFound() {
        assertThat(differencesAfterBodyChange("Thursday", "Thursdax"))
                .contains("the body's text differs from the signed fingerprint")
                .contains("the body's markup differs from what was signed");
    }

    @Test
    void oneChangedCharacterInALinkInTheBodyIsFoundThoughTheTextIsTheSame() {
        assertThat(differencesAfterBodyChange("https://agency.example/report", "https://agency.example/repors"))
                .containsExactly("the body's markup differs from what was signed");
    }

    @Test
    void aScriptAddedInsideTheBodyElementButOutsideTheMarkersIsFound() {
        assertThat(differencesAfter(PageRenderer.BODY_END + "</div>",
                PageRenderer.BODY_END + "<script>steal()</script></div>"))
                .containsExactly("the body's markup is not between its markers, so it cannot be checked");
    }

    @Test
    void oneChangedCharacterInTheHeadlineShownIsFound() {
        assertThat(differencesAfter(">Ministers meet in Tehran</h1>", ">Ministers meet in Tehrax</h1>"))
                .containsExactly("the headline shown differs from the signed headline");
        assertThat(differencesAfter("<title>Ministers meet in Tehran", "<title>Ministers meet in Tehrax"))
                .containsExactly("the headline shown differs from the signed headline");
    }

    @Test
    void aHeadlineChangedInTheSignedFieldsAndOnThePageBreaksTheSignature() {
        assertThat(differencesAfter("Ministers meet in Tehran", "Ministers meet in Tehrax"))
                .containsExactly("the signature does not match the desk's key");
    }

    @Test
    void oneChangedCharacterInTheSourceUrlShownIsFound() {
        assertThat(differencesAfter("href=\"https://agency.example/v-1\" rel", "href=\"https://agency.example/v-2\" rel"))
                .containsExactly("the source URL shown differs from the signed one");
        assertThat(differencesAfter(">https://agency.example/v-1</a>", ">https://agency.example/v-2</a>"))
                .containsExactly("the source URL shown differs from the signed one");
    }

    @Test
    void oneChangedCharacterInThePublicationTimeShownIsFound() {
        assertThat(differencesAfter("datetime=\"2026-11-26T12:00:00.000Z\">", "datetime=\"2026-11-26T12:00:01.000Z\">"))
                .containsExactly("the publication time shown differs from the signed one");
        assertThat(differencesAfter(">26 November 2026, 12:00 UTC<", ">26 November 2026, 12:01 UTC<"))
                .containsExactly("the publication time shown differs from the signed one");
    }

    @Test
    void aPageCheckedWithAnotherKeyIsRefused() {
        PageCheck check = verifier.check(page, DeskKeys.generate().getPublic());
        assertThat(check.verified()).isFalse();
        assertThat(check.differences()).singleElement().asString()
                .startsWith("the signature does not match the desk's key (the page names key "
                        + DeskKeys.keyId(fx.keys.current().getPublic()));
    }

    @Test
    void aPageForgedAndSignedConsistentlyWithAnotherKeyIsRefused() {
        PageSignature genuine = verifier.check(page, fx.keys.current().getPublic()).signature().orElseThrow();
        PageFields f = genuine.fields();
        java.security.KeyPair forger = DeskKeys.generate();
        PageSignature forged = PageSignature.sign(new PageFields(f.id(), "Ministers agree on everything",
                f.bodySha256(), f.bodyHtmlSha256(), f.url(), f.publishedAt()), forger);
        String forgedPage = page.replace(f.headline(), "Ministers agree on everything")
                .replace(genuine.keyId(), forged.keyId()).replace(genuine.signatureBase64(), forged.signatureBase64());
        assertThat(verifier.check(forgedPage, forger.getPublic()).verified()).isTrue();
        PageCheck check = verifier.check(forgedPage, PemKeys.readPublicKey(site.resolve("desk-key.pem")));
        assertThat(check.verified()).isFalse();
        assertThat(check.differences()).singleElement().asString()
                .startsWith("the signature does not match the desk's key (the page names key " + forged.keyId());
    }

    @Test
    void aPageWithoutASignatureIsReportedAsNotSigned() {
        assertThat(verifier.check("<html><head><title>x</title></head><body><p>x</p></body></html>",
                fx.keys.current().getPublic()).differences()).containsExactly("the page is not signed");
    }

    @Test
    void aRepeatedSignedFieldIsRefused() {
        String twice = page.replace("<meta name=\"wd-url\"", "<meta name=\"wd-url\" content=\"x\">\n<meta name=\"wd-url\"");
        assertThat(verifier.check(twice, fx.keys.current().getPublic()).differences())
                .containsExactly("the page carries 2 wd-url fields where a signed page carries one");
    }

    @Test
    void pagesOfRealIngestedArticlesVerifyAndGiveBackTheStoredBodyByteForByte() throws IOException {
        try (Stream<Path> pages = Files.list(Corpus.path("readability/pages"))) {
            List<String> sources = pages.map(p -> p.resolve("source.html")).filter(Files::isRegularFile)
                    .map(Path::toString).sorted().limit(16).toList();
            fx.desk.ingest.ingest(sources, "test", o -> { });
        }
        List<Story> ingested = fx.desk.stories.findAll(Set.of(Status.NEW));
        for (Story story : ingested) {
            String house = "Desk: " + story.agencyHeadline().text();
            // a long agency headline breaks house style: its submission says why it runs anyway
            String reason = fx.desk.desk.styleErrors(house).isEmpty() ? null : "The agency's headline, as sent";
            fx.desk.desk(fx.desk.copy).submit(fx.desk.copy, story.id(), house, null, reason, java.util.List.of());
            // a page saved without its address has no source URL to end with: it cannot be approved
            if (fx.desk.desk.cannotApproveBecause(story).isEmpty()) {
                fx.desk.desk(fx.desk.chief).approve(fx.desk.chief, story.id());
            }
        }
        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(run.held()).isEmpty();
        assertThat(run.published()).hasSizeGreaterThan(5);
        for (PublishService.Result result : run.published()) {
            String html = Files.readString(result.page());
            assertThat(verifier.check(html, fx.keys.current().getPublic()).differences()).as(result.page().toString())
                    .isEmpty();
            assertThat(PageRenderer.insertedBody(html)).contains(fx.desk.stories.find(result.id()).orElseThrow()
                    .body().html());
        }
    }
}
