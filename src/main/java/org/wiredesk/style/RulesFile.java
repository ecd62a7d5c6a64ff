package org.wiredesk.style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a desk's house-style rules file: one {@code rule: value} per line, {@code #} starts a comment (the format
 * is documented in docs/house-style-rules.md). A line it cannot read is an error naming the line, never ignored.
 */
public final class RulesFile {
    /** The sample rules of a media-wire desk, shipped with WireDesk. */
    public static final String SAMPLE = "media-wire.rules";

    private RulesFile() {
    }

    /** A rules file that cannot be read: the message names the line and what is wrong with it. */
    public static final class RulesException extends IllegalArgumentException {
        public RulesException(int line, String message) {
            super("house style, line " + line + ": " + message);
        }
    }

    public static String sampleText() {
        try (InputStream in = RulesFile.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SAMPLE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HouseStyle parse(String text) {
        int maxLength = 0;
        double maxWidth = 0;
        String family = "DejaVu Serif";
        boolean bold = true;
        double size = 30;
        HouseStyle.Case headlineCase = HouseStyle.Case.ANY;
        Map<String, String> preferred = new LinkedHashMap<>();
        List<String> banned = new ArrayList<>();
        boolean curly = false;
        boolean noStop = false;
        HouseStyle.Numerals numerals = HouseStyle.Numerals.ANY;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new RulesException(no, "expected “rule: value”, got “" + line + "”");
            }
            String rule = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (rule) {
                case "max-length" -> maxLength = positiveInt(no, value);
                case "max-width" -> {
                    String[] parts = value.split(",");
                    if (parts.length != 4 || !parts[0].strip().toLowerCase(Locale.ROOT).endsWith("px")) {
                        throw new RulesException(no, "max-width is “PIXELS px, FONT FAMILY, bold|regular, SIZE”");
                    }
                    maxWidth = positiveInt(no, parts[0].strip().replaceAll("(?i)\\s*px$", ""));
                    family = parts[1].strip();
                    bold = parts[2].strip().equalsIgnoreCase("bold");
                    size = positiveInt(no, parts[3].strip());
                }
                case "case" -> headlineCase = choice(no, rule, value, HouseStyle.Case.class);
                case "quotes" -> curly = yesNo(no, rule, value, "curly", "any");
                case "trailing-full-stop" -> noStop = yesNo(no, rule, value, "no", "any");
                case "numerals" -> numerals = choice(no, rule, value, HouseStyle.Numerals.class);
                case "prefer" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new RulesException(no, "prefer is “RIGHT = wrong, other wrong”");
                    }
                    String right = value.substring(0, eq).strip();
                    for (String wrong : value.substring(eq + 1).split(",")) {
                        if (!wrong.isBlank()) {
                            preferred.put(wrong.strip(), right);
                        }
                    }
                }
                case "ban" -> {
                    for (String word : value.split(",")) {
                        if (!word.isBlank()) {
                            banned.add(word.strip());
                        }
                    }
                }
                default -> throw new RulesException(no, "unknown rule “" + rule + "”");
            }
        }
        return new HouseStyle(maxLength, maxWidth, family, bold, size, headlineCase, preferred, banned, curly, noStop,
                numerals);
    }

    private static int positiveInt(int no, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RulesException(no, "expected a positive whole number, got “" + value + "”");
    }

    private static boolean yesNo(int no, String rule, String value, String yes, String otherwise) {
        if (value.equalsIgnoreCase(yes)) {
            return true;
        }
        if (value.equalsIgnoreCase(otherwise)) {
            return false;
        }
        throw new RulesException(no, rule + " is “" + yes + "” or “" + otherwise + "”");
    }

    private static <E extends Enum<E>> E choice(int no, String rule, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> options = new ArrayList<>();
            for (E v : type.getEnumConstants()) {
                options.add(v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new RulesException(no, rule + " is one of " + String.join(", ", options));
        }
    }
}
