package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
import org.wiredesk.workflow.DeskFixture;

class PublishServiceTest {
    private final DeskFixture fx = new DeskFixture();
    private final StoryId id = fx.story("g-1", "Agency: ministers meet <today>",
            "Ministers met on Thursday & agreed “nothing” — the original wording.");

    @TempDir
    Path site;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void approve(String house) {
        fx.desk(fx.copy).submit(fx.copy, id, house, null);
        fx.desk(fx.chief).approve(fx.chief, id);
    }

    @Test
    void thePageCarriesTheHouseHeadlineTheBodyAsStoredTheSourceTheUrlAndTheDisclaimer() throws IOException {
        approve("Ministers meet, agree nothing");
        PublishService.Result result = fx.publish(fx.chief).publish(fx.chief, id, site);

        String html = Files.readString(result.page());
        Story story = fx.desk.story(id);
        assertThat(html).contains(story.body().html());
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("[data-wd-headline]").text()).isEqualTo("Ministers meet, agree nothing");
        assertThat(Fingerprint.ofText(page.selectFirst("[data-wd-body]").text())).isEqualTo(story.body().sha256());
        assertThat(page.selectFirst("[data-wd-source]").text()).isEqualTo("Test Agency");
        assertThat(page.selectFirst("[data-wd-url]").attr("href")).isEqualTo("https://agency.example/g-1");
        assertThat(page.selectFirst("[data-wd-disclaimer]").text())
                .contains("do not necessarily reflect our opinion").contains("make no change to the content");
        // the source block stands after the body
        assertThat(html.indexOf("data-wd-source")).isGreaterThan(html.indexOf("data-wd-body"));
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(fx.workflow.publications(id)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Publication.Kind.PUBLISHED);
            assertThat(p.bodySha256()).isEqualTo(story.body().sha256());
            assertThat(p.actor()).isEqualTo("dee");
        });
        assertThat(Files.readString(site.resolve("index.html"))).contains("Ministers meet, agree nothing")
                .contains("just now");
    }

    @Test
    void theDisclaimerIsTheDesksOwnWording() throws IOException {
        fx.settings.setDisclaimer("Our own note: republished unchanged.");
        approve("House");
        String html = Files.readString(fx.publish(fx.chief).publish(fx.chief, id, site).page());
        assertThat(Jsoup.parse(html).selectFirst("[data-wd-disclaimer]").text()).contains("Our own note");
    }

    @Test
    void publishingRefusesABodyWhoseFingerprintNoLongerMatches() throws Exception {
        approve("House");
        // someone with the database owner's power drops the guard and rewrites the body behind our back
        try (Connection c = fx.database.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER story_content_is_immutable");
            st.executeUpdate("UPDATE story SET body_html = '<p>Tampered.</p>' WHERE id = " + id.value());
        }
        assertThatThrownBy(() -> fx.publish(fx.chief).publish(fx.chief, id, site))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("no longer matches the fingerprint");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.APPROVED);
        assertThat(Files.exists(site.resolve("index.html"))).isFalse();
    }

    @Test
    void onlyADeskChiefPublishes() {
        approve("House");
        assertThatThrownBy(() -> fx.publish(fx.copy).publish(fx.copy, id, site))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("desk chief");
    }

    @Test
    void aCorrectionRewritesTheSamePageAndIsRecordedWithItsReason() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish(fx.chief).publish(fx.chief, id, site).page();
        Path corrected = fx.publish(fx.chief).correct(fx.chief, id, "Ministers meet in Tehran", "place added", site).page();
        assertThat(corrected).isEqualTo(page);
        assertThat(Jsoup.parse(Files.readString(page)).selectFirst("[data-wd-headline]").text())
                .isEqualTo("Ministers meet in Tehran");
        assertThat(fx.workflow.publications(id)).extracting(Publication::kind)
                .containsExactly(Publication.Kind.PUBLISHED, Publication.Kind.CORRECTED);
    }

    @Test
    void aKillWithdrawsThePageAndTheStoryLeavesRecentPosts() throws IOException {
        approve("Ministers meet");
        Path page = fx.publish(fx.chief).publish(fx.chief, id, site).page();
        fx.publish(fx.chief).kill(fx.chief, id, "legal advice", site);
        assertThat(Files.readString(page)).contains("withdrawn").doesNotContain("original wording");
        assertThat(fx.desk.story(id).status()).isEqualTo(Status.KILLED);
        assertThat(fx.publish.recentPosts(6)).isEmpty();
        assertThat(Files.readString(site.resolve("index.html"))).doesNotContain("Ministers meet");
    }

    @Test
    void headlineTextIsEscapedOnThePage() throws IOException {
        approve("Tags <script>alert(1)</script> & more");
        String html = Files.readString(fx.publish(fx.chief).publish(fx.chief, id, site).page());
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(Jsoup.parse(html).selectFirst("[data-wd-headline]").text())
                .isEqualTo("Tags <script>alert(1)</script> & more");
    }
}
