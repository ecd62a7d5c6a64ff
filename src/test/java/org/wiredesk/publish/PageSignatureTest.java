package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;

class PageSignatureTest {
    private static final String TEXT_SHA = "a".repeat(64);
    private static final String HTML_SHA = "b".repeat(64);

    private static PageFields fields(String headline, String url) {
        return new PageFields(new StoryId(42), headline, TEXT_SHA, HTML_SHA, url,
                Instant.parse("2026-11-26T12:00:00.123456Z"));
    }

    @Test
    void theCanonicalFormIsTheFrozenPrefixThenEachFieldLengthPrefixedInUtf8Bytes() {
        String canonical = new String(fields("Ministers meet in Tehran — ok", "https://agency.example/g-1").canonical(),
                StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("wiredesk-page-v1\n"
                + "2:42\n"
                + "31:Ministers meet in Tehran — ok\n" // the em dash is three bytes
                + "64:" + TEXT_SHA + "\n"
                + "64:" + HTML_SHA + "\n"
                + "26:https://agency.example/g-1\n"
                + "24:2026-11-26T12:00:00.123Z\n");
    }

    @Test
    void noFieldCanBleedIntoTheNext() {
        PageFields a = fields("Headline\n26:https://evil.example/x", "https://agency.example/g-1");
        PageFields b = fields("Headline", "https://evil.example/x\n26:https://agency.example/g-1");
        assertThat(a.canonical()).isNotEqualTo(b.canonical());
    }

    @Test
    void aSignatureVerifiesWithItsPublicKeyAndWithNoOther() {
        KeyPair desk = DeskKeys.generate();
        PageSignature signed = PageSignature.sign(fields("Ministers meet", "https://agency.example/g-1"), desk);
        assertThat(signed.isValidFor(desk.getPublic())).isTrue();
        assertThat(signed.isValidFor(DeskKeys.generate().getPublic())).isFalse();
        PageSignature otherHeadline = new PageSignature(fields("Ministers meel", "https://agency.example/g-1"),
                signed.keyId(), signed.signatureBase64());
        assertThat(otherHeadline.isValidFor(desk.getPublic())).isFalse();
        assertThat(new PageSignature(signed.fields(), signed.keyId(), "not base64!").isValidFor(desk.getPublic()))
                .isFalse();
    }

    @Test
    void theKeyIdIsTheFirstSixteenHexDigitsOfTheSha256OfTheX509Encoding() throws Exception {
        KeyPair desk = DeskKeys.generate();
        String full = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(desk.getPublic().getEncoded()));
        assertThat(DeskKeys.keyId(desk.getPublic())).hasSize(16).isEqualTo(full.substring(0, 16));
        assertThat(PageSignature.sign(fields("H", "https://a.example/"), desk).keyId())
                .isEqualTo(DeskKeys.keyId(desk.getPublic()));
    }

    @Test
    void aPublicKeyRoundTripsThroughAPemFile(@TempDir Path dir) throws Exception {
        KeyPair desk = DeskKeys.generate();
        Path file = dir.resolve("desk-key.pem");
        Files.writeString(file, PemKeys.toPem(desk.getPublic()));
        assertThat(Files.readString(file)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PemKeys.readPublicKey(file)).isEqualTo(desk.getPublic());
        assertThatThrownBy(() -> PemKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 public key");
    }

    @Test
    void aKeyPairComesBackFromTheEncodingsTheStoreKeepsAndAMismatchedPairIsRefused() {
        KeyPair desk = DeskKeys.generate();
        KeyPair back = DeskKeys.fromEncoded(desk.getPrivate().getEncoded(), desk.getPublic().getEncoded());
        PageSignature signed = PageSignature.sign(fields("H", "https://a.example/"), back);
        assertThat(signed.isValidFor(desk.getPublic())).isTrue();
        assertThatThrownBy(() -> DeskKeys.fromEncoded(desk.getPrivate().getEncoded(),
                DeskKeys.generate().getPublic().getEncoded()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void aTimeIsReadOnlyInTheSignedForm() {
        assertThat(PageFields.parseTime("2026-11-26T12:00:00.000Z")).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThatThrownBy(() -> PageFields.parseTime("2026-11-26T12:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageFields.parseTime("2026-11-26T12:00:00.000+00:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
