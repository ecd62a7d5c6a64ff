package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embargo}, {@code schedule} and {@code publish --due} from the command line (issue 10, point 6): an embargoed
 * story is refused in one sentence and waits in a run of every approved story; a scheduled one runs with the first
 * {@code publish --due} after its time, and not before.
 */
class EmbargoCommandTest {
    private static final String CHIEF = "chief";
    private static final String NL = System.lineSeparator();

    @TempDir
    Path home;

    private String id;

    private CliRun run(String... args) {
        return CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-chief", "", args);
    }

    private Path out() {
        return home.resolve("out");
    }

    @BeforeEach
    void anApprovedStory() throws IOException {
        assertThat(run("init", "--owner", CHIEF, "--one-person-desk").code()).isZero();
        assertThat(run("ingest", CliRun.demo(home, "council-budget.html").toString()).code()).isZero();
        id = new ObjectMapper().readTree(run("list", "--json").out()).get(0).get("id").asText();
        for (String[] step : new String[][] {{"retitle", id, "Council passes record housing budget"},
            {"submit", id}, {"approve", id}}) {
            CliRun r = run(step);
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    @Test
    void anEmbargoedStoryIsRefusedNamedAndWaitsInARunOfEveryApprovedStory() throws IOException {
        String until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString();
        CliRun embargo = run("embargo", id, "--until", until, "--reason", "Sperrfrist 06:00");
        assertThat(embargo.code()).as(embargo.err()).isZero();
        assertThat(embargo.out()).startsWith("embargoed " + id + ": Council passes record housing budget until ");

        CliRun named = run("publish", id, "--out", out().toString());
        assertThat(named.code()).isEqualTo(1);
        assertThat(named.err()).startsWith("wiredesk: Story " + id + " is under embargo until ")
                .endsWith(": nothing publishes it earlier" + NL);
        CliRun all = run("publish", "--out", out().toString());
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).contains("waiting " + id + ": Story " + id + " is under embargo until ")
                .endsWith("0 published" + NL);

        JsonNode row = new ObjectMapper().readTree(run("list", "--json").out()).get(0);
        assertThat(row.get("embargoUntil").asText()).isEqualTo(until);
        // what an agency's own format says (issue 13): a web page says none of it
        assertThat(row.get("urgency").isNull()).isTrue();
        assertThat(row.get("withdrawnAtSource").asBoolean()).isFalse();
        assertThat(row.get("edNotes").isArray()).isTrue();
        assertThat(run("list").out()).contains("[embargoed until ");
        assertThat(run("story", "show", id).out()).contains("Embargoes and schedules:")
                .contains("chief  embargo  " + until + "  reason: Sperrfrist 06:00");

        CliRun lift = run("embargo", id, "--lift", "--reason", "The agency lifted it");
        assertThat(lift.out()).isEqualTo("embargo lifted on " + id + ": Council passes record housing budget" + NL);
        assertThat(run("publish", id, "--out", out().toString()).code()).isZero();
    }

    @Test
    void aScheduledStoryRunsWithTheFirstPublishDueAfterItsTime() throws InterruptedException {
        CliRun past = run("schedule", id, "--at", "2020-01-01T06:00Z");
        assertThat(past.code()).isEqualTo(1);
        assertThat(past.err()).contains("has passed. Publish the story now instead");

        Instant at = Instant.now().plusSeconds(2);
        CliRun schedule = run("schedule", id, "--at", at.toString());
        assertThat(schedule.code()).as(schedule.err()).isZero();
        assertThat(schedule.out()).startsWith("scheduled " + id + ": Council passes record housing budget for ");

        CliRun early = run("publish", "--due", "--out", out().toString());
        assertThat(early.code()).isZero();
        assertThat(early.out()).isEqualTo("nothing due" + NL);
        assertThat(out()).doesNotExist();

        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis() + 200));
        CliRun due = run("publish", "--due", "--out", out().toString());
        assertThat(due.code()).as(due.err()).isZero();
        assertThat(due.out()).startsWith("published " + id + ": Council passes record housing budget -> ");
        assertThat(run("publish", "--due", "--out", out().toString()).out()).isEqualTo("nothing due" + NL);
    }

    @Test
    void badTimesAndArgumentsAreUsageErrorsInOneSentence() {
        CliRun notATime = run("embargo", id, "--until", "tomorrow morning");
        assertThat(notATime.code()).isEqualTo(2);
        assertThat(notATime.err()).contains("'tomorrow morning' is not a time: give it as 2026-11-28T06:00Z");
        assertThat(run("embargo", id).code()).isEqualTo(2);
        assertThat(run("embargo", id, "--until", "2030-01-01 06:00", "--lift").code()).isEqualTo(2);
        CliRun dueWithIds = run("publish", "--due", id, "--out", out().toString());
        assertThat(dueWithIds.code()).isEqualTo(2);
        assertThat(dueWithIds.err()).isEqualTo("wiredesk: --due publishes the stories whose time has come: name no "
                + "stories with it" + NL);
        assertThat(run("schedule", id, "--cancel").err()).isEqualTo("wiredesk: Story " + id + " is not scheduled" + NL);
    }
}
