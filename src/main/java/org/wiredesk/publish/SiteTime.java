package org.wiredesk.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the site says when: "just now", "39 minutes ago", "2 hours ago", "yesterday", then the date. Written into the
 * page when it is built, so it reads right without scripts; {@link #CLOCK} keeps it current in a browser with the
 * same rules. Dates are in UTC: a static page cannot know its reader's zone, and UTC is what the page states.
 */
final class SiteTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter VISIBLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Refreshes every {@code <time data-relative>} by the rules of {@link #ago}; the page reads right without it. */
    static final String CLOCK = """
            <script>
            (function () {
              var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                'October', 'November', 'December'];
              function ago(at) {
                var t = new Date(at), s = (Date.now() - t.getTime()) / 1000;
                if (isNaN(s)) return null;
                if (s < 60) return s > -60 ? 'just now' : null;
                var m = Math.floor(s / 60), h = Math.floor(s / 3600);
                if (m < 60) return m + (m === 1 ? ' minute ago' : ' minutes ago');
                if (h < 24) return h + (h === 1 ? ' hour ago' : ' hours ago');
                if (h < 48) return 'yesterday';
                return t.getUTCDate() + ' ' + months[t.getUTCMonth()] + ' ' + t.getUTCFullYear();
              }
              function tick() {
                document.querySelectorAll('time[data-relative]').forEach(function (e) {
                  var text = ago(e.getAttribute('datetime'));
                  if (text) e.textContent = text;
                });
              }
              tick();
              setInterval(tick, 60000);
            })();
            </script>""";

    private SiteTime() {
    }

    /** How long ago {@code then} was at {@code now}, as the site prints it. */
    static String ago(Instant then, Instant now) {
        long seconds = Duration.between(then, now).toSeconds();
        if (seconds < 60) {
            // a clock a little behind another desk's must not print "in the future"
            return seconds > -60 ? "just now" : date(then);
        }
        long minutes = seconds / 60;
        long hours = seconds / 3600;
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
        }
        if (hours < 24) {
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        if (hours < 48) {
            return "yesterday";
        }
        return date(then);
    }

    static String date(Instant at) {
        return DATE.format(at);
    }

    /** The exact time as pages show it: "27 November 2026, 14:05 UTC". */
    static String visible(Instant at) {
        return VISIBLE.format(at);
    }

    /** A {@code <time>} element that says how long ago, with the exact time in its attributes. */
    static String relativeElement(Instant at, Instant now) {
        return "<time data-relative datetime=\"" + at + "\" title=\"" + visible(at) + "\">" + ago(at, now)
                + "</time>";
    }
}
