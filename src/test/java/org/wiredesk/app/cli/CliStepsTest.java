package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;

/** Every desk step from the command line, as the signed-in member, on a real store and the demo wire. */
class CliStepsTest {
    private static final String COUNCIL = "City council approves budget with record spending on housing";
    private static final String PORT = "Port of Calder reopens after three-day storm closure";
    private static final String RATES = "Central bank holds rates, signals cut could come in spring";
    /** A copy editor: drafts and submits. */
    private static final String CARLA = "carla";
    /** The desk chief: approves, rejects, sends back, publishes, corrects and kills. */
    private static final String DORA = "dora";

    @TempDir
    Path home;

    private Path site;

    /**
     * The desk as the tests need it: an empty store where dora (desk chief, and editor to ingest) has ingested the
     * demo page and feed, and carla is a copy editor. The one place to change when signing in changes.
     */
    @BeforeEach
    void setUpDesk() throws IOException {
        site = home.resolve("site-out");
        // dora creates the desk (its owner), and adds carla, a copy editor
        CliRun init = run(DORA, "init", "--owner", DORA);
        assertThat(init.code()).as(init.err()).isZero();
        CliRun ingest = run(DORA, "ingest", demo("council-budget.html").toString(), demo("northgate-wire.xml").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(run(DORA, "users", "--set", DORA, "--role", "DESK_CHIEF,EDITOR").code()).isZero();
        addMember(CARLA, "COPY_EDITOR");
    }

    /** The owner adds a member, whose password is "secret-" and their name. */
    private void addMember(String member, String roles) {
        CliRun add = runWithInput(DORA, password(member) + "\n", "users", "--add", member, "--role", roles,
                "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
    }

    private static String password(String member) {
        return "secret-" + member;
    }

    /** Runs the command line as this member on the test store: the one way every test invokes it. */
    private CliRun run(String user, String... args) {
        return runWithInput(user, "", args);
    }

    private CliRun runWithInput(String user, String input, String... args) {
        return CliRun.run(home, home.resolve("store").toString(), user, password(user), input, args);
    }

    /**
     * Reaches the store directly, for what no command does yet (holding a claim as if in the desk window, holding
     * a story as the publisher will): the one place besides {@link #run} that signs a member in.
     */
    private void asMember(String user, Consumer<AppContext> work) {
        try (AppContext app = AppContext.open(Database.embedded(home.resolve("store"),
                new Credentials(user, password(user).toCharArray())), home.resolve("site"), Clock.systemUTC())) {
            work.accept(app);
        }
    }

    private Path demo(String name) throws IOException {
        return CliRun.demo(home, name);
    }

    private JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String id(String agencyHeadline) {
        for (JsonNode row : json(run(DORA, "list", "--json").out())) {
            if (row.get("agencyHeadline").asText().equals(agencyHeadline)) {
                return row.get("id").asText();
            }
        }
        throw new AssertionError("no story headed " + agencyHeadline);
    }

    private JsonNode show(String id) {
        CliRun show = run(DORA, "story", "show", id, "--json");
        assertThat(show.code()).as(show.err()).isZero();
        return json(show.out());
    }

    private static void assertDone(CliRun r, String line) {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(line + System.lineSeparator());
    }

    /** The workflow's refusal: exit 1, its one sentence on stderr after "wiredesk: ", nothing on stdout. */
    private static void assertRefused(CliRun r, String sentence) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("wiredesk: " + sentence);
    }

    private String approved(String agencyHeadline, String house) {
        String id = id(agencyHeadline);
        assertThat(run(CARLA, "retitle", id, house).code()).isZero();
        assertThat(run(CARLA, "submit", id).code()).isZero();
        assertThat(run(DORA, "approve", id).code()).isZero();
        return id;
    }

    private String published(String agencyHeadline, String house) {
        String id = approved(agencyHeadline, house);
        assertThat(run(DORA, "publish", id, "--out", site.toString()).code()).isZero();
        return id;
    }

    private Path page(String id) {
        return Path.of(show(id).get("publications").get(0).get("location").asText());
    }

    @Test
    void aStoryGoesFromRetitleToKillOneCommandAtATime() throws IOException {
        String id = id(COUNCIL);
        assertDone(run(CARLA, "retitle", id, "Council passes record housing budget"),
                "retitled " + id + ": Council passes record housing budget");
        assertDone(run(CARLA, "submit", id, "--note", "Shorter, same facts"),
                "submitted " + id + ": Council passes record housing budget");
        assertDone(run(DORA, "approve", id), "approved " + id + ": Council passes record housing budget");

        CliRun publish = run(DORA, "publish", id, "--out", site.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        assertThat(publish.out()).startsWith("published " + id + ": Council passes record housing budget -> ")
                .endsWith("1 published" + System.lineSeparator());
        Path page = site.resolve(page(id));
        assertThat(Files.readString(page)).contains("Council passes record housing budget")
                .contains("The budget takes effect on January 1.");
        assertThat(site.resolve("index.html")).exists();

        CliRun correct = run(DORA, "correct", id, "--headline", "Council passes record budget for housing",
                "--reason", "Word order", "--out", site.toString());
        assertThat(correct.code()).as(correct.err()).isZero();
        assertThat(correct.out()).startsWith("corrected " + id + ": Council passes record budget for housing -> ")
                .as("what the site's rebuild said, as publish says it").contains(System.lineSeparator()
                        + "note: the site's base URL is not set");
        assertThat(Files.readString(page)).contains("Council passes record budget for housing");

        CliRun kill = run(DORA, "kill", id, "--reason", "Legal hold", "--out", site.toString());
        assertThat(kill.code()).as(kill.err()).isZero();
        assertThat(kill.out()).startsWith("killed " + id + ": ");
        assertThat(Files.readString(page)).contains("This report has been withdrawn")
                .doesNotContain("The budget takes effect");

        JsonNode story = show(id);
        assertThat(story.get("status").asText()).isEqualTo("KILLED");
        List<String> steps = new ArrayList<>();
        story.get("history").forEach(h -> steps.add(h.get("actor").asText() + " " + h.get("from").asText()
                + "->" + h.get("to").asText() + " " + h.get("reason").asText()));
        assertThat(steps).containsExactly("dora null->NEW ingested from Meridian Press Service", "carla NEW->EDITING null",
                "carla EDITING->SUBMITTED Shorter, same facts", "dora SUBMITTED->APPROVED null",
                "dora APPROVED->PUBLISHED null", "dora PUBLISHED->PUBLISHED Word order",
                "dora PUBLISHED->KILLED Legal hold");
        List<String> kinds = new ArrayList<>();
        story.get("publications").forEach(p -> kinds.add(p.get("kind").asText()));
        assertThat(kinds).containsExactly("PUBLISHED", "CORRECTED", "KILLED");
    }

    @Test
    void aHeadlineOverHouseStyleIsSubmittedOnlyWithAReasonAndStoryShowPrintsTheThread() {
        String id = id(PORT);
        assertThat(run(CARLA, "retitle", id, "Storm slams Calder port shut for three days").code()).isZero();
        assertRefused(run(CARLA, "submit", id, "--note", "For the front"), "The headline breaks house style "
                + "(“slams” is banned in our headlines): fix it, or give a reason to submit it over house style");

        assertDone(run(CARLA, "submit", id, "--note", "For the front", "--override-style",
                "The harbour master's own word"), "submitted over house style " + id
                + ": Storm slams Calder port shut for three days");
        assertDone(run(DORA, "reject", id, "--reason", "Not in a headline, quoted or not"),
                "rejected " + id + ": Storm slams Calder port shut for three days");
        CliRun reply = run(CARLA, "story", "reply", id, "--text", "Understood: “Storm shuts Calder port”?");
        assertThat(reply.code()).as(reply.err()).isZero();
        assertThat(reply.out()).isEqualTo("replied on " + id + " (4 on the thread)" + System.lineSeparator());

        List<String> lines = run(DORA, "story", "show", id).out().lines().toList();
        List<String> thread = lines.subList(lines.indexOf("Thread:") + 1, lines.indexOf("Thread:") + 6);
        assertThat(thread.get(0)).endsWith("  carla  submitted: For the front");
        assertThat(thread.get(1)).endsWith("  carla  style override: The harbour master's own word");
        assertThat(thread.get(2)).isEqualTo("      overrode: “slams” is banned in our headlines");
        assertThat(thread.get(3)).endsWith("  dora  rejected: Not in a headline, quoted or not");
        assertThat(thread.get(4)).endsWith("  carla  reply: Understood: “Storm shuts Calder port”?");
        List<String> kinds = new ArrayList<>();
        show(id).get("thread").forEach(e -> kinds.add(e.get("author").asText() + " " + e.get("kind").asText()));
        assertThat(kinds).containsExactly("carla SUBMITTED", "carla STYLE_OVERRIDE", "dora REJECTED", "carla REPLY");
    }

    @Test
    void anOverrideOfNothingAndAReplyByAnEditorAreRefused() {
        String id = id(PORT);
        assertThat(run(CARLA, "retitle", id, "Calder port reopens after storm").code()).isZero();
        CliRun clean = run(CARLA, "submit", id, "--override-style", "just in case");
        assertThat(clean.code()).isEqualTo(1);
        assertThat(clean.err()).contains("meets house style: there is no error to override");
        addMember("eddie", "EDITOR");
        CliRun reply = run("eddie", "story", "reply", id, "--text", "Spike it?");
        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.err()).contains("may not reply on a story's thread");
        assertThat(run(DORA, "story", "show", id).out()).contains("Thread: nothing said");
    }

    @Test
    void storyShowPrintsTheFieldsHistoryRevisionsAndBodyText() {
        String id = id(COUNCIL);
        run(CARLA, "retitle", id, "Council passes record housing budget");
        CliRun show = run(CARLA, "story", "show", id);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out().lines().toList()).contains("Story " + id + "  EDITING",
                "Agency headline:     " + COUNCIL, "House headline:      Council passes record housing budget",
                "Source:              Meridian Press Service", "Claim:               nobody");
        assertThat(show.out()).containsPattern("Byline: +Daniel Okafor")
                .containsPattern("Body fingerprint: +[0-9a-f]{64}")
                .containsPattern("dora  NEW  reason: ingested from Meridian Press Service")
                .containsPattern("carla  NEW -> EDITING")
                .containsPattern("carla  Council passes record housing budget")
                .contains("after a debate that ran late into the evening.\n\nThe budget sets aside")
                .doesNotContain("<p>");
    }

