package org.wiredesk.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Story;
import org.wiredesk.store.CreditRepository;
import org.wiredesk.store.DeskKeyRepository;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/**
 * {@code wiredesk verify}: proves afterwards that the desk's promises held. The history chain is whole, every body
 * still has the text and markup it was fingerprinted with at ingest, every publication carried that body, and every
 * page in the site is the one its publication record describes, signed with the desk's key; and every published body
 * can be derived again from the original it was ingested from (ADR 30).
 */
public final class DeskVerifier {
    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final HistoryAudit audit;
    private final DeskKeyRepository keys;
    private final CreditRepository credits;
    private final OriginalsVerifier originals;

    public DeskVerifier(StoryRepository stories, WorkflowRepository workflow, HistoryAudit audit,
                        DeskKeyRepository keys, CreditRepository credits) {
        this(stories, workflow, audit, keys, credits, stories.originals());
    }

    /** A verifier that also derives every published body again from its archived original (ADR 30). */
    public DeskVerifier(StoryRepository stories, WorkflowRepository workflow, HistoryAudit audit,
                        DeskKeyRepository keys, CreditRepository credits, SourceArchiveRepository archive) {
        this.stories = stories;
        this.workflow = workflow;
        this.audit = audit;
        this.keys = keys;
        this.credits = credits;
        this.originals = new OriginalsVerifier(archive, stories.bodyChoices(), workflow::latestApproval);
    }

    /** What verify found: what it checked (counts), notes (self-approvals) and each break in one sentence. */
    public record Report(List<String> checked, List<String> notes, List<String> breaks) {
        public boolean holds() {
            return breaks.isEmpty();
        }
    }

    /** Checks the store, and the site folder too when {@code site} is not null. */
    public Report verify(Path site) {
        if (site != null && !Files.isDirectory(site)) {
            throw new StoreException("There is no site folder at " + site);
        }
        List<String> checked = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        HistoryAudit.Report history = audit.run();
        breaks.addAll(history.breaks());
        checked.add(history.links() + " history links (" + history.rows().get("status_change") + " status changes, "
                + history.rows().get("headline_draft") + " headline revisions, " + history.rows().get("approval")
                + " approvals, " + history.rows().get("publication") + " publications, "
                + history.rows().get("story_note") + " notes)");
        List<Story> all = stories.findAll(Set.of());
        List<PublishedRecord> records = new ArrayList<>();
        List<Story> published = new ArrayList<>();
        int publications = 0;
        for (Story story : all) {
            bodies(story, breaks);
            List<Publication> history1 = workflow.publications(story.id());
            for (Publication p : history1) {
                publications++;
                if (!p.bodySha256().equals(story.body().sha256())) {
                    breaks.add("story " + story.id() + "'s " + p.kind().name().toLowerCase() + " record of " + p.at()
                            + " carried a body other than the one ingested");
                }
            }
            if (!history1.isEmpty()) {
                published.add(story);
                records.add(PublishedRecord.of(story, history1));
                creditAddress(story, breaks);
            }
        }
        checked.add(all.size() + " bodies against their text and markup fingerprints");
        checked.add(publications + " publication records against the bodies they carried");
        OriginalsVerifier.Result derived = originals.check(published);
        breaks.addAll(derived.breaks());
        checked.add(derived.checked());
        List<String> notes = new ArrayList<>(history.selfApprovals());
        notes.addAll(derived.notes());
        if (site != null) {
            SiteReport pages = new SiteVerifier().check(records, site, keys.publicKeys());
            pages.findings().forEach(f -> breaks.add(f.line()));
            checked.add(pages.checked() + " pages in " + site + " against their records and the desk's key ("
                    + pages.verified() + " verified)");
        }
        return new Report(checked, notes, breaks);
    }

    /**
     * A story that ran without a web page of its own printed the credit address its approval bound: one that was set
     * for its agency (ADR 19).
     */
    private void creditAddress(Story story, List<String> breaks) {
        if (story.webAddress().isPresent()) {
            return;
        }
        if (story.creditUrl() == null) {
            breaks.add("story " + story.id() + " ran with neither a web page of its own nor a credit address");
        } else if (credits.history(story.sourceName()).stream()
                .noneMatch(c -> c.address().equals(story.creditUrl()))) {
            breaks.add("story " + story.id() + " ran with the credit address " + story.creditUrl()
                    + ", which was never set for «" + story.sourceName() + "»");
        }
    }

    private static void bodies(Story story, List<String> breaks) {
        if (!Fingerprint.ofHtml(story.body().html()).equals(story.body().htmlSha256())) {
            breaks.add("story " + story.id() + "'s stored body markup differs from what was ingested (markup "
                    + "fingerprint " + story.body().htmlSha256().substring(0, 12) + "…)");
        }
        if (!BodyText.matches(story.body())) {
            breaks.add("story " + story.id() + "'s stored body text differs from what was ingested (text "
                    + "fingerprint " + story.body().sha256().substring(0, 12) + "…)");
        }
    }
}
