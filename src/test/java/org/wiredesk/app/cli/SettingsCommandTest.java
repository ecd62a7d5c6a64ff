package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's settings from the command line: listed for anyone, set by a desk chief or the owner, checked first. */
class SettingsCommandTest {
    private static final String NL = System.lineSeparator();
    /** The owner, and the desk chief. */
    private static final String DORA = "dora";
    /** A copy editor. */
    private static final String CARLA = "carla";

    @TempDir
    Path home;

    @BeforeEach
    void createTheDesk() {
        CliRun init = run(DORA, "", "init", "--owner", DORA);
        assertThat(init.code()).as(init.err()).isZero();
        CliRun add = run(DORA, "secret-" + CARLA + "\n", "users", "--add", CARLA, "--role", "COPY_EDITOR",
                "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
    }

    private CliRun run(String user, String input, String... args) {
        return CliRun.run(home, home.resolve("store").toString(), user, "secret-" + user, input, args);
    }

    private CliRun settings(String user, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "settings";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(user, "", all);
    }

    @Test
    void listPrintsEveryKeyWithItsValueAndMarksWhatNobodySet() {
        CliRun list = settings(CARLA, "--list");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).isEmpty();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("desk.outlet         IFP  (default)");
        assertThat(lines.get(1)).isEqualTo("desk.section        Media Wire  (default)");
        assertThat(lines.get(2)).startsWith("publish.disclaimer  Reports and views republished here")
                .contains("do not necessarily reflect {outlet}'s opinion").endsWith("(default)");
        assertThat(lines.get(3)).isEqualTo("site.base-url       (not set)");
        assertThat(settings(CARLA).out()).as("--list is the default").isEqualTo(list.out());
    }

    @Test
    void aDeskChiefSetsTheOutletAndTheSectionAndThePublishedPagePrintsThem() throws IOException {
        CliRun outlet = settings(DORA, "--set", "desk.outlet", "Northgate Post");
        CliRun section = settings(DORA, "--set", "desk.section", "Wire Desk");
        CliRun url = settings(DORA, "--set", "site.base-url", "https://wire.example.org/");

        assertThat(outlet.code()).as(outlet.err()).isZero();
        assertThat(outlet.out()).isEqualTo("set desk.outlet: Northgate Post" + NL);
        assertThat(section.out()).isEqualTo("set desk.section: Wire Desk" + NL);
        assertThat(url.out()).as("kept without its trailing slash")
                .isEqualTo("set site.base-url: https://wire.example.org" + NL);
        assertThat(settings(CARLA, "--list").out().lines().toList()).contains("desk.outlet         Northgate Post",
                "desk.section        Wire Desk", "site.base-url       https://wire.example.org");

        Path page = publishOneStory();
        assertThat(Files.readString(page)).contains("Wire Desk")
                .contains("reflect Northgate Post").contains("Northgate Post may change headlines to fit its style")
                .doesNotContain("{outlet}");
    }

    @Test
    void aCopyEditorIsRefusedInOneSentenceAndNothingChanges() {
        CliRun refused = settings(CARLA, "--set", "desk.outlet", "Carla's Wire");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("wiredesk: carla may not change the desk settings: that needs the desk "
                + "chief role or the store's owner" + NL);
        assertThat(settings(DORA).out()).contains("desk.outlet         IFP  (default)");
    }

    @Test
    void theOwnerSetsThemWithoutTheDeskChiefRole() {
        assertThat(run(DORA, "", "users", "--set", DORA, "--role", "EDITOR").code()).isZero();

        CliRun r = settings(DORA, "--set", "desk.outlet", "Northgate Post");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(settings(CARLA).out()).contains("desk.outlet         Northgate Post" + NL);
    }

    @Test
    void aBadBaseUrlIsRefusedInOneSentenceAndTheSavedOneStays() {
        assertThat(settings(DORA, "--set", "site.base-url", "https://wire.example.org").code()).isZero();

        CliRun ftp = settings(DORA, "--set", "site.base-url", "ftp://wire.example.org");
        CliRun relative = settings(DORA, "--set", "site.base-url", "wire/news");

        assertThat(ftp.code()).isEqualTo(1);
        assertThat(ftp.out()).isEmpty();
        assertThat(ftp.err()).isEqualTo("wiredesk: The site's base URL must be an http or https address: "
                + "ftp://wire.example.org" + NL);
        assertThat(relative.code()).isEqualTo(1);
        assertThat(relative.err()).isEqualTo("wiredesk: The site's base URL must be an http or https address: "
                + "wire/news" + NL);
        assertThat(settings(DORA).out()).contains("site.base-url       https://wire.example.org" + NL);
    }

    @Test
    void aBlankValueOrAnUnknownKeyIsRefusedInOneSentence() {
        CliRun blank = settings(DORA, "--set", "desk.outlet", "  ");
        CliRun unknown = settings(DORA, "--set", "desk.colour", "red");

        assertThat(blank.code()).isEqualTo(1);
        assertThat(blank.err()).isEqualTo("wiredesk: The outlet's name cannot be empty" + NL);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("wiredesk: There is no desk setting desk.colour: the settings are "
                + "desk.outlet, desk.section, publish.disclaimer, site.base-url" + NL);
        assertThat(settings(DORA).out()).contains("desk.outlet         IFP  (default)");
    }

    @Test
    void setWithoutAValueIsAUsageError() {
        CliRun r = settings(DORA, "--set", "desk.outlet");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: wiredesk settings");
    }

    @Test
    void oneSetAtATimeSoARefusalChangesNothing() {
        CliRun r = settings(DORA, "--set", "desk.outlet", "Northgate Post", "--set", "site.base-url", "ftp://x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Give one --set KEY VALUE at a time");
        assertThat(settings(DORA).out()).contains("desk.outlet         IFP  (default)");
    }

    @Test
    void settingsHasHelp() {
        CliRun r = settings(DORA, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: wiredesk settings").contains("--set KEY VALUE")
                .contains("{outlet} stands");
    }

    /** Ingests the demo page, then the owner (who holds every role on a new desk) headlines, approves, publishes it. */
    private Path publishOneStory() throws IOException {
        assertThat(run(DORA, "", "users", "--set", DORA, "--role", "DESK_CHIEF,EDITOR,COPY_EDITOR").code()).isZero();
        assertThat(run(DORA, "", "ingest", CliRun.demo(home, "council-budget.html").toString()).code()).isZero();
        String id = new ObjectMapper().readTree(run(DORA, "", "list", "--json").out()).get(0).get("id").asText();
        assertThat(run(DORA, "", "retitle", id, "Council passes record housing budget").code()).isZero();
        assertThat(run(DORA, "", "submit", id).code()).isZero();
        // a four-eyes desk: another desk chief approves
        assertThat(run(DORA, "secret-dan\n", "users", "--add", "dan", "--role", "DESK_CHIEF", "--password-stdin")
                .code()).isZero();
        CliRun approve = run("dan", "", "approve", id);
        assertThat(approve.code()).as(approve.err()).isZero();
        Path site = home.resolve("site-out");
        CliRun publish = run(DORA, "", "publish", id, "--out", site.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        try (var pages = Files.list(site.resolve("stories"))) {
            return pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
    }
}
