package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Times on the command line: with an offset as given, local ones on the workstation's clock, never guessed. */
class WhenConverterTest {
    private final WhenConverter berlin = new WhenConverter(ZoneId.of("Europe/Berlin"));

    @Test
    void anOffsetIsTakenAsGivenAndALocalTimeOnTheWorkstationsClock() {
        assertThat(berlin.convert("2026-11-28T06:00Z")).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(berlin.convert("2026-11-28T06:00+01:00")).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(berlin.convert("2026-11-28 06:00")).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(berlin.convert(" 2026-07-01T06:00 ")).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    }

    @Test
    void aLocalTimeTheClockChangeRepeatsOrSkipsIsRefusedNotGuessed() {
        // 02:30 happens twice on 25 October 2026 in Berlin, and not at all on 29 March
        assertThatThrownBy(() -> berlin.convert("2026-10-25 02:30")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("falls in a clock change on this workstation (Europe/Berlin)");
        assertThatThrownBy(() -> berlin.convert("2026-03-29 02:30")).isInstanceOf(TypeConversionException.class);
        assertThat(berlin.convert("2026-10-25T02:30+02:00")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }
}
