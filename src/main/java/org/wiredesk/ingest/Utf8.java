package org.wiredesk.ingest;

/** A fast check of whether bytes are well-formed UTF-8. */
final class Utf8 {
    private Utf8() {
    }

    /** Whether the bytes are well-formed UTF-8 and hold at least one multi-byte character. */
    static boolean isValidWithMultibyte(byte[] b) {
        boolean multibyte = false;
        int i = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            multibyte = true;
            i += extra + 1;
        }
        return multibyte;
    }
}
