package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;

/**
 * Every encoding case of the feed corpus (issue 11, point 2) comes out as the right text, or is kept aside with the
 * reason when its text cannot be right: the feedparser and W3C files that declare a charset, declare a wrong or
 * unknown one, carry a byte order mark, or declare none at all (the eight "chardet" files).
 */
class FeedCharsetCorpusTest {
    /** The charset each file is really in, as its own description names it. */
    private static final Map<String, String> REALLY_IN = Map.ofEntries(
            Map.entry("feedparser/illformed__chardet__big5.xml", "Big5"),
            Map.entry("feedparser/illformed__chardet__eucjp.xml", "EUC-JP"),
            Map.entry("feedparser/illformed__chardet__euckr.xml", "EUC-KR"),
            Map.entry("feedparser/illformed__chardet__gb2312.xml", "GB2312"),
            Map.entry("feedparser/illformed__chardet__koi8r.xml", "KOI8-R"),
            Map.entry("feedparser/illformed__chardet__shiftjis.xml", "Shift_JIS"),
            Map.entry("feedparser/illformed__chardet__tis620.xml", "TIS-620"),
            Map.entry("feedparser/illformed__chardet__windows1255.xml", "windows-1255"),
            Map.entry("feedparser/encoding__big5.xml", "Big5"),
            Map.entry("feedparser/encoding__euc-kr.xml", "EUC-KR"),
            Map.entry("feedparser/encoding__utf-16be-autodetect.xml", "UTF-16BE"),
            Map.entry("feedparser/encoding__utf-16le-bom.xml", "UTF-16LE"),
            Map.entry("feedparser/encoding__utf-8-bom.xml", "UTF-8"),
            Map.entry("feedparser/encoding__demoronize-1.xml", "UTF-8"),
            Map.entry("feedparser/encoding__demoronize-2.xml", "UTF-8"),
            Map.entry("feedparser/encoding__demoronize-3.xml", "UTF-8"),
            Map.entry("feedparser/encoding__encoding_attribute_crash.xml", "UTF-8"),
            Map.entry("feedparser/encoding__bozo_encoding_mismatch_crash.xml", "windows-1252"),
            Map.entry("feedparser/encoding__bozo_bogus_encoding.xml", "UTF-8"),
            Map.entry("feedparser/illformed__http_high_bit_date.xml", "ISO-8859-7"),
            Map.entry("w3c-feedvalidator/xml__must__xml_declares_unknown_encoding.xml", "UTF-8"),
            Map.entry("w3c-feedvalidator/xml__must__xml_declares_wrong_encoding.xml", "windows-1252"),
            Map.entry("w3c-feedvalidator/xml__warning__xml_declares_no_encoding.xml", "UTF-8"));

    /** Files whose text cannot come out right: what the desk must say instead of storing them. */
    private static final Map<String, String> REFUSED = Map.of(
            "feedparser/encoding__bozo_linenoise.xml", "replacement character",
            "feedparser/encoding__bozo_double-encoded-html.xml", "UTF-8 decoded twice",
            "feedparser/encoding__double-encoded-html.xml", "UTF-8 decoded twice");

    @Test
    void everyEncodingCaseIsCoveredHere() throws IOException {
        List<String> cases = encodingCases();
        assertThat(cases).hasSize(27);
        for (String name : cases) {
            assertThat(REALLY_IN.containsKey(name) || REFUSED.containsKey(name)
                    || name.endsWith("invalid-bytes-with-bom.xml")).as(name).isTrue();
        }
    }

    @Test
    void everyFileIsDecodedInTheCharsetItIsReallyIn() throws IOException {
        for (Map.Entry<String, String> e : REALLY_IN.entrySet()) {
            byte[] bytes = Files.readAllBytes(Corpus.path("feeds/" + e.getKey()));
            String expected = Charsets.decode(bytes, Charset.forName(e.getValue()));
            String decoded = FeedReader.decode(doc(e.getKey(), bytes));
            assertThat(decoded).as(e.getKey()).isEqualTo(expected).doesNotContain("\uFFFD");
        }
    }

