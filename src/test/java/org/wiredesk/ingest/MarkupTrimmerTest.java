package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkupTrimmerTest {
    private static String trim(String html) {
        return new String(MarkupTrimmer.trim(html.getBytes(StandardCharsets.UTF_8)).html(), StandardCharsets.UTF_8);
    }

    @Test
    void scriptsStylesCommentsAndSvgAreCutAndTextIsKept() {
        String html = "<p>Before</p><script>if (a < b) { x = '</p>'; }</script><STYLE type=x>p{}</STYLE>"
                + "<!-- note <p>hidden</p> --><svg><title>icon</title></svg><p>After é</p>";
        assertThat(trim(html)).isEqualTo("<p>Before</p><p>After é</p>");
    }

    @Test
    void jsonLdIsHandedBackAndCutFromThePage() {
        MarkupTrimmer.Trimmed t = MarkupTrimmer.trim(
                "<p>x</p><script type=\"application/ld+json\">{\"headline\":\"H\"}</script>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(new String(t.html(), StandardCharsets.UTF_8)).isEqualTo("<p>x</p>");
        assertThat(t.jsonLd()).singleElement()
                .satisfies(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"headline\":\"H\"}"));
    }

    @Test
    void anElementThatNeverEndsIsLeftForTheParser() {
        String html = "<p>Keep</p><script>never closed <p>text</p>";
        assertThat(trim(html)).isEqualTo(html);
    }

    @Test
    void manyUnclosedCommentsAndScriptsAreLeftAsTheyAreAndWhatClosesIsStillCut() {
        // each unclosed start is searched past once (the page is read in linear time, docs/benchmarks.md); what
        // does close later is cut as before
        String unclosed = "<!-- x ".repeat(2_000) + "<script>never".repeat(2_000);
        String html = "<p>Keep</p><style>p{}</style>" + unclosed;
        assertThat(trim(html)).isEqualTo("<p>Keep</p>" + unclosed);
        String closedLater = "<p>A</p>" + "<script>open ".repeat(500) + "</script><p>B</p>";
        assertThat(trim(closedLater)).isEqualTo("<p>A</p><p>B</p>");
    }

    @Test
    void aTagThatOnlyStartsLikeScriptIsNotCut() {
        String html = "<scripture>Psalm</scripture><stylebook>Guide</stylebook>";
        assertThat(trim(html)).isEqualTo(html);
    }

    @Test
    void utf16IsLeftAlone() {
        byte[] utf16 = "\uFEFF<script>x</script><p>y</p>".getBytes(StandardCharsets.UTF_16);
        assertThat(MarkupTrimmer.trim(utf16).html()).isSameAs(utf16);
    }

    @Test
    void attributesNothingReadsAreCutAndTheRestOfTheTagIsKept() {
        String html = "<div class=\"story\" data-props='{\"a\":\"<p>x</p>\"}' onclick=\"go('>')\" id=main>"
                + "<img src=a.jpg srcset=\"a-2x.jpg 2x\" sizes=\"50vw\" alt=\"A > B\">"
                + "<span data-byline=\"Ann Lee\" DATA-TRACK=1 hidden>Text</span></div>";
        assertThat(trim(html)).isEqualTo("<div class=\"story\"   id=main><img src=a.jpg   alt=\"A > B\">"
                + "<span data-byline=\"Ann Lee\"  hidden>Text</span></div>");
    }

    @Test
    void textThatLooksLikeATagInsideATitleOrTextareaIsKeptWordForWord() {
        String html = "<title>Use <b data-x=1> and <!-- this --></title><textarea><i onclick=x></textarea>"
                + "<p data-y=2>After</p>";
        assertThat(trim(html)).isEqualTo("<title>Use <b data-x=1> and <!-- this --></title>"
                + "<textarea><i onclick=x></textarea><p >After</p>");
    }

    @Test
    void aTagLeftOpenToTheEndOfThePageIsLeftAsItIsInLinearTime() {
        // every '<' opens a tag whose quoted value never closes: the first such tag stops attribute cutting, so a
        // hostile page is read once, not once per tag
        String html = "<p data-a=1>Keep</p>" + "<a data-b=\"x ".repeat(200_000);
        long start = System.nanoTime();
        String trimmed = trim(html);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(trimmed).isEqualTo("<p >Keep</p>" + "<a data-b=\"x ".repeat(200_000));
        assertThat(millis).as("ms for %d KB", html.length() / 1000).isLessThan(2_000);
    }

    /**
     * On the real pages of the corpus, cutting attributes in the bytes gives the tree that removing them from the
     * parsed page gives: the same elements with the same other attributes and the same text, in the same order.
     */
    @Test
    void onRealPagesCuttingAttributesInTheBytesGivesTheTreeOfRemovingThemFromThePage() throws IOException {
        java.util.List<Path> pages = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(Corpus.path("article-extraction-benchmark/html"))) {
            files.sorted().forEach(pages::add);
        }
        try (java.util.stream.Stream<Path> files = Files.list(Corpus.path("trafilatura-eval/html"))) {
            files.sorted().limit(150).forEach(pages::add);
        }
        int cutAttributes = 0;
        for (Path page : pages) {
            byte[] bytes = Files.readAllBytes(page);
            Document whole = Jsoup.parse(new String(MarkupTrimmer.trim(bytes, false).html(), StandardCharsets.UTF_8));
            for (Element el : whole.getAllElements()) {
                for (Attribute a : new java.util.ArrayList<>(el.attributes().asList())) {
                    String name = a.getKey();
                    if (name.startsWith("on") && name.length() > 2 || name.startsWith("data-") && name.length() > 5
                            && !name.equals("data-byline") || name.equals("srcset") || name.equals("sizes")) {
                        el.removeAttr(name);
                        cutAttributes++;
                    }
                }
            }
            Document trimmed = Jsoup.parse(new String(MarkupTrimmer.trim(bytes).html(), StandardCharsets.UTF_8));
            assertThat(outline(trimmed)).as(page.getFileName().toString()).isEqualTo(outline(whole));
            assertThat(trimmed.text()).as(page.getFileName().toString()).isEqualTo(whole.text());
        }
        assertThat(cutAttributes).isGreaterThan(10_000);
    }

    @Test
    void anSvgIsCutWholeButNotThroughACommentOrPastHtmlThatEndsIt() {
        // a comment inside an SVG is a comment: the </svg> inside it ends nothing (its "-->" once became body text)
        assertThat(trim("<p>A</p><svg><use href=#i /></div><!-- <svg></svg> --><p>B</p>"))
                .isEqualTo("<p>A</p><svg><use href=#i /></div><p>B</p>");
        // an HTML start tag ends an SVG early: the text after it is the page's
        assertThat(Jsoup.parse(trim("<svg><path d=M0/><p>Words after the icon</p></svg><p>C</p>")).text())
                .isEqualTo("Words after the icon C");
        // a well-formed icon, comments and all, is still cut whole
        assertThat(trim("<p>A</p><svg><!-- Generator: Sketch --><title>Icon</title><g><path/></g></svg><p>B</p>"))
                .isEqualTo("<p>A</p><p>B</p>");
    }

    @Test
    void manySvgsLeftToTheParserAreStillReadInLinearTime() {
        String html = "<svg><div>x</div>".repeat(100_000) + "</svg><p>End</p>";
        long start = System.nanoTime();
        String trimmed = trim(html);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(trimmed).isEqualTo(html);
        assertThat(millis).as("ms for %d KB", html.length() / 1000).isLessThan(2_000);
    }

    /**
     * On every real page of the two extraction corpora and the readability pages, the trimmed page reads as the page
     * does without its scripts, styles, SVG and noscript: not a word more or less (white space aside).
     */
    @Test
    void onRealPagesTheTrimmedPageHasThePagesTextWithoutScriptsStylesAndSvg() throws IOException {
        java.util.List<Path> pages = new java.util.ArrayList<>();
        for (String dir : new String[] {"article-extraction-benchmark/html", "trafilatura-eval/html"}) {
            try (java.util.stream.Stream<Path> files = Files.list(Corpus.path(dir))) {
                files.sorted().forEach(pages::add);
            }
        }
        for (Path page : pages) {
            byte[] bytes = Files.readAllBytes(page);
            Document whole = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            Document trimmed = Jsoup.parse(new String(MarkupTrimmer.trim(bytes).html(), StandardCharsets.UTF_8));
            for (Document d : new Document[] {whole, trimmed}) {
                d.select("script, style, svg, noscript").remove();
            }
            assertThat(trimmed.text().replaceAll("\\s+", "")).as(page.getFileName().toString())
                    .isEqualTo(whole.text().replaceAll("\\s+", ""));
        }
        assertThat(pages).hasSize(550);
    }

    /** Each element's name and attributes, in document order. */
    private static java.util.List<String> outline(Document doc) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Element el : doc.getAllElements()) {
            out.add(el.normalName() + " " + el.attributes().html());
        }
        return out;
    }
}
