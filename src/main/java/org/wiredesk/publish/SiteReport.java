package org.wiredesk.publish;

import java.util.ArrayList;
import java.util.List;
import org.wiredesk.story.StoryId;

/** What checking a site folder against the store's publication records found. */
public record SiteReport(int checked, int verified, List<Finding> findings) {
    public SiteReport {
        findings = List.copyOf(findings);
    }

    /** One problem with one page (or with the site itself, where {@code id} is null), in one sentence. */
    public record Finding(StoryId id, String page, String problem) {
        public String line() {
            return (id == null ? "" : "story " + id + " ") + "(" + page + "): " + problem;
        }
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** The report as lines for a terminal: each finding, then the count. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.line()));
        out.add(checked + " page" + (checked == 1 ? "" : "s") + " checked, " + verified + " verified, "
                + findings.size() + " problem" + (findings.size() == 1 ? "" : "s"));
        return out;
    }
}
