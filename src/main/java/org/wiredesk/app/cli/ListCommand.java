package org.wiredesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;
import org.wiredesk.workflow.DeskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists stories, newest first; as a JSON array with --json.",
                "A held or rejected story shows the reason it was held or rejected last."})
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only stories in this status: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--json", description = "Print a JSON array with every field, bodies included.")
    boolean json;

    /** A row of the table, and its header: the source column is cut to its width, marked with "…". */
    private static final String ROW = "%6s  %-9s  %-20s  %-24s  %s%n";
    static final int SOURCE_WIDTH = 24;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            List<Story> stories = app.stories().findAll(status == null ? Set.of() : Set.of(status));
            Map<StoryId, Timing> timings = app.timing().current();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Story s : stories) {
                    Map<String, Object> row = toJson(s);
                    row.put("reason", latestReason(app.desk(), s));
                    putTiming(row, timings.getOrDefault(s.id(), Timing.NONE));
                    putAgency(row, app.desk().agency(s.id()));
                    rows.add(row);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                if (!stories.isEmpty()) {
                    out.printf(ROW, "ID", "STATUS", "RECEIVED (UTC)", "SOURCE", "HEADLINE");
                }
                for (Story s : stories) {
                    String reason = latestReason(app.desk(), s);
                    String timing = timingNote(s, timings.getOrDefault(s.id(), Timing.NONE));
                    out.printf(ROW, s.id(), s.status().name(), s.received().truncatedTo(ChronoUnit.SECONDS),
                            cut(s.sourceName(), SOURCE_WIDTH), s.runningHeadline()
                                    + (reason == null ? "" : "  [" + reason + "]")
                                    + (timing == null ? "" : "  [" + timing + "]"));
                }
                out.println(stories.size() + " stories");
            }
        }
        return 0;
    }

    /** The text cut to {@code width} characters, its last one "…" when something was cut. */
    static String cut(String text, int width) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    /**
     * What the agency's own format said (issue 13): format, urgency, the agency's latest version, whether it
     * withdrew the item, and its notes to the desk, each with whether it may be published.
     */
    static void putAgency(Map<String, Object> row, org.wiredesk.story.AgencyMeta agency) {
        row.put("format", agency.format());
        row.put("urgency", agency.urgency());
        row.put("sourceVersion", agency.version());
        row.put("withdrawnAtSource", agency.withdrawn());
        List<Map<String, Object>> notes = new ArrayList<>();
        for (org.wiredesk.story.AgencyMeta.EdNote note : agency.edNotes()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("text", note.text());
            n.put("publishable", note.publishable());
            notes.add(n);
        }
        row.put("edNotes", notes);
    }

    /** The embargo and schedule as JSON fields (ISO instants, null when none). */
    static void putTiming(Map<String, Object> row, Timing timing) {
        row.put("embargoUntil", timing.embargo().map(Object::toString).orElse(null));
        row.put("scheduledFor", timing.schedule().map(Object::toString).orElse(null));
    }

    /** What a story not yet run waits for, in a few words, or null. */
    static String timingNote(Story s, Timing timing) {
        if (s.status() == Status.PUBLISHED || s.status() == Status.KILLED) {
            return null;
        }
        String embargo = timing.embargo().map(t -> "embargoed until " + Timing.describe(t)).orElse(null);
        String schedule = timing.schedule().map(t -> "scheduled for " + Timing.describe(t)).orElse(null);
        return embargo == null ? schedule : schedule == null ? embargo : embargo + ", " + schedule;
    }

    /** Why a held or rejected story is where it is; null for other statuses (their history is read only then). */
    static String latestReason(DeskService desk, Story s) {
        return s.status() == Status.HELD || s.status() == Status.REJECTED
                ? latestReason(s, desk.statusHistory(s.id())) : null;
    }

    /** The reason of the latest move into the story's current status, if it is held or rejected. */
    static String latestReason(Story s, List<StatusChange> history) {
        if (s.status() != Status.HELD && s.status() != Status.REJECTED) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == s.status()) {
                return history.get(i).reason();
            }
        }
        return null;
    }

    static Map<String, Object> toJson(Story s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id().value());
        row.put("status", s.status().name());
        row.put("source", s.sourceName());
        row.put("url", s.url() == null ? null : s.url().toString());
        row.put("guid", s.dedupKey());
        row.put("agencyHeadline", s.agencyHeadline().text());
        row.put("houseHeadline", s.houseHeadline() == null ? null : s.houseHeadline().text());
        row.put("byline", s.byline());
        row.put("language", s.language());
        row.put("publishedAtSource", s.publishedAtSource() == null ? null : s.publishedAtSource().toString());
        row.put("received", s.received().toString());
        row.put("updated", s.updated().toString());
        row.put("bodySha256", s.body().sha256());
        row.put("bodyHtml", s.body().html());
        return row;
    }
}
