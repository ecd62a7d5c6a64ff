package org.wiredesk.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticesTest {
    private final Notices notices = new Notices(Clock.fixed(Instant.parse("2026-11-30T09:15:00Z"), ZoneOffset.UTC));

    @Test
    void theLatestIsShownAndKeptFirstWithItsTimeAndSeverity() {
        notices.done("Approval", "Approved: Port reopens");
        notices.problem("Inbox", "Paste an http(s) address of a feed or an article page");

        assertThat(notices.latestProperty().get().text()).startsWith("Paste an http(s)");
        assertThat(notices.kept()).extracting(Notices.Notice::severity)
                .containsExactly(Notices.Severity.PROBLEM, Notices.Severity.DONE);
        assertThat(notices.kept().get(1).at()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
        assertThat(notices.kept().get(1).where()).isEqualTo("Approval");
    }

    @Test
    void onlyTheLastFiftyAreKept() {
        for (int i = 1; i <= 60; i++) {
            notices.done("Inbox", "message " + i);
        }
        assertThat(notices.kept()).hasSize(Notices.KEPT);
        assertThat(notices.kept().get(0).text()).isEqualTo("message 60");
        assertThat(notices.kept().get(Notices.KEPT - 1).text()).isEqualTo("message 11");
    }

    @Test
    void theSameSentenceTwiceIsTwoNoticesAndABlankOneIsNone() {
        notices.problem("Story 4", "Nothing to undo");
        notices.problem("Story 4", "Nothing to undo");
        notices.done("Story 4", "  ");
        assertThat(notices.kept()).hasSize(2);
    }
}