    @Test
    void everyTitleAndBodyReadsAsTheTextTheFileHolds() throws Exception {
        int compared = 0;
        for (Map.Entry<String, String> e : REALLY_IN.entrySet()) {
            byte[] bytes = Files.readAllBytes(Corpus.path("feeds/" + e.getKey()));
            Document expected = Jsoup.parse(Charsets.decode(bytes, Charset.forName(e.getValue())), "",
                    Parser.xmlParser());
            List<WireItem> items = new FeedReader().read(doc(e.getKey(), bytes));
            List<Element> raw = expected.select("item, entry");
            assertThat(items).as(e.getKey()).hasSize(raw.size());
            for (int i = 0; i < items.size(); i++) {
                WireItem item = items.get(i);
                Element title = raw.get(i).selectFirst("> title");
                Element body = raw.get(i).selectFirst("> description, > summary, > content");
                if (title != null) {
                    assertThat(item.headline()).as(e.getKey()).isEqualTo(Jsoup.parse(title.text()).text());
                    compared++;
                }
                if (body != null) {
                    String text = Jsoup.parse(item.bodyHtml()).text();
                    assertThat(text).as(e.getKey())
                            .isEqualTo(Mojibake.windows1252Controls(Jsoup.parse(body.text()).text()));
                    assertThat(Mojibake.problem("body", text, "x")).as(e.getKey()).isNull();
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(14);
    }

    @Test
    void theEightFilesWithoutAnyDeclarationReadInTheirOwnScripts() throws Exception {
        assertThat(firstText("illformed__chardet__windows1255.xml")).startsWith("האם תדפיס נייר של אתר אינטרנט");
        assertThat(firstText("illformed__chardet__tis620.xml")).startsWith("สำนักงานส่งเสริม");
        assertThat(firstText("illformed__chardet__koi8r.xml")).startsWith("Как пережить новогоднюю ночь");
        assertThat(firstText("illformed__chardet__euckr.xml")).isEqualTo("EUC-KR 에서 TypeKey 한글닉네임 표시하기");
        assertThat(firstText("illformed__chardet__eucjp.xml")).isEqualTo("ゲーム三昧な正月");
        assertThat(firstText("illformed__chardet__shiftjis.xml")).isEqualTo("DrecomRSSに記事投稿が反映されない…");
        assertThat(firstText("illformed__chardet__gb2312.xml")).isEqualTo("不归移民漫画系列：专业工作");
        String big5 = FeedReader.decode(doc("feedparser/illformed__chardet__big5.xml",
                Files.readAllBytes(Corpus.path("feeds/feedparser/illformed__chardet__big5.xml"))));
        assertThat(Jsoup.parse(big5, "", Parser.xmlParser()).selectFirst("title").text()).startsWith("我希望");
    }

    @Test
    void windows1252QuotesInAUtf8FeedAreReadAsTheQuotesTheyAre() throws Exception {
        for (String name : List.of("encoding__demoronize-1.xml", "encoding__demoronize-2.xml",
                "encoding__demoronize-3.xml")) {
            assertThat(firstText(name)).as(name).isEqualTo("don\u2019t");
        }
    }

    @Test
    void invalidBytesAfterAUtf8MarkAreReplacementCharactersThatRefuseTheText() throws Exception {
        String name = "feedparser/encoding__bozo_invalid-bytes-with-bom.xml";
        byte[] bytes = Files.readAllBytes(Corpus.path("feeds/" + name));
        assertThat(Charsets.of(bytes, null).source()).isEqualTo(Charsets.Source.BYTE_ORDER_MARK);
        String title = Jsoup.parse(FeedReader.decode(doc(name, bytes)), "", Parser.xmlParser())
                .selectFirst("channel > title").text();
        assertThat(title).startsWith("Valid UTF8: Ѩ").contains("\uFFFD");
        assertThat(Mojibake.problem("The source's name", title, "UTF-8")).contains("1 replacement character");
        assertThat(new FeedReader().read(doc(name, bytes))).isEmpty();
    }

    @Test
    void aDeclaredCharsetIsReadEvenWithoutItems() throws Exception {
        String euckr = FeedReader.decode(doc("feedparser/encoding__euc-kr.xml",
                Files.readAllBytes(Corpus.path("feeds/feedparser/encoding__euc-kr.xml"))));
        assertThat(Jsoup.parse(euckr, "", Parser.xmlParser()).selectFirst("channel > title").text())
                .isEqualTo("\ub144");
    }

    @Test
    void textThatCannotBeRightIsKeptAsideWithTheReasonAndNeverStored() throws Exception {
        try (IngestFixture fx = new IngestFixture()) {
            for (Map.Entry<String, String> e : REFUSED.entrySet()) {
                // the cases carry bodies only; each gets a plain title so that only its text can refuse it
                String xml = new String(Files.readAllBytes(Corpus.path("feeds/" + e.getKey())),
                        java.nio.charset.StandardCharsets.ISO_8859_1)
                        .replaceFirst("<item>", "<item><title>Encoding case</title>");
                SourceOutcome outcome = fx.service.ingest(new SourceDocument(e.getKey(), null,
                        xml.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null), "test");
                assertThat(outcome.added()).as(e.getKey()).isZero();
                assertThat(outcome.rejected()).as(e.getKey()).isEqualTo(1);
                assertThat(outcome.problems().get(0)).as(e.getKey()).contains(e.getValue())
                        .startsWith("The body");
            }
            assertThat(fx.stories.findAll(Set.of())).isEmpty();
            assertThat(fx.quarantine.open()).hasSize(REFUSED.size())
                    .allSatisfy(q -> assertThat(fx.quarantine.content(q.id())).isPresent());
        }
    }

    @Test
    void theChardetItemsWithTitlesAreStoredUnderTheirRealHeadlines() {
        try (IngestFixture fx = new IngestFixture()) {
            // (the GB2312 item has a title and no body, so it is kept aside for that)
            for (String name : List.of("koi8r", "euckr", "eucjp", "shiftjis")) {
                fx.service.ingest(List.of(Corpus.path("feeds/feedparser/illformed__chardet__" + name + ".xml")
                        .toString()), "test", o -> { });
            }
            List<Story> stored = fx.stories.findAll(Set.of());
            assertThat(stored).extracting(s -> s.agencyHeadline().text()).hasSize(4)
                    .allSatisfy(h -> assertThat(h).doesNotContain("\uFFFD", "null").matches(".*[^\\x00-\\x7F].*"))
                    .anySatisfy(h -> assertThat(h).startsWith("Как пережить новогоднюю ночь"))
                    .anySatisfy(h -> assertThat(h).isEqualTo("ゲーム三昧な正月"));
        }
    }

    private static String firstText(String name) throws Exception {
        Path file = Corpus.path("feeds/feedparser/" + name);
        WireItem item = new FeedReader().read(doc("feedparser/" + name, Files.readAllBytes(file))).get(0);
        String headline = item.headline();
        return headline != null && !headline.isBlank() ? headline : Jsoup.parse(item.bodyHtml()).text();
    }

    private static SourceDocument doc(String name, byte[] bytes) {
        // the file's own "Header:" line stands for what a server would send
        String type = name.contains("http_high_bit_date") ? "text/xml" : null;
        return new SourceDocument(name, null, bytes, type);
    }

    private static List<String> encodingCases() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Corpus.path("feeds/feedparser")),
                Files.list(Corpus.path("feeds/w3c-feedvalidator")))) {
            return files.map(p -> p.getParent().getFileName() + "/" + p.getFileName())
                    .filter(n -> n.contains("encoding__") || n.contains("chardet") || n.contains("http_high_bit")
                            || n.contains("xml_declares"))
                    .sorted().toList();
        }
    }
}
