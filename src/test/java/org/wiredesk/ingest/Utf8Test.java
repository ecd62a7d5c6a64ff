package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void utf8WithNonAsciiTextIsRecognised() {
        assertThat(Utf8.isValidWithMultibyte("谷歌 DeepMind — café".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void legacyEncodingsAndPureAsciiAreNot() {
        assertThat(Utf8.isValidWithMultibyte("谷歌在2014年收购的人工智能公司".getBytes(Charset.forName("GB2312")))).isFalse();
        assertThat(Utf8.isValidWithMultibyte("café".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Utf8.isValidWithMultibyte("plain ascii".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void truncatedAndOverlongSequencesAreInvalid() {
        assertThat(Utf8.isValidWithMultibyte(new byte[] {'a', (byte) 0xE4, (byte) 0xB8})).isFalse();
        assertThat(Utf8.isValidWithMultibyte(new byte[] {(byte) 0xC0, (byte) 0xAF})).isFalse();
    }

    @Test
    void aPageConvertedToUtf8ThatStillDeclaresGb2312IsReadAsUtf8() throws Exception {
        var page = Corpus.path("readability/pages/qq/source.html");
        Article a = new ArticleExtractor().extract(new SourceDocument("qq", page.toUri(),
                java.nio.file.Files.readAllBytes(page), null));
        assertThat(a.bodyText()).contains("DeepMind");
        assertThat(a.bodyText()).contains("人工智能");
    }
}