    @Test
    void storyShowJsonCarriesTheBodyAsHtmlItsFingerprintAndTheClaimHolder() {
        String id = id(COUNCIL);
        asMember(CARLA, app -> app.desk().claim(app.user(), new StoryId(Long.parseLong(id))));
        JsonNode story = show(id);
        assertThat(story.get("agencyHeadline").asText()).isEqualTo(COUNCIL);
        assertThat(story.get("houseHeadline").isNull()).isTrue();
        assertThat(story.get("bodyHtml").asText()).startsWith("<p>The city council on Wednesday");
        assertThat(story.get("bodySha256").asText()).matches("[0-9a-f]{64}");
        assertThat(story.get("claim").get("user").asText()).isEqualTo(CARLA);
        assertThat(story.get("history").get(0).get("to").asText()).isEqualTo("NEW");
    }

    @Test
    void retitleLeavesNoClaimBehindButKeepsOneTheMemberAlreadyHeld() {
        String council = id(COUNCIL);
        run(CARLA, "retitle", council, "Council passes record housing budget");
        assertThat(show(council).get("claim").isNull()).isTrue();

        String port = id(PORT);
        asMember(CARLA, app -> app.desk().claim(app.user(), new StoryId(Long.parseLong(port))));
        assertThat(run(CARLA, "retitle", port, "Calder port reopens after storm").code()).isZero();
        assertThat(show(port).get("claim").get("user").asText()).isEqualTo(CARLA);
    }

