package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.WorkflowException;

class PublishServiceTest {
    final PublishFixture fx = fixture();

    /** The desk the tests run on: embedded Derby here, PostgreSQL in PostgresPublishServiceTest. */
    PublishFixture fixture() {
        return new PublishFixture();
    }
    private final StoryId id = fx.story("g-1", "Agency: ministers meet <today>",
            "<p>Ministers met on Thursday &amp; agreed “nothing” — the original wording.</p>",
            "https://agency.example/g-1");

    @TempDir
    Path site;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void approve(String house) {
        fx.approve(id, house);
    }

    @Test
    void thePageCarriesTheHouseHeadlineTheBodyAsStoredTheSourceTheUrlAndTheDisclaimer() throws IOException {
        approve("Ministers meet, agree nothing");
        PublishService.Result result = fx.publish.publish(fx.desk.chief, id, site);

        String html = Files.readString(result.page());
        Story story = fx.desk.desk.story(id);
        assertThat(html).contains(PageRenderer.BODY_START + story.body().html() + PageRenderer.BODY_END);
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("[data-wd-headline]").text()).isEqualTo("Ministers meet, agree nothing");
        assertThat(Fingerprint.ofText(page.selectFirst("[data-wd-body]").text())).isEqualTo(story.body().sha256());
        assertThat(page.selectFirst("[data-wd-source]").text()).isEqualTo("Test Agency");
        assertThat(page.selectFirst("[data-wd-url]").attr("href")).isEqualTo("https://agency.example/g-1");
        assertThat(page.selectFirst("time[data-wd-published]").attr("datetime"))
                .isEqualTo(utc(fx.desk.clock.instant()));
        assertThat(page.selectFirst("[data-wd-disclaimer]").text())
                .contains("do not necessarily reflect IFP's opinion").contains("makes no change to the content");
        // the source block stands after the body
        assertThat(html.indexOf("data-wd-source")).isGreaterThan(html.indexOf("data-wd-body"));
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(fx.desk.workflow.publications(id)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Publication.Kind.PUBLISHED);
            assertThat(p.bodySha256()).isEqualTo(story.body().sha256());
            assertThat(p.actor()).isEqualTo("dee");
        });
        assertThat(Files.readString(site.resolve("index.html"))).contains("Ministers meet, agree nothing")
                .contains("just now");
    }

    @Test
    void theDisclaimerIsTheDesksOwnWording() throws IOException {
        fx.desk.settings.setDisclaimer("Our own note: republished unchanged.");
        approve("House");
        String html = Files.readString(fx.publish.publish(fx.desk.chief, id, site).page());
        assertThat(Jsoup.parse(html).selectFirst("[data-wd-disclaimer]").text()).contains("Our own note");
    }

    @Test
    void publishingOneStoryRefusesABodyWhoseFingerprintNoLongerMatchesAndLeavesItApproved() throws Exception {
        approve("House");
        // someone with the database owner's power drops the guard and rewrites the body behind our back
        fx.dropContentGuard();
        fx.sql("UPDATE story SET body_html = '<p>Tampered.</p>' WHERE id = " + id.value());
        assertThatThrownBy(() -> fx.publish.publish(fx.desk.chief, id, site))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("no longer matches the fingerprint");
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.APPROVED);
        assertThat(Files.exists(site.resolve("index.html"))).isFalse();
    }

    @Test
    void onlyADeskChiefPublishes() {
        approve("House");
        assertThatThrownBy(() -> fx.publish.publish(fx.desk.copy, id, site))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("desk chief");
        assertThatThrownBy(() -> fx.publish.publishAllApproved(fx.desk.copy, site))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("desk chief");
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void aCorrectionRewritesTheSamePageSignedWithTheNewHeadlineAndIsRecordedWithItsReason() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish.publish(fx.desk.chief, id, site).page();
        fx.desk.clock.advance(java.time.Duration.ofMinutes(5));
        String correctedAt = utc(fx.desk.clock.instant());
        Path corrected = fx.publish.correct(fx.desk.chief, id, "Ministers meet in Tehran", "place added", site).page();
        assertThat(corrected).isEqualTo(page);
        String html = Files.readString(page);
        assertThat(Jsoup.parse(html).selectFirst("[data-wd-headline]").text()).isEqualTo("Ministers meet in Tehran");
        PageCheck check = new PageVerifier().check(html, fx.keys.current().getPublic());
        assertThat(check.differences()).isEmpty();
        assertThat(check.signature().orElseThrow().fields().headline()).isEqualTo("Ministers meet in Tehran");
        assertThat(check.signature().orElseThrow().fields().publishedAtText()).isEqualTo(correctedAt);
        assertThat(fx.desk.workflow.publications(id)).extracting(Publication::kind)
                .containsExactly(Publication.Kind.PUBLISHED, Publication.Kind.CORRECTED);
    }

    @Test
    void aKillOrCorrectionAimedAtAnotherSiteFolderIsRefusedAndTheStoryStaysPublished() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish.publish(fx.desk.chief, id, site).page();
        Path elsewhere = site.resolveSibling(site.getFileName() + "-elsewhere");
        assertThatThrownBy(() -> fx.publish.kill(fx.desk.chief, id, "legal advice", elsewhere))
                .isInstanceOf(org.wiredesk.story.WorkflowException.class).hasMessageContaining("page is not in");
        assertThatThrownBy(() -> fx.publish.correct(fx.desk.chief, id, "Ministers meet again", "wording", elsewhere))
                .isInstanceOf(org.wiredesk.story.WorkflowException.class);
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(Files.readString(page)).doesNotContain("withdrawn");
        assertThat(Files.exists(elsewhere)).isFalse();
    }

    @Test
    void pagesAreReadableByTheWebServerAccount() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish.publish(fx.desk.chief, id, site).page();
        for (Path file : List.of(page, site.resolve("index.html"), site.resolve("desk-key.pem"))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString()).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aKillReplacesTheRealPageWithTheWithdrawalNoticeAndTheStoryLeavesRecentPosts() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish.publish(fx.desk.chief, id, site).page();
        fx.publish.kill(fx.desk.chief, id, "legal advice", site);
        String html = Files.readString(page);
        assertThat(html).contains("withdrawn").doesNotContain("original wording");
        assertThat(new PageVerifier().isWithdrawalNotice(html, id)).isTrue();
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.KILLED);
        assertThat(fx.publish.recentPosts(6)).isEmpty();
        assertThat(Files.readString(site.resolve("index.html"))).doesNotContain("Ministers meet");
    }

    @Test
    void headlineTextIsEscapedOnThePage() throws IOException {
        approve("Tags <script>alert(1)</script> & more");
        String html = Files.readString(fx.publish.publish(fx.desk.chief, id, site).page());
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(Jsoup.parse(html).selectFirst("[data-wd-headline]").text())
                .isEqualTo("Tags <script>alert(1)</script> & more");
        assertThat(new PageVerifier().check(html, fx.keys.current().getPublic()).verified()).isTrue();
    }

    @Test
    void publishingCorrectingAndKillingEachWriteTheDesksPublicKeyAtTheSiteRoot() throws IOException {
        approve("Ministers meet");
        Path key = site.resolve("desk-key.pem");
        fx.publish.publish(fx.desk.chief, id, site);
        assertThat(Files.readString(key)).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(PemKeys.readPublicKey(key)).isEqualTo(fx.keys.current().getPublic());
        fx.keys.rotate();
        fx.publish.correct(fx.desk.chief, id, "Ministers meet again", "wording", site);
        assertThat(PemKeys.readPublicKey(key)).isEqualTo(fx.keys.current().getPublic());
        Files.delete(key);
        fx.publish.kill(fx.desk.chief, id, "legal advice", site);
        assertThat(PemKeys.readPublicKey(key)).isEqualTo(fx.keys.current().getPublic());
    }

    /** A time as pages show it: UTC, milliseconds. */
    static String utc(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }
}
