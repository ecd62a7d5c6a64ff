package org.wiredesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists stories, newest first; as a JSON array with --json.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only stories in this status: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--json", description = "Print a JSON array with every field, bodies included.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            List<Story> stories = app.stories().findAll(status == null ? Set.of() : Set.of(status));
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Story s : stories) {
                    rows.add(toJson(s));
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                for (Story s : stories) {
                    out.printf("%6s  %-9s  %s  %-24.24s  %s%n", s.id(), s.status().name(), s.received(),
                            s.sourceName(), s.runningHeadline());
                }
                out.println(stories.size() + " stories");
            }
        }
        return 0;
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
