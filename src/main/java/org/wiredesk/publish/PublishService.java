package org.wiredesk.publish;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.story.Action;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.store.WorkflowRepository;

/**
 * Publishes, corrects and kills stories: re-checks what the store gave back, renders and signs the page, proves it
 * carries the body exactly as ingested, writes it, and records the publication with the story's status change in
 * one transaction. In a run, a story the verifier refuses is held with the reason and the run goes on.
 */
public final class PublishService {
    private static final int RECENT = SiteBuilder.RECENT;

    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final TimingRepository timings;
    private final DeskSettings settings;
    private final DeskKeys keys;
    private final Clock clock;
    private final PageRenderer renderer = new PageRenderer(new PageLayout());
    private final PublicationVerifier verifier = new PublicationVerifier();
    private final SiteBuilder site;

    public PublishService(StoryRepository stories, WorkflowRepository workflow, TimingRepository timings,
                          DeskSettings settings, DeskKeys keys, Clock clock) {
        this.stories = stories;
        this.workflow = workflow;
        this.timings = timings;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.site = new SiteBuilder(new SiteStories(stories, workflow), settings, keys);
    }

    /**
     * What publishing, correcting or killing one story came to; {@code siteNotes} are what the rebuild of the site
     * after a correction or kill had to say (empty for a story within a run: the run has them).
     */
    public record Result(StoryId id, Headline headline, Path page, List<String> siteNotes) {
        public Result {
            siteNotes = List.copyOf(siteNotes);
        }

        public Result(StoryId id, Headline headline, Path page) {
            this(id, headline, page, List.of());
        }
    }

    /** A story the verifier refused: moved from approved to held, with the refusal as its reason. */
    public record Held(StoryId id, Headline headline, String reason) {
    }

    /** A story a run neither published nor held: someone else moved it first, or it was not approved. */
    public record Skipped(StoryId id, String reason) {
    }

    /**
     * What a publishing run came to, in the order the stories were taken; {@code waiting} are approved stories a
     * run of every approved story left for their time (under embargo, or scheduled for later); {@code siteNotes}
     * are what the rebuild of the whole site after it had to say (a page it left as it found it, a base URL not
     * set), one sentence each.
     */
    public record Run(List<Result> published, List<Held> held, List<Skipped> skipped, List<Skipped> waiting,
                      List<String> siteNotes) {
        public Run {
            published = List.copyOf(published);
            held = List.copyOf(held);
            skipped = List.copyOf(skipped);
            waiting = List.copyOf(waiting);
            siteNotes = List.copyOf(siteNotes);
        }
    }

    /**
     * Publishes every approved story into the site folder, oldest first; a refused one is held, not published. A
     * story under embargo, or scheduled for later, waits (ADR 17): it is listed as waiting, with its time.
     */
    public Run publishAllApproved(User user, Path site) {
        List<Story> approved = new ArrayList<>(stories.findAll(Set.of(Status.APPROVED)));
        Collections.reverse(approved);
        Map<StoryId, Timing> timed = timings.current();
        Instant now = now();
        List<StoryId> ready = new ArrayList<>();
        List<Skipped> waiting = new ArrayList<>();
        for (Story story : approved) {
            Timing timing = timed.getOrDefault(story.id(), Timing.NONE);
            if (timing.embargoedAt(now)) {
                waiting.add(new Skipped(story.id(), embargoed(story.id(), timing).getMessage()));
            } else if (timing.scheduledAfter(now)) {
                waiting.add(new Skipped(story.id(), "Story " + story.id() + " is scheduled for "
                        + Timing.describe(timing.scheduledFor()) + ": it runs then"));
            } else {
                ready.add(story.id());
            }
        }
        Run run = publish(user, ready, site);
        return new Run(run.published(), run.held(), run.skipped(), waiting, run.siteNotes());
    }

