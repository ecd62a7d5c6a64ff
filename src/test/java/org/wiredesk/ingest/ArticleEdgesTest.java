package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The general rules that decide an article's extent, each on a small page built around four paragraphs of prose:
 * what is left out (orphan headings, a furniture tail, captions, credits, pointers) and what must never be lost
 * (the lead, a story's short last line, an article whose containers have misleading names).
 */
class ArticleEdgesTest {
    private static final String PROSE = """
            <p>The harbour authority said on Tuesday that the new breakwater, planned for more than a decade, would be \
            finished by the end of next year, weeks later than the builders had promised in the spring.</p>
            <p>Engineers found that the seabed under the western section was softer than the surveys had shown, and \
            the piles there had to be driven twice as deep, which cost the project most of the summer.</p>
            <p>Fishermen, who have waited years for calmer water at the quay, said the delay was a disappointment, \
            but several added that they would rather wait for a wall that lasts than have one rushed.</p>
            <p>The council will hear a report on the costs in March, when it also decides whether the old pier, \
            closed since the storm of the winter before last, is to be repaired or taken down.</p>
            """;

    private static Article extract(String body) {
        return extract("", body);
    }

    private static Article extract(String head, String body) {
        String html = "<!doctype html><html lang=en><head><title>Breakwater late</title>" + head + "</head><body>"
                + "<nav><a href=/>Home</a> <a href=/news>News</a></nav>" + body + "</body></html>";
        return new ArticleExtractor().extract(new SourceDocument("test.html", URI.create("https://example.org/a"),
                html.getBytes(StandardCharsets.UTF_8), null));
    }

    private static String article(String inner) {
        return "<main><article><div class=story-body>" + inner + "</div></article></main>";
    }

    @Test
    void aHeadingLeftWithoutItsSectionIsNotBody() {
        Article a = extract(article(PROSE + "<h3>Related posts</h3><div class=related><ul><li><a href=/x>Other "
                + "story one</a></li><li><a href=/y>Other story two</a></li></ul></div>"));
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.bodyText()).doesNotContain("Related posts").endsWith("taken down.");
    }

    @Test
    void aTailOpenedByALabelAfterTheLastProseIsCut() {
        Article a = extract(article(PROSE + "<p>Contact:</p><p>Harbour office</p><p>+1 555 0100</p>"));
        assertThat(a.bodyText()).endsWith("taken down.").doesNotContain("Contact").doesNotContain("555");
    }

    @Test
    void aSectionWithMoreRunningTextAfterItsHeadingStays() {
        String more = "<h2>What happens next</h2><p>Work on the eastern arm starts in April, and the authority "
                + "expects the whole wall, with its lights and the new mooring posts, to be in use before the next "
                + "winter storms arrive on this part of the coast</p>";
        Article a = extract(article(PROSE + more));
        assertThat(a.bodyText()).contains("What happens next").contains("Work on the eastern arm starts in April");
    }

    @Test
    void aSentenceEndingInAColonIsNotALabel() {
        Article a = extract(article(PROSE + "<p>Readers were quick to reply online:</p>"));
        assertThat(a.paragraphs()).last().isEqualTo("Readers were quick to reply online:");
    }

    @Test
    void aStorysShortLastLineStays() {
        Article a = extract(article(PROSE + "<p>With wire reports</p>"));
        assertThat(a.paragraphs()).last().isEqualTo("With wire reports");
    }

    @Test
    void hiddenInsideACompoundClassNameHidesNothing() {
        // each paragraph in a field whose label is hidden, in a box that clips its overflow
        Article a = extract("<div class=overflow-hidden>"
                + PROSE.replace("<p>", "<div class=\"field field--label-hidden\"><p>").replace("</p>", "</p></div>")
                + "</div><div class=hidden><p>" + "Hidden text that no reader sees, written as a full sentence. ".repeat(3)
                + "</p></div>");
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.bodyText()).doesNotContain("Hidden text");
    }

    @Test
    void aCaptionParagraphAndACopyrightCreditAreNotBody() {
        Article a = extract(article(PROSE.replace("<p>Engineers", "<p class=image-caption>The western section "
                + "at low tide.</p><p>Harbour works. © Jane Doe / Agency</p><p>Engineers")));
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.bodyText()).doesNotContain("low tide").doesNotContain("©");
    }

    @Test
    void aPointerToAnotherPageIsNotBodyButASentenceWithALinkIs() {
        Article a = extract(article(PROSE.replace("<p>Fishermen", "<p>Read also: <a href=/b>Storm closes the "
                + "old pier</a></p><p>Fishermen").replace("quay, said", "<a href=/q>quay</a>, said")));
        assertThat(a.bodyText()).doesNotContain("Read also").doesNotContain("Storm closes")
                .contains("calmer water at the quay, said");
    }

    @Test
    void theLeadInTheArticlesHeaderIsKept() {
        String header = "<header class=article-header><h1>Breakwater late</h1><p>The new wall at the harbour will "
                + "be finished a year late, the authority said, after engineers found soft ground.</p></header>";
        Article a = extract("<main><article>" + header + "<div class=story-body>" + PROSE + "</div></article></main>");
        assertThat(a.paragraphs()).first().asString().startsWith("The new wall at the harbour");
        assertThat(a.paragraphs()).hasSize(5);
    }

    @Test
    void aBannerThatSwallowedThePageIsNotFurniture() {
        // an unclosed header: the parser nests the whole page, main content included, inside it
        Article a = extract("<header role=banner><div class=logo>Example News</div>" + "<main>" + PROSE + "</main>");
        assertThat(a.paragraphs()).hasSize(4);
    }

    @Test
    void anArticleHiddenByItsContainersNamesIsFoundOnASecondLook() {
        Article a = extract("<aside class=\"sidebar-wrapper\"><section class=promo-content>" + PROSE
                + "</section></aside><div class=footer><p><a href=/imprint>Imprint</a></p></div>");
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.readsAsArticle()).isTrue();
    }

    @Test
    void theDeclaredArticleTextDecidesBetweenTheTwoLooks() {
        String declared = PROSE.replaceAll("<[^>]+>", " ").replace("\"", "'").replace("\n", " ");
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Breakwater late\","
                + "\"articleBody\":\"" + declared + "\"}</script>";
        // the article stands in a block named like a picture gallery; teasers are what the first look finds
        String teasers = ("<div class=teaser><p>Another story of the day, told in a long teaser sentence with many "
                + "words, commas, and clauses, to look like prose, for the scorer.</p></div>").repeat(6);
        Article a = extract(ld, "<div class=gallery-text>" + PROSE + "</div><div class=more>" + teasers + "</div>");
        assertThat(a.bodyText()).contains("The harbour authority said on Tuesday").contains("taken down.");
    }

    /** A site-wide blurb in a container named like content, long and comma-rich enough to outscore the article. */
    private static final String BLURB = "<div class=bottom><div class=row><div class=box-content><p>Our magazine is the leading trade paper for the "
            + "harbour, shipping, and fishing trades, with news, reports, interviews, opinion, and analysis, every "
            + "month, in print, online, and in our app, for readers, advertisers, partners, and friends.</p></div></div></div>";
    private static final String SHORT_ARTICLE = "<div class=col><p>The harbour authority said on Tuesday that the "
            + "new breakwater would be finished by the end of next year.</p><p>Engineers found the seabed softer than "
            + "the surveys had shown, and the piles had to be driven deeper.</p></div>";

    @Test
    void withoutAGuideABlurbNamedLikeContentOutscoresAShortArticle() {
        // the situation the guide is for: the first look takes the blurb
        Article a = extract(SHORT_ARTICLE + BLURB);
        assertThat(a.bodyText()).contains("leading trade paper").doesNotContain("breakwater");
    }

    @Test
    void thePagesDescriptionGuidesASecondLookToTheArticleWhenTheFirstHoldsNoneOfIt() {
        String description = "<meta name=description content=\"The harbour authority said the new breakwater will be "
                + "finished next year: engineers found the seabed softer than surveys had shown.\">";
        Article a = extract(description, SHORT_ARTICLE + BLURB);
        assertThat(a.bodyText()).contains("new breakwater would be finished").contains("piles had to be driven")
                .doesNotContain("leading trade paper");
    }

    @Test
    void aDescriptionTheFirstBodyAlreadyHoldsChangesNothing() {
        String description = "<meta name=description content=\"The harbour authority said the new breakwater, planned "
                + "for more than a decade, would be finished by the end of next year, weeks later than promised.\">";
        Article a = extract(description, article(PROSE) + BLURB);
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.bodyText()).doesNotContain("leading trade paper");
    }

    /** A reader's comment of three paragraphs: too much prose for the small-furniture rule to take it. */
    private static final String COMMENT = "<li class=comment><div class=comment-body>" + ("<p>I have fished from this "
            + "quay for thirty years, in calm and in storm, and I can tell you, whatever the engineers say, that the "
            + "western end was always soft, always shifting, and always the first place to flood in winter.</p>")
            .repeat(3) + "</div></li>";

    @Test
    void aLongThreadOfReadersCommentsIsNotTakenForTheArticle() {
        // a thread outweighs a short article; named as a thread (comments, commentlist), it goes however long it is
        Article a = extract("<main><article><div class=entry-content>" + PROSE + "</div></article>"
                + "<div id=comments><h3>4 comments</h3><ol class=commentlist>" + COMMENT.repeat(4)
                + "</ol></div></main>");
        assertThat(a.paragraphs()).hasSize(4);
        assertThat(a.bodyText()).startsWith("The harbour authority").doesNotContain("thirty years");
    }

    private static String section(int paragraphs, String topic) {
        String p = "<p>On the " + topic + ", the authority said, the work had gone as planned, with the piles driven, "
                + "the blocks laid, and the stone placed, in the order the engineers had set out in the spring.</p>";
        return "<div class=row><div class=col><div class=blk>" + p.repeat(paragraphs) + "</div></div></div>";
    }

    @Test
    void anArticleWhosePageBuilderPutEachSectionInAContainerOfItsOwnIsKeptWhole() {
        // one section a little longer than the rest: the others score about seven tenths of it
        Article a = extract("<main><div class=page-builder>" + section(3, "western arm") + section(2, "eastern arm")
                + section(2, "old pier") + section(2, "new quay") + "</div></main>");
        assertThat(a.bodyText()).contains("western arm").contains("eastern arm").contains("old pier")
                .contains("new quay");
        assertThat(a.paragraphs()).hasSize(9);
    }
}
