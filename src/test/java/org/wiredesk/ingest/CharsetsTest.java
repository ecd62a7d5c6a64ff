package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;

/** The order a document's charset is taken in (ADR 20), for pages and feeds alike. */
class CharsetsTest {
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final String RUSSIAN = "Правительство утвердило новый бюджет на следующий год, сообщили в министерстве";

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aByteOrderMarkOutranksTheHttpHeaderAndEveryDeclaration() {
        byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("<meta charset=\"koi8-r\"><p>Grüße</p>", StandardCharsets.UTF_8));
        Charsets.Decision d = Charsets.of(page, "text/html; charset=windows-1251");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.source()).isEqualTo(Charsets.Source.BYTE_ORDER_MARK);
        assertThat(Charsets.decode(page, d.charset())).startsWith("<meta").contains("Grüße");
    }

    @Test
    void theHttpHeaderOutranksTheXmlDeclarationAndTheMetaTag() {
        byte[] feed = bytes("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><channel><title>" + RUSSIAN
                + "</title></channel></rss>", WINDOWS_1251);
        Charsets.Decision d = Charsets.of(feed, "application/rss+xml; charset=\"windows-1251\"");
        assertThat(d.charset()).isEqualTo(WINDOWS_1251);
        assertThat(d.source()).isEqualTo(Charsets.Source.HTTP_HEADER);
    }

    @Test
    void theXmlDeclarationIsReadWhenTheHeaderNamesNoCharset() {
        byte[] feed = bytes("<?xml version='1.0' encoding='koi8-r'?><rss><channel><title>" + RUSSIAN
                + "</title></channel></rss>", KOI8_R);
        Charsets.Decision d = Charsets.of(feed, "text/xml");
        assertThat(d.charset()).isEqualTo(KOI8_R);
        assertThat(d.source()).isEqualTo(Charsets.Source.XML_DECLARATION);
    }

    @Test
    void bothFormsOfTheMetaTagAreRead() {
        byte[] html5 = bytes("<!doctype html><html><head><meta charset=windows-1251><title>" + RUSSIAN
                + "</title></head></html>", WINDOWS_1251);
        byte[] httpEquiv = bytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">"
                + "<title>" + RUSSIAN + "</title></head></html>", KOI8_R);
        assertThat(Charsets.of(html5, null)).isEqualTo(new Charsets.Decision(WINDOWS_1251, Charsets.Source.META_TAG));
        assertThat(Charsets.of(httpEquiv, null)).isEqualTo(new Charsets.Decision(KOI8_R, Charsets.Source.META_TAG));
    }

    @Test
    void aDocumentThatDeclaresNothingIsSniffed() {
        byte[] page = bytes("<html><body><p>" + RUSSIAN + "</p><p>" + RUSSIAN + "</p></body></html>", KOI8_R);
        Charsets.Decision d = Charsets.of(page, null);
        assertThat(d).isEqualTo(new Charsets.Decision(KOI8_R, Charsets.Source.SNIFFED));
        assertThat(Charsets.decode(page, d.charset())).contains(RUSSIAN);
    }

    @Test
    void latin1AndAsciiLabelsAreReadAsWindows1252AsBrowsersDo() {
        byte[] page = bytes("<meta charset=iso-8859-1><p>\u201Edon\u2019t\u201C \u2013 caf\u00e9</p>",
                Charset.forName("windows-1252"));
        Charsets.Decision d = Charsets.of(page, null);
        assertThat(d.charset().name()).isEqualTo("windows-1252");
        assertThat(Charsets.decode(page, d.charset())).contains("\u201Edon\u2019t\u201C \u2013 caf\u00e9")
                .doesNotContainPattern("[\u0080-\u009F]");
    }

    @Test
    void aLabelNobodyKnowsGivesWayToTheNextWayOfFindingTheCharset() {
        byte[] feed = bytes("<?xml version=\"1.0\" encoding=\"x-fake\"?><rss><channel><title>" + RUSSIAN + " "
                + RUSSIAN + "</title></channel></rss>", KOI8_R);
        assertThat(Charsets.of(feed, "text/xml; charset=bogus"))
                .isEqualTo(new Charsets.Decision(KOI8_R, Charsets.Source.SNIFFED));
    }

    @Test
    void validUtf8OutranksAStaleDeclarationInsideTheDocument() {
        byte[] page = bytes("<meta charset=gb2312><p>谷歌 DeepMind 公司</p>", StandardCharsets.UTF_8);
        assertThat(Charsets.of(page, null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithoutAMarkIsToldFromItsFirstCharacters() {
        byte[] feed = bytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>", StandardCharsets.UTF_16BE);
        assertThat(Charsets.of(feed, null).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void aLabelledDocumentKeepsItsBytesAndItsMediaType() {
        byte[] page = bytes("<html><body><p>" + RUSSIAN + "</p></body></html>", KOI8_R);
        SourceDocument labelled = Charsets.labelled(new SourceDocument("x", null, page, "text/html"));
        assertThat(labelled.content()).isSameAs(page);
        assertThat(labelled.contentType()).isEqualTo("text/html;charset=KOI8-R");
        assertThat(DocumentKind.of(Charsets.labelled(new SourceDocument("y", null, "plain".getBytes(), null))))
                .isEqualTo(DocumentKind.UNKNOWN);
    }

    @Test
    void aPageWithoutAnyDeclarationIsIngestedInItsOwnScript() {
        String paragraph = "<p>" + RUSSIAN + ". " + RUSSIAN + ". " + RUSSIAN + ".</p>";
        byte[] page = bytes("<html><head><title>Бюджет утверждён правительством</title></head><body><article>"
                + paragraph.repeat(4) + "</article></body></html>", WINDOWS_1251);
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(new SourceDocument("budget.html",
                    java.net.URI.create("https://news.example/budget"), page, null), "test");
            assertThat(outcome.added()).as(outcome.line()).isEqualTo(1);
            List<Story> stored = fx.stories.findAll(java.util.Set.of());
            assertThat(stored.get(0).agencyHeadline().text()).isEqualTo("Бюджет утверждён правительством");
            assertThat(stored.get(0).body().html()).contains(RUSSIAN).doesNotContain("\uFFFD");
        }
    }
}
