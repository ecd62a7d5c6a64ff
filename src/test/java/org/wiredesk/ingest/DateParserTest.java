package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The W3C Feed Validator's date cases (rss20 data-types-datetime): read leniently, zone kept, never invented. */
class DateParserTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Thu, 09 Feb 2006 23:59:45 +0000 | 2006-02-09T23:59:45Z",
        "Tue, 31 Dec 2002 14:20:20 GMT | 2002-12-31T14:20:20Z",
        "31 Dec 2002 14:20:20 EST | 2002-12-31T14:20:20-05:00",
        "21 Oct 2002 06:45 EDT | 2002-10-21T06:45-04:00",
        "31 Dec 2002 14:20:20 GMT | 2002-12-31T14:20:20Z",
        "1 Dec 2002 14:20:20 +0000 | 2002-12-01T14:20:20Z",
        "31 Dec 2002 14:20:20 PDT | 2002-12-31T14:20:20-07:00",
        "31 Dec 99 23:59:59 +0000 | 1999-12-31T23:59:59Z",
        "31 Dec 2002 14:20:20 UT | 2002-12-31T14:20:20Z",
        "31 Dec 2002 14:20:20 Z | 2002-12-31T14:20:20Z",
        "Sat,29 Jul 2006 00:03:02 +0000 | 2006-07-29T00:03:02Z",
        "31 Dec 2002 14:20:20 A | 2002-12-31T14:20:20Z",
        "Thu (oh how I hate thursdays), 16(th) Feb(ruary) 2006 01:39 +0000 (GMT r0x0rz) | 2006-02-16T01:39Z",
        "Mon, 21 Oct 2002 14:04:23 -05:00 | 2002-10-21T14:04:23-05:00",
        "2002-12-31T01:15:07-05:00 | 2002-12-31T01:15:07-05:00",
        "Wed, 26 Nov 2026 09:12:00 +0330 | 2026-11-26T09:12+03:30",
        "2026-11-26T07:30:00+01:00 | 2026-11-26T07:30+01:00",
        "2019-11-19 02:34:30 | 2019-11-19T02:34:30Z"
    })
    void readsTheDateAndKeepsItsZone(String raw, String expected) {
        OffsetDateTime parsed = DateParser.parse(raw).orElseThrow();
        assertThat(parsed).isEqualTo(OffsetDateTime.parse(expected));
        assertThat(parsed.getOffset()).isEqualTo(OffsetDateTime.parse(expected).getOffset());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Sat, 31 Jun 2006 23:08:26 +1000", "yesterday", "", "31 Foo 2002 14:20:20 GMT"})
    void aDateThatDoesNotExistIsNotInvented(String raw) {
        assertThat(DateParser.parse(raw)).isEmpty();
    }
}
