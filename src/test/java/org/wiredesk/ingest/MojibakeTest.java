package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Badly decoded text is refused, and real text in many languages is not (ADR 20): both directions, because a
 * false alarm keeps a good story from the desk as surely as a miss lets a garbled one through.
 */
class MojibakeTest {
    /** What UTF-8 text looks like when its bytes are read a second time as windows-1252. */
    private static String decodedTwice(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    }

    @Test
    void utf8DecodedTwiceIsFoundInEveryLanguageItHappensTo() {
        for (String text : List.of("Le café de l'été est fermé", "Ministerin äußert sich zur Lage",
                "He said it won’t happen again", "São Paulo é a maior cidade", "Zażółć gęślą jaźń",
                "Fiesta 🎉 in town", "Çok güzel bir gün", "Tiếng Việt có dấu")) {
            String garbled = decodedTwice(text);
            assertThat(Mojibake.problem("The body", garbled, "UTF-8")).as(garbled).contains("UTF-8 decoded twice");
        }
    }

    @Test
    void aByteWindows1252LeavesUndefinedMakesItAReplacementCharacterAndIsRefusedToo() {
        // "Ł" is C5 81 in UTF-8, and windows-1252 has nothing at 0x81
        assertThat(Mojibake.problem("The body", decodedTwice("w Łodzi"), "UTF-8")).contains("replacement character");
    }

    @Test
    void aSingleStrongPatternIsEnough() {
        assertThat(Mojibake.problem("The headline", "Minister says he wonâ€™t resign", "UTF-8"))
                .isEqualTo("The headline is UTF-8 decoded twice (\"â€™\" where the source meant \"’\", 1 time), "
                        + "read as UTF-8");
        assertThat(Mojibake.problem("The headline", "Visit the cafÃ© today", "UTF-8")).contains("\"é\"");
    }

    @Test
    void replacementCharactersAreRefusedWithHowManyAndInWhatCharset() {
        assertThat(Mojibake.problem("The body", "\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD", "windows-1252 (from x)"))
                .isEqualTo("The body did not decode cleanly: it holds 5 replacement characters (U+FFFD) where "
                        + "bytes could not be read as windows-1252 (from x)");
    }

    @Test
    void c1ControlsLeftAfterWindows1252AreRefused() {
        assertThat(Mojibake.windows1252Controls("don\u0092t \u0093so\u0094 \u0085")).isEqualTo("don’t “so” …");
        String left = Mojibake.windows1252Controls("limpieza\u008F here");
        assertThat(Mojibake.problem("The body", left, "UTF-8")).contains("1 C1 control character");
    }

    @Test
    void realTextInManyLanguagesIsNotRefused() {
        for (String text : List.of(
                "SÃO PAULO — A PREFEITURA DE SÃO PAULO ANUNCIOU NESTA SEGUNDA-FEIRA",
                "«A MINHA IRMÃ» disse ela, e a MÃE concordou",
                "Die „Große Straße“ und der „Gruß“ bleiben, sagte er",
                "NESTLÉ® und CAFÉ™ — ÉTÉ 2024, «À BIENTÔT»",
                "Ça coûte 20 € à Noël, n’est-ce pas ? « Oui » répond-il… – très cher",
                "Zażółć gęślą jaźń — Łódź, Kraków, Gdańsk",
                "Příliš žluťoučký kůň úpěl ďábelské ódy",
                "Árvíztűrő tükörfúrógép ÖRÖMÓDA",
                "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία",
                "Съешь же ещё этих мягких французских булок",
                "עברית ועוד שפות, كلمات عربية",
                "谷歌在2014年收购的人工智能公司 DeepMind",
                "Äpfel, Öl und Übermut — ÄÖÜ° 20° ÆØÅ æøå",
                "Straße² and Maß³, ½ price, Nº 5, 3ª edição",
                "Fiesta 🎉 in town ✓")) {
            assertThat(Mojibake.problem("The body", text, "UTF-8")).as(text).isNull();
        }
    }

    @Test
    void noPageOfTheThreeCorporaIsRefusedButThoseThatReallyAreGarbled() throws Exception {
        int pages = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (String dir : List.of("trafilatura-eval/html", "article-extraction-benchmark/html", "readability/pages")) {
            try (var files = java.nio.file.Files.walk(Corpus.path(dir))) {
                for (var file : files.filter(p -> p.toString().endsWith(".html")
                        && !p.toString().endsWith("expected.html")).sorted().toList()) {
                    byte[] bytes = java.nio.file.Files.readAllBytes(file);
                    Article a = new ArticleExtractor().extract(Charsets.labelled(
                            new SourceDocument(file.toString(), file.toUri(), bytes, null)));
                    if (Mojibake.problem("h", a.headline(), "") != null
                            || Mojibake.problem("b", a.bodyText(), "") != null) {
                        refused.add(file.getFileName().toString());
                    }
                    pages++;
                }
            }
        }
        assertThat(pages).isGreaterThan(590);
        // "NPCÂ´s" six times (UTF-8 decoded twice in the page itself), and a stray U+008F after a word
        assertThat(Set.copyOf(refused)).isEqualTo(Set.of("archive.org.the-pain.net.silkroad.html",
                "de.globalvoices.org.nicaragua.html"));
    }
}
