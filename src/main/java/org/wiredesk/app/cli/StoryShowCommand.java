package org.wiredesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Claim;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.Publication;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Timing;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.workflow.DeskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one story: its fields, who holds a claim on it, its status history, headline "
                + "revisions and publications, its thread (submit notes, rejections, replies, style overrides), "
                + "then the body as text.",
                "With --json: one object with the same fields as 'list --json' plus claim, history, headlines, "
                        + "publications and thread; the body as HTML.",
                "With --source: the original the story was derived from, exactly as it was fetched (decompressed "
                        + "from the archive and checked against its SHA-256), to --out FILE or to standard output; "
                        + "its SHA-256, address and fetch time are said on standard error (or, with --out, on "
                        + "standard output)."})
final class StoryShowCommand implements Callable<Integer> {
    @ParentCommand
    StoryCommand story;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "The story's id (see 'list').")
    StoryId id;

    @Option(names = "--json", description = "Print one JSON object, the body as HTML.")
    boolean json;

    @Option(names = "--source", description = "Write the archived original's bytes exactly as they were fetched.")
    boolean source;

    @Option(names = "--out", paramLabel = "FILE", description = "With --source: write the bytes to this file.")
    Path outFile;

    /** Everything shown, read once. */
    private record View(Story story, String reason, Optional<Claim> claim, int laterVersions,
                        List<StatusChange> history, List<HeadlineDraft> headlines, List<Publication> publications,
                        Optional<Approval> approval, StoryThread thread, Timing timing,
                        List<TimingRepository.Change> timings, AgencyMeta agency) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (outFile != null && !source) {
            throw new ParameterException(spec.commandLine(), "--out: only with --source");
        }
        if (source && json) {
            throw new ParameterException(spec.commandLine(), "--source and --json: one or the other");
        }
        try (AppContext app = story.cli.open()) {
            if (source) {
                return writeSource(app, out);
            }
            DeskService desk = app.desk();
            Story s = desk.story(id);
            List<StatusChange> history = desk.statusHistory(id);
            View v = new View(s, ListCommand.latestReason(s, history), desk.claimOn(id), desk.sourceVersions(id),
                    history, desk.headlineHistory(id), app.workflow().publications(id), desk.approval(id),
                    desk.thread(id), app.timing().timing(id), app.timing().history(id), desk.agency(id));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(v)));
            } else {
                printText(v, out);
            }
        }
        return 0;
    }

    /**
     * The archived original's bytes, exactly: to --out, or to standard output as bytes (not through the text writer,
     * which would encode them); what they are goes where it does not mix with them.
     */
    private int writeSource(AppContext app, PrintWriter out) throws IOException {
        app.desk().story(id); // a story that is not there is told as the other commands tell it
        SourceArchiveRepository archive = app.stories().originals();
        SourceArchiveRepository.Archived kept = archive.ofStory(id).orElseThrow(() -> new WorkflowException(
                "story " + id + " was stored before the archive existed: it has no archived original"));
        byte[] bytes = archive.bytes(kept);
        String said = bytes.length + " bytes, SHA-256 " + kept.sha256() + ", fetched " + kept.fetched() + " from "
                + (kept.url() != null ? kept.url() : kept.origin())
                + (kept.contentType() == null ? "" : " as " + kept.contentType());
        if (outFile != null) {
            if (Files.isDirectory(outFile)) {
                throw new PathProblem("--out: " + outFile + " is a folder, not a file");
            }
            Files.write(outFile, bytes); // a missing folder or no permission: Cli says so in one sentence (exit 2)
            out.println("wrote story " + id + "'s original to " + outFile + ": " + said);
        } else {
            out.flush();
            System.out.write(bytes);
            System.out.flush();
            spec.commandLine().getErr().println("story " + id + "'s original: " + said);
        }
        return 0;
    }

    private static void printText(View v, PrintWriter out) {
        Story s = v.story();
        out.println("Story " + s.id() + "  " + s.status().name() + (v.reason() == null ? "" : "  (" + v.reason() + ")"));
        field(out, "Source", s.sourceName());
        field(out, "URL", s.url());
        field(out, "Agency headline", s.agencyHeadline().text());
        field(out, "House headline", s.houseHeadline() == null ? "(none)" : s.houseHeadline().text());
        field(out, "Received", s.received());
        field(out, "Published at source", s.publishedAtSource());
        field(out, "Byline", s.byline());
        field(out, "Language", s.language());
        field(out, "Body fingerprint", s.body().sha256());
        field(out, "Claim", v.claim().map(c -> c.username() + " since " + c.since() + ", last saved " + c.active())
                .orElse("nobody"));
        AgencyMeta agency = v.agency();
        if (agency.format() != null) {
            field(out, "Format", agency.format());
        }
        if (agency.urgency() != null) {
            field(out, "Urgency", agency.urgency() + (agency.urgent() ? " (urgent)" : ""));
        }
        if (agency.version() != null) {
            field(out, "Agency version", agency.version());
        }
        if (agency.withdrawn()) {
            field(out, "Withdrawn", "the agency withdrew this item: it cannot be approved");
        }
        for (AgencyMeta.EdNote note : agency.edNotes()) {
            field(out, "Note to the desk", (note.publishable() ? "" : "[not for publication] ") + note.text());
        }
        String waits = ListCommand.timingNote(s, v.timing());
        if (waits != null) {
            field(out, "Waits", waits);
        }
        if (v.laterVersions() > 0) {
            field(out, "Later versions", v.laterVersions() + " (kept beside it, never applied)");
        }
        out.println();
        out.println("History:");
        for (StatusChange c : v.history()) {
            out.println("  " + c.at() + "  " + c.actor() + "  " + (c.from() == null ? "" : c.from().name() + " -> ")
                    + c.to().name() + (c.reason() == null ? "" : "  reason: " + c.reason()));
        }
        out.println("Headline revisions:" + (v.headlines().isEmpty() ? " none" : ""));
        for (HeadlineDraft d : v.headlines()) {
            out.println("  " + d.at() + "  " + d.author() + "  " + d.headline().text());
        }
        v.approval().ifPresent(a -> out.println("Approval:" + "\n  " + a.at() + "  " + a.actor() + "  "
                + a.headline().text() + "  body " + a.bodySha256().substring(0, 12) + "…"
                + (a.selfApproved() ? "  SELF-APPROVED (one-person desk)" : "")));
        if (!v.publications().isEmpty()) {
            out.println("Publications:");
            for (Publication p : v.publications()) {
                out.println("  " + p.at() + "  " + p.actor() + "  " + p.kind() + "  " + p.headline().text() + "  "
                        + p.location() + (p.note() == null ? "" : "  reason: " + p.note()));
            }
        }
        if (!v.timings().isEmpty()) {
            out.println("Embargoes and schedules:");
            for (TimingRepository.Change c : v.timings()) {
                out.println("  " + c.at() + "  " + c.actor() + "  " + c.kind().name().toLowerCase() + "  "
                        + (c.until() == null ? (c.kind() == Timing.Kind.EMBARGO ? "lifted" : "cancelled")
                        : c.until().toString()) + (c.reason() == null ? "" : "  reason: " + c.reason()));
            }
        }
        printThread(v.thread(), out);
        out.println();
        out.println(String.join("\n\n", BodyText.paragraphs(s.body().html())));
    }

    /** The conversation, oldest first: who, when, what kind, what they said; an override's errors under it. */
    private static void printThread(StoryThread thread, PrintWriter out) {
        out.println("Thread:" + (thread.isEmpty() ? " nothing said" : ""));
        for (ThreadEntry e : thread.entries()) {
            out.println("  " + e.at() + "  " + e.author() + "  " + e.kind().label().toLowerCase()
                    + (e.text() == null ? "" : ": " + e.text()));
            for (String error : e.styleErrors()) {
                out.println("      overrode: " + error);
            }
        }
    }

    private static void field(PrintWriter out, String name, Object value) {
        out.printf("%-20s %s%n", name + ":", value == null ? "-" : value);
    }

    private static Map<String, Object> toJson(View v) {
        Map<String, Object> row = ListCommand.toJson(v.story());
        row.put("reason", v.reason());
        ListCommand.putTiming(row, v.timing());
        ListCommand.putAgency(row, v.agency());
        row.put("timing", v.timings().stream().map(c -> object("kind", c.kind().name(), "until",
                c.until() == null ? null : c.until().toString(), "reason", c.reason(), "actor", c.actor(), "at",
                c.at().toString())).toList());
        row.put("claim", v.claim().map(c -> object("user", c.username(), "since", c.since().toString(),
                "lastSaved", c.active().toString())).orElse(null));
        row.put("laterSourceVersions", v.laterVersions());
        row.put("history", v.history().stream().map(c -> object("at", c.at().toString(), "actor", c.actor(),
                "from", c.from() == null ? null : c.from().name(), "to", c.to().name(), "reason", c.reason()))
                .toList());
        row.put("headlines", v.headlines().stream().map(d -> object("at", d.at().toString(), "author", d.author(),
                "headline", d.headline().text())).toList());
        row.put("approval", v.approval().map(a -> object("at", a.at().toString(), "actor", a.actor(),
                "headline", a.headline().text(), "bodySha256", a.bodySha256(), "bodyHtmlSha256", a.bodyHtmlSha256(),
                "selfApproved", a.selfApproved())).orElse(null));
        row.put("publications", v.publications().stream().map(p -> object("kind", p.kind().name(),
                "at", p.at().toString(), "actor", p.actor(), "headline", p.headline().text(),
                "location", p.location(), "reason", p.note())).toList());
        row.put("thread", v.thread().entries().stream().map(e -> object("kind", e.kind().name(),
                "at", e.at().toString(), "author", e.author(), "text", e.text(), "styleErrors", e.styleErrors()))
                .toList());
        return row;
    }

    /** A JSON object with its keys in the order given (Map.of would shuffle them and refuses nulls). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
