package org.wiredesk.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the dates feeds and pages carry (ISO 8601, RFC 822 and its variants), keeping their zone. */
public final class DateParser {
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"), Map.entry("BST", "+0100"),
            Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("IRST", "+0330"));

    private static final DateTimeFormatter RFC822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .parseLenient()
            .appendPattern("d MMM ")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 1950)
            .appendPattern(" H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendLiteral(' ').appendOffset("+HHMM", "+0000").optionalEnd()
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private DateParser() {
    }

    public static Optional<OffsetDateTime> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        return iso(text).or(() -> rfc822(text));
    }

    private static Optional<OffsetDateTime> iso(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException ignored) {
            // try the looser forms below
        }
        try {
            return Optional.of(ZonedDateTime.parse(text).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // try the looser forms below
        }
        try {
            String withT = text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2")
                    .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")
                    .replaceFirst("([+-]\\d{2})$", "$1:00");
            return Optional.of(OffsetDateTime.parse(withT));
        } catch (DateTimeParseException ignored) {
            // try without a zone
        }
        try {
            return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    private static Optional<OffsetDateTime> rfc822(String text) {
        // comments in parentheses are allowed by RFC 822; a missing space after the weekday's comma is common
        String t = text.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s*,\\s*", ", ").replaceAll("\\s+", " ").strip();
        // the weekday says nothing the date does not (and is often wrong): drop it before parsing
        t = t.replaceFirst("^, ", "").replaceFirst("^[A-Za-z]+\\.?,? ", "");
        int lastSpace = t.lastIndexOf(' ');
        if (lastSpace > 0) {
            String zone = t.substring(lastSpace + 1).toUpperCase(Locale.ROOT);
            if (ZONES.containsKey(zone)) {
                t = t.substring(0, lastSpace + 1) + ZONES.get(zone);
            } else if (zone.matches("[A-IK-Y]")) {
                // military zones: RFC 2822 says their meaning is unknown, to be taken as -0000
                t = t.substring(0, lastSpace + 1) + "+0000";
            } else if (zone.matches("[+-]\\d{2}:\\d{2}")) {
                t = t.substring(0, lastSpace + 1) + zone.replace(":", "");
            }
        }
        try {
            var parsed = RFC822.parse(t);
            LocalDateTime local = LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                    parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                    parsed.get(ChronoField.MINUTE_OF_HOUR),
                    parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(local.atOffset(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
