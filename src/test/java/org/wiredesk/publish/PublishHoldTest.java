package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;

/** A story the publisher refuses is held back with its reason; the rest of the run is published. */
class PublishHoldTest {
    private static final String REPORT_LINK = "https://agency.example/report";

    private final PublishFixture fx = new PublishFixture();

    @TempDir
    Path site;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private StoryId harbour() {
        return fx.approved("h-1", "Harbour reopens", "<p>The harbour reopened on Tuesday, officials said. "
                + "<a href=\"" + REPORT_LINK + "\">Read the report</a></p>", "https://agency.example/h-1");
    }

    private StoryId ferries() {
        return fx.approved("h-2", "Ferries run again", "<p>The first ferries left on schedule.</p>",
                "https://agency.example/h-2");
    }

    /** Rewrites a stored body as someone with the database owner's power could, the guard dropped first. */
    private void rewriteBody(StoryId id, String html) throws Exception {
        fx.sql("DROP TRIGGER story_content_is_immutable",
                "UPDATE story SET body_html = '" + html.replace("'", "''") + "' WHERE id = " + id.value());
    }

    private String storedBody(StoryId id) {
        return fx.desk.stories.find(id).orElseThrow().body().html();
    }

    private void assertHeldWith(PublishService.Run run, StoryId id, String reasonPart) {
        assertThat(run.held()).extracting(PublishService.Held::id).contains(id);
        assertThat(run.held()).filteredOn(h -> h.id().equals(id)).singleElement()
                .satisfies(h -> assertThat(h.reason()).startsWith("Story " + id + " was not published: ")
                        .contains(reasonPart).endsWith("."));
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.HELD);
        List<StatusChange> history = fx.desk.workflow.changes(id);
        StatusChange last = history.get(history.size() - 1);
        assertThat(last.from()).isEqualTo(Status.APPROVED);
        assertThat(last.to()).isEqualTo(Status.HELD);
        assertThat(last.actor()).isEqualTo("dee");
        assertThat(last.reason()).contains(reasonPart);
        assertThat(fx.desk.workflow.publications(id)).isEmpty();
        assertThat(site.resolve("stories")).isDirectoryNotContaining("glob:**/" + id.value() + "-*");
    }

    private void assertPublished(PublishService.Run run, StoryId id) {
        assertThat(run.published()).extracting(PublishService.Result::id).contains(id);
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void aStoredBodyWithASwappedLinkIsHeldAndTheNextApprovedStoryIsStillPublished() throws Exception {
        StoryId harbour = harbour();
        StoryId ferries = ferries();
        // the text is the same, so only the markup fingerprint taken at ingest can tell
        rewriteBody(harbour, storedBody(harbour).replace(REPORT_LINK, "https://evil.example/report"));

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);

        assertHeldWith(run, harbour, "markup differs from the markup fingerprint taken at ingest");
        assertPublished(run, ferries);
        assertThat(Files.readString(site.resolve("index.html"))).contains("Ferries run again")
                .doesNotContain("Harbour reopens");
    }

    @Test
    void aStoredBodyWithAnAddedScriptIsHeld() throws Exception {
        StoryId harbour = harbour();
        StoryId ferries = ferries();
        rewriteBody(harbour, storedBody(harbour) + "<script>document.location='https://evil.example/'</script>");

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);

        assertHeldWith(run, harbour, "not what the sanitizer makes of it");
        assertPublished(run, ferries);
    }

    @Test
    void aSourceUrlThatIsNotAnAbsoluteHttpOrHttpsAddressIsHeld() throws Exception {
        // the desk refuses to approve such a story, so only the store's owner, with the guard dropped, makes one
        String body = "<p>Ministers met on Thursday.</p>";
        StoryId script = fx.approved("u-1", "Script address", body, "https://agency.example/u-1");
        StoryId data = fx.approved("u-2", "Data address", body, "https://agency.example/u-2");
        StoryId relative = fx.approved("u-3", "Relative address", body, "https://agency.example/u-3");
        StoryId ferries = ferries();
        fx.sql("DROP TRIGGER story_content_is_immutable",
                "UPDATE story SET url = 'javascript:alert(1)' WHERE id = " + script.value(),
                "UPDATE story SET url = 'data:text/html,%3Cb%3Ex%3C/b%3E' WHERE id = " + data.value(),
                "UPDATE story SET url = '/news/u-3' WHERE id = " + relative.value());

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);

        assertHeldWith(run, script, "«javascript:alert(1)» is not an absolute http or https address");
        assertHeldWith(run, data, "is not an absolute http or https address");
        assertHeldWith(run, relative, "«/news/u-3» is not an absolute http or https address");
        assertPublished(run, ferries);
        assertThat(run.published()).hasSize(1);
    }

    @Test
    void aStoryWithoutASourceUrlIsHeld() throws Exception {
        StoryId noUrl = fx.approved("n-1", "No address", "<p>A report saved from a file.</p>",
                "https://agency.example/n-1");
        StoryId ferries = ferries();
        fx.sql("DROP TRIGGER story_content_is_immutable", "UPDATE story SET url = NULL WHERE id = " + noUrl.value());

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);

        assertHeldWith(run, noUrl, "it has no source URL and its approval bound no credit address, and every page must end with its "
                + "source and URL");
        assertPublished(run, ferries);
    }

    @Test
    void aHouseHeadlineChangedInTheStoreAfterApprovalIsHeld() throws Exception {
        StoryId harbour = harbour();
        StoryId ferries = ferries();
        // only the store's owner, with the workflow's guard dropped, can change it without a recorded revision
        fx.sql("DROP TRIGGER house_headline_by_the_workflow",
                "UPDATE story SET house_headline = 'Harbour closed for good' WHERE id = " + harbour.value());

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);

        assertHeldWith(run, harbour, "differs from the approved headline «Harbour reopens»");
        assertPublished(run, ferries);
    }

    @Test
    void publishingChosenStoriesHoldsARefusedOneAndSkipsOneThatIsNotApproved() throws Exception {
        StoryId harbour = harbour();
        StoryId ferries = ferries();
        StoryId fresh = fx.story("h-3", "Not yet approved", "<p>Still with the copy desk.</p>",
                "https://agency.example/h-3");
        rewriteBody(harbour, storedBody(harbour) + "<iframe src=\"https://evil.example/\"></iframe>");

        PublishService.Run run = fx.publish.publish(fx.desk.chief, List.of(harbour, fresh, ferries), site);

        assertHeldWith(run, harbour, "not what the sanitizer makes of it");
        assertThat(run.skipped()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(fresh);
            assertThat(s.reason()).contains("cannot publish a story that is new");
        });
        assertThat(fx.desk.desk.story(fresh).status()).isEqualTo(Status.NEW);
        assertPublished(run, ferries);
    }
}
