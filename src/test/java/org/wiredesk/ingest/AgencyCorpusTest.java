package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wiredesk.story.Story;

/**
 * Every NewsML-G2 and ninjs file in the agency corpus, through the real ingest on a real store: a text item becomes a
 * story with the headline and body the file states, a picture or audio item and every broken item go to the
 * quarantine with their reason. The expected values were read off the files themselves.
 */
class AgencyCorpusTest {

    /** What a corpus file must come to. */
    record Expect(String file, String headline, String firstWords, Integer urgency, String embargo, String refusal,
                  int items) {
        static Expect story(String file, String headline, String firstWords, Integer urgency, String embargo) {
            return new Expect(file, headline, firstWords, urgency, embargo, null, 1);
        }

        static Expect refused(String file, String reason) {
            return refused(file, reason, 1);
        }

        static Expect refused(String file, String reason, int items) {
            return new Expect(file, null, null, null, null, reason, items);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expect> corpus() {
        String dpa = "agency/newsml-g2/dpa/";
        String iptc = "agency/newsml-g2/iptc/";
        String ninjs = "agency/ninjs/";
        return Stream.of(
                Expect.refused(dpa + "audio.xml", "not a text item (itemClass ninat:audio)"),
                Expect.story(dpa + "dw-1.xml", "«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz",
                        "Ein Unternehmen aus Baden vertreibt Blutkapseln und «künstliche Jungfernhäutchen».", 3, null),
                Expect.story(dpa + "eil.xml", "Grünen-Spitze tritt nach Wahlniederlagen ab",
                        "Berlin (dpa) - Die Grünen-Spitze zieht nach den Misserfolgen der Partei", 2, null),
                Expect.story(dpa + "embargoed.xml", "Steinmeier: Russland zerstört kulturelles Erbe der Ukraine",
                        "Eine Ausstellung in Berlin zeigt vor dem Krieg gerettete Gemälde aus Odessa.", 4,
                        "2025-01-23T19:00:00+01:00"),
                Expect.story(dpa + "empty_paragraph.xml", "AMP.- O.Próximo.- Netanyahu acusa al TPI de actuar por "
                        + "\"odio antisemita\" hacia Israel al ordenar su arresto", "AMP.- O.Próximo.- Netanyahu acusa al "
                        + "TPI de actuar por \"odio antisemita\" hacia Israel al ordenar su arresto MADRID, 21 Nov. 2024 "
                        + "(Europa Press) - El primer ministro israelí, Benjamin Netanyahu", 4, null),
                Expect.story(dpa + "hoerfunk.xml", "dpa/audio-Programm für Mittwoch, 20. November 2024, 15 Uhr",
                        "Ihr Ansprechpartner: Thomas Brockt, Tel. (030) 2852-31360", 3, null),
                Expect.refused(dpa + "image.xml", "not a text item (itemClass ninat:picture)"),
                Expect.story(dpa + "lesestuecke.xml", "Folgende Lesestücke des Ressorts Politik sind weiter aktuell",
                        "Fragen-und-Antworten «Was Israel im Libanon erreichen will - und was droht» vom 24.9.", 4, null),
                Expect.refused(dpa + "no_content.xml", "not a text item (itemClass ninat:picture)"),
                Expect.story(dpa + "no_notepad.xml",
                        "Shares in India's Adani Group plunge 20% after US bribery, fraud indictments",
                        "One of Asia’s richest men, controversial Indian tycoon Gautam Adani, is again in the "
                        + "spotlight.", 4, null),
                Expect.story(dpa + "nsb_n1.xml", "Baum auf Bahnstrecke bei Peine - Verspätungen",
                        "Ein umgestürzter Baum behindert den Bahnverkehr zwischen Peine und Hämelerwald.", 4, null),
                Expect.story(dpa + "rubix_multimedia_real.xml", "Israel greift erneut südliche Vororte Beiruts an",
                        "Israels Armee will die Finanzstrukturen der proiranischen Schiiten-Miliz im Libanon "
                        + "zerstören.", 3, null),
                Expect.story(dpa + "spe2.xml", "Ergebnisse Tennis", "Billie Jean King Cup K.o.-Runde in Málaga/Spanien",
                        3, null),
                Expect.story(dpa + "with_dateline.xml", "DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?",
                        "Dass ein Start-up aus China sein KI-Modell günstig trainierte, löste einen Kursrutsch in den "
                        + "USA aus.", 3, null),
                // IPTC's listing 1 has a headline and an embargo, but its inlineXML holds only comments
                Expect.refused(iptc + "LISTING_1_A_NewsML-G2_News_Item.xml", "the NewsML-G2 item has no text body"),
                Expect.story(iptc + "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
                        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
                        "(Sports Network) - A pair of teams coming off big weekend sweeps will square off tonight",
                        null, null),
                // a package and four items written "....." in the listing: each item has no headline
                Expect.refused(iptc + "LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
                        "the NewsML-G2 item has no headline", 4),
                // listings 25 and 28 are fragments (a contentSet, a contentMeta), not items
                Expect.refused(iptc + "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
                        "neither a feed nor an article page, nor a NewsML-G2 or ninjs item"),
                Expect.refused(iptc + "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
                        "neither a feed nor an article page, nor a NewsML-G2 or ninjs item"),
                Expect.refused(iptc + "LISTING_29_Hop_History.xml", "the NewsML-G2 item has no headline"),
                Expect.story(iptc + "LISTING_2_NewsML-G2_Text_Document.xml", "Fed to halt QE to avert \"bubble\"",
                        "(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet", null, null),
                Expect.refused(iptc + "LISTING_3_Photo_in_NewsML-G2.xml", "not a text item (itemClass ninat:picture)"),
                // the item itself says "the worldâ€™s most powerful": UTF-8 decoded twice before it was sent (ADR 20)
                Expect.refused(ninjs + "1.4_businesswire-newsml-20130515006361.json",
                        "The body is UTF-8 decoded twice (\"â€™\" where the source meant \"’\""),
                Expect.story(ninjs + "1.4_ninjsExSimpleText1.json", "Captain of wrecked cruise ship on trial in Italy",
                        "GROSSETO, Italy (AP) -- The trial of the captain of the shipwrecked Costa Concordia", null,
                        null),
                Expect.refused(ninjs + "2.1_ap_image.json", "not a text item (ninjs type picture)"),
                Expect.story(ninjs + "2.1_dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                        "Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».", 4, null),
                // TT's html5 body repeats the headline and its vignette (two spans, no space between) before the
                // text: the body as TT sent it
                Expect.story(ninjs + "2.1_tt_text_image_2.json", "Militärövning i jätteformat hålls 2023",
                        "Militärövning i jätteformat hålls 2023 FörsvarTT Pandemin satte stopp", 3, null),
                Expect.story(ninjs + "3.0_20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-"
                        + "ever-addb-ninjs-nitf.json", "Anti-doping measures at the 'Tour Down Under' will be the "
                        + "toughest ever", "The Australian Sports Anti-Doping Authority (ASADA) today announced", 4,
                        null),
                Expect.story(ninjs + "3.0_dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                        "Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».", 4, null),
                Expect.story(ninjs + "3.1_004_simple_text_article.json", "Captain of wrecked cruise ship on trial in "
                        + "Italy", "GROSSETO, Italy (AP) -- The trial of the captain", null, null),
                Expect.story(ninjs + "3.1_005_complex_text_article.json", "Captain of wrecked cruise ship on trial in "
                        + "Italy", "GROSSETO, Italy (AP) -- The trial of the captain", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachAgencyFileBecomesItsStoryOrIsQuarantinedWithItsReason(Expect expect) {
        Path file = Corpus.path(expect.file());
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(file.toString()), "test", o -> { });
            if (expect.refusal() != null) {
                assertThat(report.added()).isZero();
                assertThat(report.rejected()).isEqualTo(expect.items());
                assertThat(fx.quarantine.open()).hasSize(expect.items())
                        .allSatisfy(q -> assertThat(q.reason()).contains(expect.refusal()))
                        .allSatisfy(q -> assertThat(fx.quarantine.content(q.id())).isPresent());
                return;
            }
            assertThat(report.rejected()).as(report.summary()).isZero();
            assertThat(report.added()).isEqualTo(1);
            Story story = fx.stories.findAll(Set.of()).get(0);
            assertThat(story.agencyHeadline().text()).isEqualTo(expect.headline());
            assertThat(BodyText.of(story.body().html())).startsWith(expect.firstWords());
            WireItem item = readOne(file);
            assertThat(item.agency().urgency()).isEqualTo(expect.urgency());
            assertThat(item.embargo()).isEqualTo(expect.embargo() == null ? null
                    : OffsetDateTime.parse(expect.embargo()));
            assertThat(item.agency().format()).isEqualTo(expect.file().endsWith(".json") ? "ninjs" : "newsml-g2");
            assertThat(item.agency().withdrawn()).isFalse();
        }
    }

    @Test
    void theListAboveAccountsForEveryAgencyFileInTheCorpus() throws IOException {
        List<String> listed = corpus().map(Expect::file).sorted().toList();
        try (Stream<Path> walk = Files.walk(Corpus.path("agency"))) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("LICENSE|NOTICE|README.md"))
                    .map(p -> Corpus.root().relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(listed).containsExactlyElementsOf(files).hasSize(31);
        }
    }

    /** The one text item of an agency file, as its reader reads it. */
    static WireItem readOne(Path file) {
        try {
            List<ReadItem> items = read(file);
            assertThat(items).filteredOn(i -> !i.isRefused()).hasSize(1);
            return items.stream().filter(i -> !i.isRefused()).findFirst().orElseThrow().item();
        } catch (IOException | NotIngestibleException e) {
            throw new AssertionError(e);
        }
    }

    static List<ReadItem> read(Path file) throws IOException, NotIngestibleException {
        SourceDocument doc = new SourceDocument(file.toString(), file.toUri(), Files.readAllBytes(file), null);
        return switch (DocumentKind.of(doc)) {
            case NEWSML_G2 -> new NewsmlG2Reader().read(doc);
            case NINJS -> new NinjsReader().read(doc);
            default -> throw new AssertionError(file + " is not an agency item");
        };
    }
}