    @Test
    void retitleIsRefusedWhileSomeoneElseHoldsTheClaim() {
        String id = id(COUNCIL);
        addMember("cole", "COPY_EDITOR");
        asMember("cole", app -> app.desk().claim(app.user(), new StoryId(Long.parseLong(id))));
        CliRun r = run(CARLA, "retitle", id, "Council passes record housing budget");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("wiredesk: Story " + id + " is being edited by cole since ")
                .endsWith(": only they can change its headline" + System.lineSeparator());
        assertThat(r.err().lines()).hasSize(1);
        JsonNode story = show(id);
        assertThat(story.get("houseHeadline").isNull()).isTrue();
        assertThat(story.get("claim").get("user").asText()).isEqualTo("cole");
    }

    @Test
    void approvingAStoryThatIsNotSubmittedIsRefusedInOneLine() {
        String id = id(COUNCIL);
        assertRefused(run(DORA, "approve", id), "cannot approve a story that is new");
        assertThat(show(id).get("status").asText()).isEqualTo("NEW");
    }

    @Test
    void aMemberWithoutTheRoleIsRefusedInOneLine() {
        String id = id(COUNCIL);
        run(CARLA, "submit", id);
        assertRefused(run(CARLA, "approve", id), "carla may not approve: that needs the desk chief role");
        addMember("vic", "EDITOR");
        assertRefused(run("vic", "retitle", id(PORT), "Port reopens"),
                "vic may not save draft: that needs the copy editor role");
        CliRun stranger = run("nobody", "retitle", id(PORT), "Port reopens");
        assertThat(stranger.code()).isEqualTo(Cli.SIGN_IN_REFUSED);
        assertThat(stranger.err()).isEqualTo("wiredesk: sign-in refused" + System.lineSeparator());
        assertThat(show(id).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void killWithABlankReasonIsRefusedByTheWorkflowAndWithoutOneInOneSentence() throws IOException {
        String id = published(COUNCIL, "Council passes record housing budget");
        Path page = site.resolve(page(id));
        String before = Files.readString(page);

        assertRefused(run(DORA, "kill", id, "--reason", "  ", "--out", site.toString()), "Kill needs a reason");
        CliRun missing = run(DORA, "kill", id, "--out", site.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("wiredesk: A kill needs a reason: say why with --reason TEXT (it is "
                + "kept in the history); nothing was changed" + System.lineSeparator());

        JsonNode story = show(id);
        assertThat(story.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(story.get("publications")).hasSize(1);
        assertThat(Files.readString(page)).isEqualTo(before);
    }

    @Test
    void correctWithABlankReasonIsRefusedByTheWorkflowAndWithoutOneInOneSentence() throws IOException {
        String id = published(COUNCIL, "Council passes record housing budget");
        Path page = site.resolve(page(id));
        String before = Files.readString(page);

        assertRefused(run(DORA, "correct", id, "--headline", "Council passes record budget for housing", "--reason",
                " ", "--out", site.toString()), "Correct needs a reason");
        CliRun missing = run(DORA, "correct", id, "--headline", "Council passes record budget for housing", "--out",
                site.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("wiredesk: A correction needs a reason: say why with --reason TEXT (it "
                + "is kept in the history); nothing was changed" + System.lineSeparator());

        JsonNode story = show(id);
        assertThat(story.get("houseHeadline").asText()).isEqualTo("Council passes record housing budget");
        assertThat(story.get("publications")).hasSize(1);
        assertThat(Files.readString(page)).isEqualTo(before);
    }

    @Test
    void onlyADeskChiefCorrectsOrKillsAndARefusalChangesNothing() throws IOException {
        String id = published(COUNCIL, "Council passes record housing budget");
        Path page = site.resolve(page(id));
        String before = Files.readString(page);

        assertRefused(run(CARLA, "correct", id, "--headline", "Council budget", "--reason", "Shorter", "--out",
                site.toString()), "carla may not correct: that needs the desk chief role");
        assertRefused(run(CARLA, "kill", id, "--reason", "Legal hold", "--out", site.toString()),
                "carla may not kill: that needs the desk chief role");

        assertThat(show(id).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(Files.readString(page)).isEqualTo(before);
    }

    @Test
    void rejectKeepsTheReasonWhichListShows() {
        String id = id(COUNCIL);
        run(CARLA, "submit", id);
        assertDone(run(DORA, "reject", id, "--reason", "Say what the budget is"), "rejected " + id + ": " + COUNCIL);
        assertRefused(run(DORA, "reject", id(PORT), "--reason", "x"), "cannot reject a story that is new");

        CliRun list = run(DORA, "list", "--status", "REJECTED");
        // the header, the story, the count
        assertThat(list.out().lines().toList()).hasSize(3);
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow()).contains("REJECTED")
                .endsWith(COUNCIL + "  [Say what the budget is]");
        JsonNode rows = json(run(DORA, "list", "--json").out());
        rows.forEach(row -> assertThat(row.get("reason").isNull())
                .isEqualTo(!row.get("id").asText().equals(id)));
    }

    @Test
    void sendBackReturnsAHeldStoryToTheCopyEditorWithItsReason() {
        String id = approved(COUNCIL, "Council passes record housing budget");
        // what the publisher will do with a page it refuses (PublishService does not hold stories yet)
        asMember(DORA, app -> app.workflow().transition(new StoryId(Long.parseLong(id)), Status.APPROVED,
                Status.HELD, DORA, "The page lost a paragraph", app.clock().instant()));
        assertThat(run(DORA, "list", "--status", "HELD").out())
                .containsPattern("HELD .*Council passes record housing budget  \\[The page lost a paragraph\\]");

        assertRefused(run(CARLA, "send-back", id, "--reason", "Check the page"),
                "carla may not send back: that needs the desk chief role");
        assertRefused(run(DORA, "send-back", id, "--reason", " "), "Send back needs a reason");
        assertDone(run(DORA, "send-back", id, "--reason", "Check the quote marks"),
                "sent back " + id + ": Council passes record housing budget");

        JsonNode story = show(id);
        assertThat(story.get("status").asText()).isEqualTo("REJECTED");
        assertThat(story.get("reason").asText()).isEqualTo("Check the quote marks");
        assertRefused(run(DORA, "send-back", id, "--reason", "Again"), "cannot send back a story that is rejected");
        // and the copy editor can take it up again
        assertThat(run(CARLA, "submit", id).code()).isZero();
    }

    @Test
    void publishWithIdsPublishesOnlyThoseStories() {
        String port = approved(PORT, "Calder port reopens after storm");
        String rates = approved(RATES, "Central bank holds rates");
        CliRun publish = run(DORA, "publish", port, "--out", site.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("published " + port + ": Calder port reopens after storm -> ")
                .contains("1 published");
        assertThat(show(port).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(show(rates).get("status").asText()).isEqualTo("APPROVED");
        assertRefused(run(DORA, "publish", port, "--out", site.toString()),
                "cannot publish a story that is published");
    }

    @Test
    void aMissingStoryIsRefusedInOneLine() {
        assertRefused(run(DORA, "story", "show", "999"), "There is no story 999");
        assertRefused(run(DORA, "approve", "999"), "There is no story 999");
        assertRefused(run(DORA, "publish", "999", "--out", site.toString()), "There is no story 999");
    }

    @Test
    void missingOrMalformedArgumentsAreUsageErrors() {
        for (String[] args : List.of(new String[] {"approve"}, new String[] {"approve", "twelve"},
                new String[] {"approve", "0"}, new String[] {"retitle", "1"}, new String[] {"reject", "1"},
                new String[] {"correct", "1", "--reason", "r"}, new String[] {"story"},
                new String[] {"story", "show"})) {
            CliRun r = run(DORA, args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("Usage: wiredesk");
        }
    }

    @Test
    void everyNewCommandHasHelp() {
        for (List<String> sub : List.of(List.of("story"), List.of("story", "show"), List.of("retitle"),
                List.of("submit"), List.of("approve"), List.of("reject"), List.of("send-back"), List.of("publish"),
                List.of("correct"), List.of("kill"))) {
            List<String> args = new ArrayList<>(sub);
            args.add("--help");
            CliRun r = run(DORA, args.toArray(String[]::new));
            assertThat(r.code()).as(sub.toString()).isZero();
            assertThat(r.out()).as(sub.toString()).contains("Usage: wiredesk " + String.join(" ", sub));
        }
    }
}
