package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
