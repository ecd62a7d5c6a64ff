package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An entry's body is one of its contents, never several joined: the words of a body are never glued or doubled. */
class FeedContentTest {
    private static final String ALTERNATIVES = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Harbour wire</title>
              <modified>2026-11-28T10:00:00Z</modified>
              <entry>
                <title>Ferries resume after the storm</title>
                <link rel="alternate" type="text/html" href="https://harbour.example/ferries"/>
                <id>tag:harbour.example,2026:ferries</id>
                <modified>2026-11-28T10:00:00Z</modified>
                <issued>2026-11-28T10:00:00Z</issued>
                <content type="text/plain" mode="escaped">Ferries resumed on Friday after the storm.</content>
                <content type="text/html" mode="escaped">&lt;p&gt;Ferries resumed on &lt;b&gt;Friday&lt;/b&gt; after the storm.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

    private static List<WireItem> read(String name, byte[] bytes) throws NotIngestibleException {
        return new FeedReader().read(new SourceDocument(name, null, bytes, null));
    }

    @Test
    void ofAlternativeContentsTheHtmlOneIsTheBodyAndOnlyOnce() throws Exception {
        WireItem item = read("alternatives.xml", ALTERNATIVES.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(item.bodyHtml()).contains("<b>Friday</b>");
        assertThat(Jsoup.parse(item.bodyHtml()).text()).isEqualTo("Ferries resumed on Friday after the storm.");
    }

    @Test
    void romesOwnAtom03FeedGivesEachEntryItsFirstContentNotTwoGluedTogether() throws Exception {
        List<WireItem> items = read("rome/atom_0.3.xml", Files.readAllBytes(Corpus.path("feeds/rome/atom_0.3.xml")));
        assertThat(items).extracting(i -> Jsoup.parse(i.bodyHtml()).text())
                .containsExactly("atom_0.3.feed.entry[0].content[0]", "atom_0.3.feed.entry[1].content[0]");
    }
}
