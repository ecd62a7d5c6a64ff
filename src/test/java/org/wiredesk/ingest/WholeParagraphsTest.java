package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Fingerprint;

/**
 * A paragraph kept is kept whole: an inline element inside running text is never removed on its own, whatever its
 * class, id or hiding attributes say, so every paragraph of a body stands word for word in its page. Each case is a
 * small page built like the real ones where words went missing (a linked name, a recipe's quantity, a newsletter
 * link, a byline inside a sentence, a hidden price); whole blocks named as furniture still go.
 */
class WholeParagraphsTest {
    private static final String PROSE = """
            <p>The harbour authority said on Tuesday that the new breakwater, planned for more than a decade, would be \
            finished by the end of next year, weeks later than the builders had promised in the spring.</p>
            <p>Engineers found that the seabed under the western section was softer than the surveys had shown, and \
            the piles there had to be driven twice as deep, which cost the project most of the summer.</p>
            <p>Fishermen, who have waited years for calmer water at the quay, said the delay was a disappointment, \
            but several added that they would rather wait for a wall that lasts than have one rushed.</p>
            """;

    private static String page(String inner) {
        return "<!doctype html><html lang=en><head><title>Breakwater late</title></head><body>"
                + "<nav><a href=/>Home</a></nav><main><article><div class=story-body>" + PROSE + inner
                + "</div></article></main><div class=share-bar><a class=share href=/s>Share</a></div></body></html>";
    }

    private static Article extract(String html) {
        return new ArticleExtractor().extract(new SourceDocument("test.html", URI.create("https://example.org/a"),
                html.getBytes(StandardCharsets.UTF_8), null));
    }

    /** Every paragraph of the body stands in the page's own text, as verify requires of a stored body. */
    private static void assertWordForWord(Article a, String html) {
        String page = Fingerprint.normalize(Jsoup.parse(html).text());
        assertThat(a.paragraphs()).isNotEmpty().allSatisfy(p -> assertThat(page).contains(p));
    }

    @Test
    void aLinkedNameWhoseLinkIsNamedLikeATagStaysInItsSentence() {
        String html = page("<p>The <a href=/t/doobie id=auto-tag_doobie-brothers>Doobie Brothers</a> will unite with "
                + "former frontman Michael McDonald for a tour, the band said on its website on Monday.</p>");
        Article a = extract(html);
        assertThat(a.bodyText()).contains("The Doobie Brothers will unite with former frontman");
        assertWordForWord(a, html);
    }

    @Test
    void aNameInAHoverCardLinkStaysWithTheCardsTextRatherThanLeaveAHole() {
        String html = page("<p>A man pleaded guilty to charges he threatened to kill Rep. <span class=rollover-people>"
                + "<a href=/people/jane-roe class=rollover-people-link>Jane Roe</a><span class=rollover-people-block>"
                + "<a href=/p/1>Roe asks court for leniency</a></span></span> (D-Minn.), the office said Monday.</p>");
        Article a = extract(html);
        assertThat(a.bodyText()).contains("threatened to kill Rep. Jane Roe").doesNotContain("Rep. (D-Minn.)");
        assertWordForWord(a, html);
    }

    @Test
    void aRecipesQuantityInATooltipNamedSpanIsKept() {
        String html = page("<p><span class=label>Servings: </span><span class=\"servings adjustable-tooltip\">3</span> "
                + "<span class=unit>cups</span></p>");
        Article a = extract(html);
        assertThat(a.paragraphs()).contains("Servings: 3 cups");
        assertWordForWord(a, html);
    }

    @Test
    void aLinkNamedLikeFurnitureInsideASentenceIsKept() {
        String html = page("<p>If you never want to miss a story about the harbour again, sign up for my "
                + "<a class=newsletter-signup href=/n>free newsletter</a> or follow me on the harbour's own site.</p>");
        Article a = extract(html);
        assertThat(a.bodyText()).contains("sign up for my free newsletter or follow me");
        assertWordForWord(a, html);
    }

    @Test
    void hiddenTextInsideARunOfTextIsKeptWithIt() {
        // hidden or not, these words stand in the page's text between the others: cut, the sentence would not
        String html = page("<p>The ticket costs <span class=price>€27.90</span><span style=\"display: none\">"
                + " €35.80</span> a person, the authority said, and children under twelve travel free of charge.</p>");
        Article a = extract(html);
        assertThat(a.bodyText()).contains("The ticket costs €27.90 €35.80 a person");
        assertWordForWord(a, html);
    }

    @Test
    void aBylineInsideTheSentenceThatCarriesItIsNotCutOutOfIt() {
        String html = page("<p>Reported by <span class=author>Ann Lee</span> from the quay, where the harbour "
                + "master showed the softer ground to a small group of visitors from the council.</p>");
        Article a = extract(html);
        assertThat(a.bodyText()).contains("Reported by Ann Lee from the quay");
        assertWordForWord(a, html);
    }

    @Test
    void inlineFurnitureStandingAloneInItsBlockStillGoes() {
        // nothing else in the block: removing the link takes no word out of a paragraph
        String html = page("<div><a class=share href=/s>Share this story</a></div>"
                + "<p><span class=advert-label>ADVERTISING</span></p>");
        Article a = extract(html);
        assertThat(a.bodyText()).doesNotContain("Share this story").doesNotContain("ADVERTISING");
        assertThat(a.paragraphs()).hasSize(3);
    }
}
