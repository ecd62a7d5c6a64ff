package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;

/** The site is rebuilt whole from the store after every step, and never from anything the store cannot vouch for. */
class SiteRebuildTest {
    private final PublishFixture fx = new PublishFixture();

    @TempDir
    Path root;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private StoryId story(int n) {
        return fx.approved("r-" + n, "Story " + n, "<p>The body of story " + n + ", as the agency sent it.</p>",
                "https://agency.example/r-" + n);
    }

    private String page(StoryId id) {
        return PublishedRecord.of(fx.desk.stories.find(id).orElseThrow(), fx.desk.workflow.publications(id)).page();
    }

    private List<PublishedRecord> records(List<StoryId> ids) {
        return ids.stream().map(id -> PublishedRecord.of(fx.desk.stories.find(id).orElseThrow(),
                fx.desk.workflow.publications(id))).toList();
    }

    private Document html(Path site, String relative) throws Exception {
        return Jsoup.parse(site.resolve(relative).toFile(), "UTF-8");
    }

    @Test
    void aStoryPublishedLaterAppearsInTheRecentPostsOfEveryEarlierPageWhoseSignatureStillHolds() throws Exception {
        Path site = root.resolve("site");
        StoryId first = story(1);
        fx.publish.publish(fx.desk.chief, first, site);
        String signatureBefore = html(site, page(first)).selectFirst("meta[name=wd-signature]").attr("content");
        fx.desk.clock.advance(Duration.ofMinutes(5));
        StoryId second = story(2);
        fx.publish.publish(fx.desk.chief, second, site);

        Document earlier = html(site, page(first));
        assertThat(earlier.select("aside li a").eachAttr("href")).containsExactly("../" + page(second));
        assertThat(earlier.selectFirst("aside li time").text()).isEqualTo("just now");
        assertThat(earlier.selectFirst("meta[name=wd-signature]").attr("content")).isEqualTo(signatureBefore);
        assertThat(new PageVerifier().check(Files.readString(site.resolve(page(first))),
                fx.keys.current().getPublic()).differences()).isEmpty();
    }

    @Test
    void aPageRebuiltAfterAKeyRotationKeepsTheSignatureAndKeyItWasPublishedWith() throws Exception {
        Path site = root.resolve("site");
        StoryId first = story(1);
        fx.publish.publish(fx.desk.chief, first, site);
        String oldKey = DeskKeys.keyId(fx.keys.current().getPublic());
        fx.keys.rotate();
        StoryId second = story(2);
        fx.publish.publish(fx.desk.chief, second, site);

        Document earlier = html(site, page(first));
        assertThat(earlier.selectFirst("meta[name=wd-key-id]").attr("content")).isEqualTo(oldKey);
        assertThat(earlier.select("aside li a").eachAttr("href")).containsExactly("../" + page(second));
        assertThat(new SiteVerifier().check(records(List.of(first, second)), site, fx.keys.publicKeys())
                .findings()).isEmpty();
    }

    @Test
    void aStoryWhoseStoredBodyWasChangedKeepsItsPageAsItWasAndTheRunSaysWhy() throws Exception {
        Path site = root.resolve("site");
        StoryId tampered = story(1);
        fx.publish.publish(fx.desk.chief, tampered, site);
        String pageBefore = Files.readString(site.resolve(page(tampered)));
        String ninjsBefore = Files.readString(site.resolve(SiteLayout.ninjs(page(tampered))));
        fx.dropContentGuard();
        fx.sql("UPDATE story SET body_html = '<p>Buy now.</p>' WHERE id = " + tampered.value());
        story(2);

        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(run.published()).hasSize(1);
        assertThat(Files.readString(site.resolve(page(tampered)))).isEqualTo(pageBefore).doesNotContain("Buy now");
        assertThat(Files.readString(site.resolve(SiteLayout.ninjs(page(tampered))))).isEqualTo(ninjsBefore);
        assertThat(run.siteNotes()).contains("story " + tampered + " no longer matches the signature it was "
                + "published with, under any of the desk's keys: its page (" + page(tampered) + ") is left as it "
                + "was; verify --site says more");
    }

