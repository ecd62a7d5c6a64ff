package org.wiredesk.story;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a newsroom says when something happened: "just now", "39 minutes ago", "2 hours ago", "3 days ago". */
public final class RelativeTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RelativeTime() {
    }

    public static String between(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return age.abs().toMinutes() < 1 ? "just now" : "in the future";
        }
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return "just now";
        }
        long minutes = age.toMinutes();
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = age.toHours();
        if (hours < 24) {
            return plural(hours, "hour");
        }
        long days = age.toDays();
        if (days < 7) {
            return plural(days, "day");
        }
        if (days < 35) {
            return plural(days / 7, "week");
        }
        return DATE.format(then.atZone(ZoneId.systemDefault()));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
