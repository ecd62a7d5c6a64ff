package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;

/**
 * A whole site as a desk makes it: 56 stories published in three runs over a day, one corrected, one killed, into a
 * folder that was empty, with the base URL set. Built once; each test reads one promise off the folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedSiteTest {
    private static final String BASE = "https://news.example/media-wire";
    private static final int STORIES = 56;

    private final PublishFixture fx = new PublishFixture();
    private final List<StoryId> ids = new ArrayList<>();
    private StoryId corrected;
    private StoryId killed;
    private Instant lastRun;
    private Instant built;

    private Path site;

    @BeforeAll
    void publishASite(@TempDir Path root) {
        site = root.resolve("out");
        fx.desk.settings.setBaseUrl(BASE + "/");
        for (int i = 1; i <= STORIES; i++) {
            ids.add(fx.approved("w-" + i, "Report number " + i + " from the wire", body(i),
                    "https://agency.example/reports/" + i));
            // three runs: 50 stories, then a day later 4, then two hours later 2
            if (i == 50 || i == 54 || i == STORIES) {
                fx.publish.publishAllApproved(fx.desk.chief, site);
                fx.desk.clock.advance(i == 50 ? Duration.ofHours(26) : Duration.ofHours(2));
            }
        }
        lastRun = fx.desk.clock.instant().minus(Duration.ofHours(2));
        fx.desk.clock.advance(Duration.ofMinutes(39).minus(Duration.ofHours(2)));
        corrected = ids.get(9);
        killed = ids.get(STORIES - 1);
        fx.publish.correct(fx.desk.chief, corrected, "Report number 10, corrected", "the place was wrong", site);
        fx.publish.kill(fx.desk.chief, killed, "legal advice", site);
        built = fx.desk.clock.instant();
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    private static String body(int i) {
        return "<p>Officials in the harbour town said on Tuesday that report " + i + " describes the reopening of "
                + "the northern quay after the winter storms, which closed it for eleven weeks.</p>"
                + "<p>The second paragraph says more about report " + i + ".</p>";
    }

    private String page(StoryId id) {
        return PublishedRecord.of(fx.desk.stories.find(id).orElseThrow(), fx.desk.workflow.publications(id)).page();
    }

    private Document html(String relative) throws IOException {
        return Jsoup.parse(site.resolve(relative).toFile(), "UTF-8");
    }

    private List<Path> files(String glob) throws IOException {
        var matcher = site.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> all = Files.walk(site)) {
            return all.filter(Files::isRegularFile).filter(f -> matcher.matches(site.relativize(f))).sorted()
                    .toList();
        }
    }

    private SyndFeed feed(String name) throws Exception {
        return new SyndFeedInput().build(new StringReader(Files.readString(site.resolve(name))));
    }

    @Test
    void everyRelativeLinkFromTheIndexResolvesToAFileInTheSite() {
        SiteCrawl.Result crawl = SiteCrawl.from(site, "index.html");
        assertThat(crawl.broken()).isEmpty();
        List<String> live = ids.stream().filter(id -> !id.equals(killed)).map(this::page).toList();
        assertThat(crawl.reached()).containsAll(live)
                .containsAll(live.stream().map(p -> p.replace(".html", ".json")).toList())
                .contains("archive/2.html", "feed.xml", "atom.xml", "sitemap.xml", "site.css", "desk-key.pem")
                .doesNotContain(page(killed));
    }

    @Test
    void theIndexAndArchiveListNewestFirstFiftyToAPageWithNextAndPreviousLinks() throws IOException {
        Document index = html("index.html");
        Document archive = html("archive/2.html");
        List<String> listed = new ArrayList<>();
        index.select("ol.stories li h2 a").forEach(a -> listed.add(a.attr("href")));
        archive.select("ol.stories li h2 a").forEach(a -> listed.add(a.attr("href").replaceFirst("^\\.\\./", "")));
        List<String> newestFirst = new ArrayList<>(ids.stream().filter(id -> !id.equals(killed)).map(this::page)
                .toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(index.select("ol.stories li")).hasSize(50);
        assertThat(listed).containsExactlyElementsOf(newestFirst);
        assertThat(index.select("a[rel=next]")).singleElement().satisfies(a ->
                assertThat(a.attr("href")).isEqualTo("archive/2.html"));
        assertThat(index.select("a[rel=prev]")).isEmpty();
        assertThat(archive.select("a[rel=prev]")).singleElement().satisfies(a ->
                assertThat(a.attr("href")).isEqualTo("../index.html"));
        assertThat(archive.select("a[rel=next]")).isEmpty();
        assertThat(files("archive/*")).hasSize(1);
    }

    @Test
    void theKilledStoryIsGoneFromIndexArchiveFeedsAndSitemapAndItsPageIsTheWithdrawalNotice() throws Exception {
        String killedPage = page(killed);
        for (String listing : List.of("index.html", "archive/2.html")) {
            assertThat(html(listing).select("a").eachAttr("href")).noneMatch(h -> h.endsWith(killedPage));
        }
        for (String feed : List.of("feed.xml", "atom.xml")) {
            SyndFeed parsed = feed(feed);
            assertThat(parsed.getEntries()).extracting(SyndEntry::getLink).noneMatch(l -> l.endsWith(killedPage));
            assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).doesNotContain("Report number "
                    + STORIES + " from the wire");
        }
        assertThat(Files.readString(site.resolve("sitemap.xml"))).doesNotContain(killedPage).contains(page(ids.get(0)));
        String notice = Files.readString(site.resolve(killedPage));
        assertThat(new PageVerifier().isWithdrawalNotice(notice, killed)).isTrue();
        assertThat(notice).contains("This report has been withdrawn")
                .doesNotContain("report " + STORIES + " describes");
        JsonNode ninjs = new ObjectMapper().readTree(site.resolve(killedPage.replace(".html", ".json")).toFile());
        assertThat(ninjs.get("pubStatus").asText()).isEqualTo("canceled");
        assertThat(ninjs.has("bodies")).isFalse();
    }

    @Test
    void theCorrectedPageKeepsItsAddressAndShowsADatedCorrectionNoteAndWhenItWasUpdated() throws IOException {
        assertThat(page(corrected)).isEqualTo("stories/" + corrected.value() + "-report-number-10-from-the-wire.html");
        Document page = html(page(corrected));
        assertThat(page.selectFirst("[data-wd-headline]").text()).isEqualTo("Report number 10, corrected");
        assertThat(page.selectFirst("footer.source").text()).contains("Published: " + SiteTime.visible(
                fx.desk.workflow.publications(corrected).get(0).at()))
                .contains("Updated: " + SiteTime.visible(built));
        Element note = page.selectFirst("[data-wd-corrections] li");
        assertThat(note.text()).isEqualTo("Corrected " + SiteTime.visible(built) + ": the place was wrong. The "
                + "headline was “Report number 10 from the wire”.");
        assertThat(note.selectFirst("time").attr("datetime")).isEqualTo(built.toString());
        assertThat(new PageVerifier().check(Files.readString(site.resolve(page(corrected))),
                fx.keys.current().getPublic()).differences()).isEmpty();
    }

    @Test
    void feedsCarryTheLatestFiftyStoriesWithHouseHeadlinesAbsoluteLinksAndTheSourceCredited() throws Exception {
        for (String name : List.of("feed.xml", "atom.xml")) {
            SyndFeed feed = feed(name);
            assertThat(feed.getTitle()).isEqualTo("IFP Media Wire");
            assertThat(feed.getEntries()).as(name).hasSize(50);
            SyndEntry newest = feed.getEntries().get(0);
            StoryId newestId = ids.get(STORIES - 2);
            assertThat(newest.getTitle()).isEqualTo("Report number " + (STORIES - 1) + " from the wire");
            assertThat(newest.getLink()).isEqualTo(BASE + "/" + page(newestId));
            assertThat(newest.getUri()).startsWith("urn:uuid:");
            assertThat(newest.getPublishedDate().toInstant()).isEqualTo(lastRun);
            assertThat(newest.getAuthor()).isEqualTo("Test Agency");
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).contains("Report number 10, corrected");
            assertThat(feed.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
        }
        assertThat(Files.readString(site.resolve("feed.xml")))
                .contains("<source url=\"https://agency.example/reports/");
    }

    @Test
    void everyNinjsDocumentValidatesAgainstTheIptcSchemaAndCarriesTheStory() throws IOException {
        NinjsSchema schema = new NinjsSchema();
        ObjectMapper json = new ObjectMapper();
        List<Path> documents = files("stories/*.json");
        assertThat(documents).hasSize(STORIES);
        for (Path file : documents) {
            assertThat(schema.problems(json.readTree(file.toFile()))).as(file.getFileName().toString()).isEmpty();
        }
        JsonNode doc = json.readTree(site.resolve(page(corrected).replace(".html", ".json")).toFile());
        assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo("Report number 10, corrected");
        assertThat(doc.get("bodies").get(0).get("value").asText())
                .isEqualTo(fx.desk.stories.find(corrected).orElseThrow().body().html());
        assertThat(doc.get("copyrightHolder").asText()).isEqualTo("Test Agency");
        assertThat(doc.get("infoSources").get(0).get("uri").asText()).isEqualTo("https://agency.example/reports/10");
        assertThat(doc.get("renditions").get(0).get("href").asText()).isEqualTo(BASE + "/" + page(corrected));
        assertThat(doc.get("pubStatus").asText()).isEqualTo("usable");
    }

    @Test
    void everyStoryPageTheIndexAndTheArchivePagesPassTheNuHtmlChecker() throws IOException {
        List<Path> pages = files("**.html");
        assertThat(pages).hasSize(STORIES + 2);
        assertThat(new HtmlChecker().errors(pages)).isEmpty();
    }

    @Test
    void filesAreReadableByAllAndFoldersOpenToAllWhateverTheUmask() throws IOException {
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(site.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--");
            }
        }
    }

    @Test
    void recentPostsShowTheHeadlineAnExcerptEndingInAnEllipsisAndHowLongAgoWithoutScripts() throws IOException {
        Document oldest = html(page(ids.get(0)));
        List<Element> posts = oldest.select("aside li");
        assertThat(posts).hasSize(SiteBuilder.RECENT);
        Element newest = posts.get(0);
        assertThat(newest.selectFirst("a").text()).isEqualTo("Report number " + (STORIES - 1) + " from the wire");
        assertThat(newest.selectFirst("a").attr("href")).isEqualTo("../" + page(ids.get(STORIES - 2)));
        String excerpt = newest.selectFirst("p").text();
        assertThat(excerpt).endsWith("…").startsWith("Officials in the harbour town");
        assertThat(excerpt.length()).isBetween(80, 101);
        assertThat(newest.selectFirst("time").text()).isEqualTo("39 minutes ago");
        assertThat(newest.selectFirst("time").attr("datetime")).isEqualTo(lastRun.toString());
        assertThat(posts.get(1).selectFirst("time").text()).isEqualTo("2 hours ago");
        assertThat(posts.get(5).selectFirst("time").text()).isEqualTo("yesterday");
        assertThat(html(page(ids.get(STORIES - 2))).select("aside a").eachAttr("href"))
                .doesNotContain("../" + page(ids.get(STORIES - 2)));
        assertThat(html("index.html").select("ol.stories li").last().selectFirst("time").text())
                .isEqualTo("yesterday");
    }

    @Test
    void everyPageNamesTheOutletTheSectionAndTheDisclaimer() throws IOException {
        for (Path file : files("**.html")) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            assertThat(page.selectFirst("header.site").text()).as(file.toString()).isEqualTo("IFP Media Wire");
            assertThat(page.selectFirst("[data-wd-disclaimer]").text()).as(file.toString())
                    .startsWith("IFP Media Wire").contains("do not necessarily reflect IFP's opinion");
        }
    }

    @Test
    void theSitemapListsTheListingPagesAndEveryLiveStoryUnderTheBaseUrl() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "",
                org.jsoup.parser.Parser.xmlParser());
        List<String> locs = sitemap.select("url > loc").eachText();
        assertThat(locs).hasSize(2 + STORIES - 1).contains(BASE + "/", BASE + "/archive/2.html",
                BASE + "/" + page(corrected));
        assertThat(locs).allMatch(l -> l.startsWith(BASE + "/"));
    }

    @Test
    void theWholeSiteChecksCleanAgainstTheStoreWithTheDesksKey() {
        List<PublishedRecord> records = ids.stream().map(id -> PublishedRecord.of(fx.desk.stories.find(id)
                .orElseThrow(), fx.desk.workflow.publications(id))).toList();
        assertThat(new SiteVerifier().check(records, site, fx.keys.current().getPublic()).findings()).isEmpty();
    }
}