    /**
     * Publishes every approved story whose scheduled time has come and whose embargo has lifted, oldest schedule
     * first: what the running desk does on its timer and {@code publish --due} does for cron. When nothing is due,
     * nothing is written, not even the site. A story someone else ran meanwhile is not reported as refused.
     */
    public Run publishDue(User user, Path site) {
        Instant now = now();
        List<Map.Entry<StoryId, Timing>> due = new ArrayList<>(timings.current().entrySet().stream()
                .filter(e -> e.getValue().dueAt(now)).toList());
        if (due.isEmpty()) {
            return new Run(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        due.sort(Map.Entry.comparingByValue(java.util.Comparator.comparing(Timing::scheduledFor)));
        Run run = publish(user, due.stream().map(Map.Entry::getKey).toList(), site);
        // another desk chief's timer (or cron) ran a story first: nothing went wrong, nothing to say
        List<Skipped> refused = run.skipped().stream()
                .filter(k -> stories.find(k.id()).map(Story::status).orElse(null) == Status.APPROVED).toList();
        return new Run(run.published(), run.held(), refused, run.waiting(), run.siteNotes());
    }

    /**
     * Publishes the chosen stories in this order; a refused one is held with its reason and the run goes on. Then
     * the whole site is rebuilt from the store, so with no stories this brings a site folder up to date, or makes
     * one. A folder that cannot be written is refused first ({@link SiteWriteException}), before anything is
     * published.
     */
    public Run publish(User user, List<StoryId> ids, Path site) {
        Action.PUBLISH.apply(Status.APPROVED, user, null);
        List<Result> published = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        SiteFolder folder = new SiteFolder(site);
        folder.requireWritable();
        for (StoryId id : ids) {
            try {
                published.add(publishOne(user, id, folder));
            } catch (PublicationRefusedException refused) {
                hold(user, id, refused.getMessage(), held, skipped);
            } catch (WorkflowException | StoreException e) {
                skipped.add(new Skipped(id, e.getMessage()));
            }
        }
        SiteBuilder.Report built = finishSite(folder);
        return new Run(published, held, skipped, List.of(), built.notes());
    }

    /** Publishes one story; a refusal is thrown and the story stays approved. */
    public Result publish(User user, StoryId id, Path site) {
        SiteFolder folder = new SiteFolder(site);
        folder.requireWritable();
        Result result = publishOne(user, id, folder);
        finishSite(folder);
        return result;
    }

    /** Corrects a published story's headline: the page is rewritten at its address and the correction recorded. */
    public Result correct(User user, StoryId id, String newHeadline, String reason, Path site) {
        Story story = story(id);
        Action.CORRECT.apply(story.status(), user, reason);
        Headline headline;
        try {
            headline = new Headline(newHeadline);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("The corrected headline " + e.getMessage().replace("a headline ", ""));
        }
        verifier.verifyStored(story, Optional.of(story.body().htmlSha256()));
        Instant now = now();
        Story corrected = new Story(story.id(), story.dedupKey(), story.sourceName(), story.url(),
                story.agencyHeadline(), headline, story.body(), story.byline(), story.language(),
                story.publishedAtSource(), story.received(), story.status(), now, story.creditUrl());
        SiteFolder folder = new SiteFolder(site);
        List<Publication> history = workflow.publications(id);
        String location = address(id, history, story.runningHeadline());
        requirePageIn(folder, id, location);
        folder.requireWritable();
        SiteStory page = new SiteStory(corrected, append(history, new Publication(0, id,
                Publication.Kind.CORRECTED, headline, corrected.body().sha256(), user.username(), now, location,
                reason)));
        Rendered rendered = render(page, headline, now);
        // the corrected page replaces the old one only once the correction is recorded
        SiteFolder.Staged staged = folder.stage(location, rendered.html());
        try {
            workflow.correct(id, headline, reason, now, new Publication(0, id, Publication.Kind.CORRECTED, headline,
                    corrected.body().sha256(), user.username(), now, location, reason, rendered.signature()));
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        Path written = staged.commit();
        SiteBuilder.Report built = finishSite(folder);
        return new Result(id, headline, written, built.notes());
    }

    /** Kills a published story: its page is replaced by a withdrawal notice, and the kill recorded with its reason. */
    public Result kill(User user, StoryId id, String reason, Path site) {
        Story story = story(id);
        Action.KILL.apply(story.status(), user, reason);
        Instant now = now();
        SiteFolder folder = new SiteFolder(site);
        List<Publication> history = workflow.publications(id);
        String location = address(id, history, story.runningHeadline());
        requirePageIn(folder, id, location);
        folder.requireWritable();
        Publication kill = new Publication(0, id, Publication.Kind.KILLED, story.runningHeadline(),
                story.body().sha256(), user.username(), now, location, reason);
        SiteStory withdrawn = new SiteStory(story, append(history, kill));
        // the withdrawal notice replaces the page only once the kill is recorded
        SiteFolder.Staged staged = folder.stage(location, renderer.withdrawnPage(withdrawn, SiteIdentity.of(settings),
                recentPosts(RECENT, location), now));
        try {
            workflow.transition(id, Status.PUBLISHED, Status.KILLED, user.username(), reason, now, kill);
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        Path page = staged.commit();
        SiteBuilder.Report built = finishSite(folder);
        return new Result(id, story.runningHeadline(), page, built.notes());
    }

    /** The latest stories on the site, newest first, for "Recent Posts"; links are made from ids and headlines. */
    public List<PageRenderer.RecentPost> recentPosts(int limit) {
        List<PageRenderer.RecentPost> out = new ArrayList<>();
        Set<StoryId> seen = new LinkedHashSet<>();
        for (Publication p : workflow.recentPublications(limit * 4)) {
            if (out.size() >= limit || !seen.add(p.storyId())) {
                continue;
            }
            Story story = stories.find(p.storyId()).orElse(null);
            if (story == null || story.status() != Status.PUBLISHED) {
                continue;
            }
            Publication first = workflow.publications(p.storyId()).get(0);
            out.add(new PageRenderer.RecentPost(story.runningHeadline().text(), Excerpt.of(story.body().html()),
                    PageRenderer.slugPath(first.storyId(), first.headline()), first.at()));
        }
        return out;
    }

    /** Recent Posts for the page at {@code page}, which does not list itself. */
    private List<PageRenderer.RecentPost> recentPosts(int limit, String page) {
        return recentPosts(limit + 1).stream().filter(p -> !p.href().equals(page)).limit(limit).toList();
    }

    private Result publishOne(User user, StoryId id, SiteFolder folder) {
        Story story = story(id);
        Action.PUBLISH.apply(story.status(), user, null);
        Timing timing = timings.timing(id);
        if (timing.embargoedAt(clock.instant())) {
            throw embargoed(id, timing);
        }
        verifier.verifyStored(story, Optional.of(story.body().htmlSha256()));
        Approval approval = workflow.latestApproval(id).orElseThrow(() -> new PublicationRefusedException("Story "
                + id + " was not published: there is no approval on record for it."));
        if (!approval.bodySha256().equals(story.body().sha256())
                || !approval.bodyHtmlSha256().equals(story.body().htmlSha256())) {
            throw new PublicationRefusedException("Story " + id + " was not published: its body is not the body "
                    + "the desk chief approved.");
        }
        Instant now = now();
        List<Publication> history = workflow.publications(id);
        String location = address(id, history, story.runningHeadline());
        SiteStory pending = new SiteStory(story, append(history, new Publication(0, id, Publication.Kind.PUBLISHED,
                story.runningHeadline(), story.body().sha256(), user.username(), now, location, null)));
        Rendered rendered = render(pending, approval.headline(), now);
        // nobody sees the page before the store has recorded its publication (and so refused an early one)
        SiteFolder.Staged staged = folder.stage(location, rendered.html());
        try {
            workflow.transition(id, story.status(), Status.PUBLISHED, user.username(), null, now,
                    new Publication(0, id, Publication.Kind.PUBLISHED, story.runningHeadline(),
                            story.body().sha256(), user.username(), now, location, null, rendered.signature()));
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        Path page = staged.commit();
        return new Result(id, story.runningHeadline(), page);
    }

    private static WorkflowException embargoed(StoryId id, Timing timing) {
        return new WorkflowException("Story " + id + " is under embargo until "
                + Timing.describe(timing.embargoUntil()) + ": nothing publishes it earlier");
    }

    private void hold(User user, StoryId id, String reason, List<Held> held, List<Skipped> skipped) {
        try {
            Headline headline = story(id).runningHeadline();
            workflow.transition(id, Status.APPROVED, Status.HELD, user.username(), reason, now());
            held.add(new Held(id, headline, reason));
        } catch (WorkflowException | StoreException e) {
            skipped.add(new Skipped(id, reason + " It could not be held either: " + e.getMessage()));
        }
    }

    /** A signed page, and its signature (kept with the publication record). */
    private record Rendered(String html, String signature) {
    }

    /** Renders and signs the page, then proves it before anything is written. */
    private Rendered render(SiteStory page, Headline approved, Instant now) {
        KeyPair pair = keys.current();
        PageSignature signature = PageSignature.sign(page.fields(), pair);
        String html = renderer.storyPage(page, signature, SiteIdentity.of(settings),
                recentPosts(RECENT, page.page()), now);
        verifier.verifyPage(page.story(), html, approved, pair.getPublic());
        return new Rendered(html, signature.signatureBase64());
    }

    /**
     * Where a story's page lives: made from its id and the headline of its first publication (this one, when there
     * is none yet), so a correction keeps the address. Never a path read back from the store.
     */
    private static String address(StoryId id, List<Publication> history, Headline publishingNow) {
        return PageRenderer.slugPath(id, history.isEmpty() ? publishingNow : history.get(0).headline());
    }

    private static List<Publication> append(List<Publication> history, Publication next) {
        List<Publication> out = new ArrayList<>(history);
        out.add(next);
        return out;
    }

    /** A correction or kill rewrites the page where it is: refused when the story's page is not in that folder. */
    private static void requirePageIn(SiteFolder folder, StoryId id, String location) {
        if (!folder.has(location)) {
            throw new WorkflowException("Story " + id + "'s page is not in " + folder.root() + " (" + location
                    + "): give the site folder it was published to");
        }
    }

    /** Rebuilds every derived file of the site from the store, now that the store says what was published. */
    private SiteBuilder.Report finishSite(SiteFolder folder) {
        return site.build(folder, clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Story story(StoryId id) {
        return stories.find(id).orElseThrow(() -> new WorkflowException("There is no story " + id));
    }
}
