package org.wiredesk.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The one place that decides which charset a document's bytes are in, for feeds and pages alike (ADR 20): a byte
 * order mark; the HTTP header's charset; valid multi-byte UTF-8; the XML declaration; the HTML meta tag
 * ({@code <meta charset>} or {@code http-equiv}); and when none of those says, juniversalchardet's guess.
 */
final class Charsets {
    /**
     * How far into a document its meta tag is looked for: HTML asks for it in the first 1,024 bytes, but pages put it
     * after long scripts and styles, and Jsoup (which reads pages) looks through the whole head.
     */
    private static final int DECLARATION_BYTES = 32 * 1024;
    /** How much of a document the detector is shown: it decides long before, and this keeps it linear. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)");
    private static final Pattern XML_DECLARATION = Pattern.compile(
            "^\\s*<\\?xml[^>]{0,512}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta\\s[^>]{0,512}?charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** Where a charset was found, in the order they are asked. */
    enum Source {
        BYTE_ORDER_MARK("its byte order mark"),
        HTTP_HEADER("the HTTP header"),
        UTF8_BYTES("its bytes, which are valid UTF-8"),
        XML_DECLARATION("its XML declaration"),
        META_TAG("its meta tag"),
        SNIFFED("a guess from its bytes (no charset was declared)"),
        DEFAULT("the default (nothing declared, nothing recognised)");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /** The charset to decode a document with, and where it was found. */
    record Decision(Charset charset, Source source) {
        /** "windows-1255 (a guess from its bytes ...)", for reasons given to the desk. */
        String describe() {
            return charset.name() + " (from " + source.words() + ")";
        }
    }

    static Decision of(SourceDocument doc) {
        return of(doc.content(), doc.contentType());
    }

    static Decision of(byte[] b, String contentType) {
        Charset bom = byteOrderMark(b);
        if (bom != null) {
            return new Decision(bom, Source.BYTE_ORDER_MARK);
        }
        Charset utf16 = utf16WithoutMark(b);
        if (utf16 != null) {
            // "<?" in two bytes per character: the XML specification's own way to tell UTF-16 without a mark, as
            // sure a sign as a mark (a header naming "utf-16" for bytes that are not is read as UTF-8 below)
            return new Decision(utf16, Source.XML_DECLARATION);
        }
        Charset header = contentType == null ? null : param(contentType);
        if (header != null) {
            return new Decision(header, Source.HTTP_HEADER);
        }
        // a document converted to UTF-8 often keeps declaring its old charset, and real text in a legacy charset is
        // practically never valid multi-byte UTF-8: the bytes outrank a declaration inside the document
        if (Utf8.isValidWithMultibyte(b)) {
            return new Decision(StandardCharsets.UTF_8, Source.UTF8_BYTES);
        }
        String head = new String(b, 0, Math.min(b.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Charset xml = declared(XML_DECLARATION.matcher(head));
        if (xml != null) {
            return new Decision(xml, Source.XML_DECLARATION);
        }
        Charset meta = metaCharset(head);
        if (meta != null) {
            return new Decision(meta, Source.META_TAG);
        }
        Charset sniffed = sniff(b);
        if (sniffed != null) {
            return new Decision(sniffed, Source.SNIFFED);
        }
        return new Decision(StandardCharsets.UTF_8, Source.DEFAULT);
    }

    /** The document's text, decoded with the charset decided for it (a byte order mark is not text). */
    static String decode(SourceDocument doc) {
        return decode(doc.content(), of(doc).charset());
    }

    static String decode(byte[] b, Charset charset) {
        int skip = markLength(b, charset);
        String text = new String(b, skip, b.length - skip, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The document with the charset decided for it stated as its content type's charset, so whatever reads it
     * (Jsoup for a page, which honours the content type first) decodes it as the desk decided. The bytes are kept
     * as they came; a file, which has no content type, gets a bare {@code ;charset=} parameter, which names no
     * media type and so changes nothing in how its kind is judged.
     */
    static SourceDocument labelled(SourceDocument doc) {
        Decision decision = of(doc);
        String type = doc.contentType();
        String base = type == null ? "" : CHARSET_PARAM.matcher(type).replaceAll("").replaceAll("[;\\s]+$", "");
        String labelled = base + ";charset=" + decision.charset().name();
        if (labelled.equals(type)) {
            return doc;
        }
        return new SourceDocument(doc.origin(), doc.location(), doc.content(), labelled);
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int markLength(byte[] b, Charset charset) {
        Charset bom = byteOrderMark(b);
        if (bom == null || !bom.equals(charset)) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    private static Charset utf16WithoutMark(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && startsMarkup(b[3])) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && startsMarkup(b[2]) && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** What follows "<" at the start of markup: "?", "!" or a letter. */
    private static boolean startsMarkup(byte c) {
        return c == '?' || c == '!' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Charset param(String contentType) {
        return declared(CHARSET_PARAM.matcher(contentType));
    }

    /** The meta tag's charset, {@code <meta charset=...>} or {@code <meta http-equiv content="...; charset=...">}. */
    private static Charset metaCharset(String head) {
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset c = usable(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Charset declared(Matcher m) {
        return m.find() ? usable(m.group(1)) : null;
    }

    /**
     * The charset a label names, as browsers read labels (the WHATWG Encoding standard): "iso-8859-1", "latin1" and
     * "us-ascii" mean windows-1252, whose bytes 0x80-0x9F are letters and quotes rather than control characters;
     * a label that names UTF-16 in bytes that are read as ASCII cannot be right and means UTF-8. Null for a label
     * Java does not know (the next source of a charset is asked).
     */
    static Charset usable(String label) {
        if (label == null) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252",
                 "windows-1252", "x-cp1252" -> {
                return WINDOWS_1252;
            }
            case "utf-16", "utf-16le", "utf-16be", "utf16" -> {
                return StandardCharsets.UTF_8;
            }
            case "tis620", "tis-620", "iso-8859-11" -> {
                // windows-874 is TIS-620 with a few punctuation marks more, as browsers read all three
                return Charset.isSupported("x-windows-874") ? Charset.forName("x-windows-874") : lookup("TIS-620");
            }
            case "gb2312", "gbk", "x-gbk" -> {
                return lookup("GB18030");
            }
            default -> {
                return lookup(l);
            }
        }
    }

    private static Charset lookup(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** juniversalchardet's guess, or null when it has none (it says so rather than guess wildly). */
    private static Charset sniff(byte[] b) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, 0, Math.min(b.length, SNIFF_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return null;
        }
        return "US-ASCII".equalsIgnoreCase(name) ? StandardCharsets.UTF_8 : usable(name);
    }
}