    @Test
    void publishingNothingIntoAnEmptyFolderWritesTheWholeSiteFromTheStore() throws Exception {
        Path first = root.resolve("first");
        StoryId kept = story(1);
        StoryId killed = story(2);
        fx.publish.publishAllApproved(fx.desk.chief, first);
        fx.publish.correct(fx.desk.chief, kept, "Story 1, corrected", "wording", first);
        fx.publish.kill(fx.desk.chief, killed, "legal advice", first);

        Path fresh = root.resolve("fresh");
        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, fresh);
        assertThat(run.published()).isEmpty();
        assertThat(html(fresh, page(kept)).selectFirst("[data-wd-headline]").text()).isEqualTo("Story 1, corrected");
        assertThat(new PageVerifier().isWithdrawalNotice(Files.readString(fresh.resolve(page(killed))), killed))
                .isTrue();
        assertThat(new SiteVerifier().check(records(List.of(kept, killed)), fresh, fx.keys.current().getPublic())
                .findings()).isEmpty();
        assertThat(SiteCrawl.from(fresh, "index.html").broken()).isEmpty();
    }

    @Test
    void aKillThatShortensTheListingToOnePageRemovesTheArchivePageItEmptied() throws Exception {
        Path site = root.resolve("site");
        List<StoryId> ids = new ArrayList<>();
        for (int i = 1; i <= SiteLayout.PER_PAGE + 1; i++) {
            ids.add(story(i));
        }
        fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(site.resolve("archive/2.html")).exists();

        fx.publish.kill(fx.desk.chief, ids.get(0), "legal advice", site);
        assertThat(site.resolve("archive/2.html")).doesNotExist();
        assertThat(html(site, "index.html").select("a[rel=next]")).isEmpty();
        assertThat(html(site, "index.html").select("ol.stories li")).hasSize(SiteLayout.PER_PAGE);
    }

    @Test
    void withoutABaseUrlTheFeedsAndSitemapLinkByPathAndTheRunSaysSo() throws Exception {
        Path site = root.resolve("site");
        StoryId id = story(1);
        PublishService.Run run = fx.publish.publishAllApproved(fx.desk.chief, site);
        assertThat(Files.readString(site.resolve("feed.xml"))).contains("<link>" + page(id) + "</link>");
        assertThat(Files.readString(site.resolve("sitemap.xml"))).contains("<loc>" + page(id) + "</loc>");
        assertThat(run.siteNotes()).singleElement().asString().startsWith("the site's base URL is not set");

        assertThatThrownBy(() -> fx.desk.settings.setBaseUrl("ftp://news.example/"))
                .hasMessage("The site's base URL must be an http or https address: ftp://news.example/");
        fx.desk.settings.setBaseUrl("https://news.example");
        assertThat(fx.publish.publishAllApproved(fx.desk.chief, site).siteNotes()).isEmpty();
        assertThat(Files.readString(site.resolve("feed.xml")))
                .contains("<link>https://news.example/" + page(id) + "</link>");
    }

    @Test
    void anUnwritableSiteFolderIsRefusedInOneSentenceBeforeAnythingIsPublished() throws Exception {
        StoryId id = story(1);
        Path locked = Files.createDirectory(root.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(locked)) {
            // root writes through any mode; the kernel's own folders refuse even root
            locked = Path.of("/sys/kernel");
            assumeTrue(Files.isDirectory(locked), "no folder here refuses this user");
        }
        Path site = locked;
        assertThatThrownBy(() -> fx.publish.publishAllApproved(fx.desk.chief, site))
                .isInstanceOfSatisfying(SiteWriteException.class, e -> assertThat(e.permissionDenied()).isTrue())
                .hasMessage("Permission denied: cannot write to the site folder " + site + ".");
        assertThat(fx.desk.desk.story(id).status()).isEqualTo(Status.APPROVED);
        assertThat(fx.desk.workflow.publications(id)).isEmpty();
    }

    @Test
    void aReaderNeverSeesHalfAPageWhileTheSiteIsRebuilt() throws Exception {
        Path site = root.resolve("site");
        StoryId first = story(1);
        fx.publish.publish(fx.desk.chief, first, site);
        List<Path> watched = List.of(site.resolve("index.html"), site.resolve(page(first)),
                site.resolve("feed.xml"));
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> torn = reader.submit(() -> {
                List<String> bad = new ArrayList<>();
                while (!done.get()) {
                    for (Path file : watched) {
                        String text = Files.readString(file);
                        if (!text.stripTrailing().endsWith(file.toString().endsWith(".xml") ? ">" : "</html>")) {
                            bad.add(file.getFileName() + " (" + text.length() + " characters)");
                        }
                    }
                }
                return bad;
            });
            for (int i = 2; i <= 8; i++) {
                fx.desk.clock.advance(Duration.ofMinutes(1));
                fx.publish.publish(fx.desk.chief, story(i), site);
            }
            done.set(true);
            assertThat(torn.get()).isEmpty();
        } finally {
            reader.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
