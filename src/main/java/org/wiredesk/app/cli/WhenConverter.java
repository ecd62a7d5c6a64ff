package org.wiredesk.app.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.wiredesk.story.Timing;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a time argument: ISO 8601 with a zone or offset (2026-11-28T06:00Z, 2026-11-28T06:00+01:00), or a local
 * time on this workstation's clock (2026-11-28 06:00, 2026-11-28T06:00). Anything else is a usage error (exit 2).
 */
final class WhenConverter implements ITypeConverter<Instant> {
    private final ZoneId zone;

    WhenConverter() {
        this(ZoneId.systemDefault());
    }

    WhenConverter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time: give it as 2026-11-28T06:00Z, "
                        + "2026-11-28T06:00+01:00, or 2026-11-28 06:00 on this workstation's clock");
            }
            return Timing.atLocal(local, zone).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' falls in a clock change on this workstation (" + zone.getId() + "): give it with its offset, "
                    + "as 2026-10-25T02:30+02:00"));
        }
    }
}
