package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;

/** Where pages are written and what links say come from story ids and headlines, never from a stored location. */
class PageAddressTest {
    private final PublishFixture fx = new PublishFixture();

    @TempDir
    Path root;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private boolean guardsDropped;

    /**
     * A publication row only the store's owner could add, with the guards that check who publishes what dropped
     * (members are refused such a row), correctly linked into the history chain: whatever its location says, the
     * publisher must not follow it.
     */
    private void craftPublication(StoryId id, String kind, String headline, String location) throws Exception {
        if (!guardsDropped) {
            fx.sql("DROP TRIGGER publication_by_a_desk_chief", "DROP TRIGGER publication_runs_what_was_approved");
            guardsDropped = true;
        }
        long seq;
        String prev;
        try (java.sql.Connection c = fx.desk.database.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT seq, row_hash FROM chain_head")) {
            rs.next();
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        long at = System.currentTimeMillis() + 86_400_000L;
        String body = "0".repeat(64);
        String hash = org.wiredesk.story.ChainLink.publication(prev, seq, id.value(), kind, headline, body, "mallory",
                at, null, null);
        fx.sql("INSERT INTO publication (id, story_id, kind, headline, body_sha256, actor, at_ms, location, note, "
                + "chain_seq, prev_hash, row_hash) VALUES (NEXT VALUE FOR publication_seq, " + id.value() + ", '"
                + kind + "', '" + headline + "', '" + body + "', 'mallory', " + at + ", '" + location + "', NULL, "
                + seq + ", '" + prev + "', '" + hash + "')");
    }

    @Test
    void aCraftedLocationInThePublicationTableChangesNeitherWhereFilesAreWrittenNorWhatLinksSay() throws Exception {
        Path site = root.resolve("www/site");
        StoryId harbour = fx.approved("a-1", "Harbour reopens", "<p>The harbour reopened on Tuesday.</p>",
                "https://agency.example/a-1");
        StoryId ferries = fx.approved("a-2", "Ferries run again", "<p>The first ferries left on schedule.</p>",
                "https://agency.example/a-2");
        StoryId quay = fx.approved("a-3", "Quay repaired", "<p>The quay was repaired overnight.</p>",
                "https://agency.example/a-3");
        // before its first publication: a crafted first row for the quay story
        craftPublication(quay, "PUBLISHED", "Quay repaired", "../../etc/quay.html");
        fx.publish.publishAllApproved(fx.desk.chief, site);
        craftPublication(harbour, "CORRECTED", "Harbour reopens", "../../etc/x.html");
        craftPublication(ferries, "CORRECTED", "Ferries run again", "javascript:alert(1)");

        fx.publish.correct(fx.desk.chief, harbour, "Harbour reopens after storm", "cause added", site);
        fx.publish.kill(fx.desk.chief, ferries, "legal advice", site);

        assertThat(filesUnder(root)).containsExactlyInAnyOrder("www/site/desk-key.pem", "www/site/index.html",
                "www/site/feed.xml", "www/site/atom.xml", "www/site/sitemap.xml", "www/site/site.css",
                "www/site/" + SiteFolder.LOCK,
                "www/site/stories/" + harbour.value() + "-harbour-reopens.html",
                "www/site/stories/" + harbour.value() + "-harbour-reopens.json",
                "www/site/stories/" + ferries.value() + "-ferries-run-again.html",
                "www/site/stories/" + ferries.value() + "-ferries-run-again.json",
                "www/site/stories/" + quay.value() + "-quay-repaired.html",
                "www/site/stories/" + quay.value() + "-quay-repaired.json");
        String harbourPage = Files.readString(site.resolve("stories/" + harbour.value() + "-harbour-reopens.html"));
        assertThat(Jsoup.parse(harbourPage).selectFirst("[data-wd-headline]").text())
                .isEqualTo("Harbour reopens after storm");
        // the kill replaced the real page, wherever the crafted row pointed
        assertThat(new PageVerifier().isWithdrawalNotice(
                Files.readString(site.resolve("stories/" + ferries.value() + "-ferries-run-again.html")), ferries))
                .isTrue();
        assertThat(links(site.resolve("index.html"))).isNotEmpty()
                .allMatch(href -> href.matches("stories/\\d+-[a-z0-9-]+\\.html"));
        assertThat(links(site.resolve("stories/" + harbour.value() + "-harbour-reopens.html")))
                .allMatch(href -> href.matches("\\.\\./(index|stories/\\d+-[a-z0-9-]+)\\.html"));
        assertThat(fx.publish.recentPosts(10)).extracting(PageRenderer.RecentPost::href)
                .noneMatch(href -> href.contains("..") || href.contains(":"));
    }

    @Test
    void theAddressIsMadeOfTheIdAndLettersDigitsAndHyphensOfTheHeadline() {
        assertThat(PageRenderer.slugPath(new StoryId(7), new org.wiredesk.story.Headline("Ünïcödé ../../etc «quotes» & <tags>")))
                .isEqualTo("stories/7-unicode-etc-quotes-tags.html");
        assertThat(PageRenderer.slugPath(new StoryId(8), new org.wiredesk.story.Headline("«»")))
                .isEqualTo("stories/8.html");
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
    }

    private static List<String> links(Path page) throws IOException {
        return Jsoup.parse(Files.readString(page)).select("aside a, main a, li a").stream()
                .filter(a -> !a.hasAttr("data-wd-url")).map(a -> a.attr("href")).distinct().toList();
    }
}
