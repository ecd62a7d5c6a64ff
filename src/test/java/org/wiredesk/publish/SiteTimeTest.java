package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the site says when, as it is written into a page at build time. */
class SiteTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:05:00Z");

    private static String ago(Duration d) {
        return SiteTime.ago(NOW.minus(d), NOW);
    }

    @Test
    void underAMinuteIsJustNowAndSoIsAClockSecondsAhead() {
        assertThat(ago(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(-20))).isEqualTo("just now");
    }

    @Test
    void minutesThenHoursSingularAndPlural() {
        assertThat(ago(Duration.ofMinutes(1))).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(39))).isEqualTo("39 minutes ago");
        assertThat(ago(Duration.ofMinutes(60))).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 hours ago");
    }

    @Test
    void theDayBeforeIsYesterdayAndOlderIsTheDateInUtc() {
        assertThat(ago(Duration.ofHours(24))).isEqualTo("yesterday");
        assertThat(ago(Duration.ofHours(47))).isEqualTo("yesterday");
        assertThat(ago(Duration.ofHours(48))).isEqualTo("25 November 2026");
        assertThat(SiteTime.ago(Instant.parse("2026-03-01T23:30:00Z"), NOW)).isEqualTo("1 March 2026");
    }

    @Test
    void theTimeElementCarriesTheExactTimeForTheScriptAndForReaders() {
        assertThat(SiteTime.relativeElement(NOW.minus(Duration.ofMinutes(39)), NOW)).isEqualTo(
                "<time data-relative datetime=\"2026-11-27T13:26:00Z\" title=\"27 November 2026, 13:26 UTC\">"
                        + "39 minutes ago</time>");
    }
}
