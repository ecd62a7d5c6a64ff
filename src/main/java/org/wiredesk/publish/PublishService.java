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
import java.util.Optional;
import java.util.Set;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Action;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/**
 * Publishes, corrects and kills stories: re-checks what the store gave back, renders and signs the page, proves it
 * carries the body exactly as ingested, writes it, and records the publication with the story's status change in
 * one transaction. In a run, a story the verifier refuses is held with the reason and the run goes on.
 */
public final class PublishService {
    private static final int RECENT = 6;

    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final DeskSettings settings;
    private final DeskKeys keys;
    private final Clock clock;
    private final PageRenderer renderer = new PageRenderer();
    private final PublicationVerifier verifier = new PublicationVerifier();

    public PublishService(StoryRepository stories, WorkflowRepository workflow, DeskSettings settings, DeskKeys keys,
                          Clock clock) {
        this.stories = stories;
        this.workflow = workflow;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    /** What publishing one story came to. */
    public record Result(StoryId id, Headline headline, Path page) {
    }

    /** A story the verifier refused: moved from approved to held, with the refusal as its reason. */
    public record Held(StoryId id, Headline headline, String reason) {
    }

    /** A story a run neither published nor held: someone else moved it first, or it was not approved. */
    public record Skipped(StoryId id, String reason) {
    }

    /** What a publishing run came to, in the order the stories were taken. */
    public record Run(List<Result> published, List<Held> held, List<Skipped> skipped) {
        public Run {
            published = List.copyOf(published);
            held = List.copyOf(held);
            skipped = List.copyOf(skipped);
        }
    }

    /** Publishes every approved story into the site folder, oldest first; a refused one is held, not published. */
    public Run publishAllApproved(User user, Path site) {
        List<Story> approved = new ArrayList<>(stories.findAll(Set.of(Status.APPROVED)));
        Collections.reverse(approved);
        return publish(user, approved.stream().map(Story::id).toList(), site);
    }

    /** Publishes the chosen stories in this order; a refused one is held with its reason and the run goes on. */
    public Run publish(User user, List<StoryId> ids, Path site) {
        Action.PUBLISH.apply(Status.APPROVED, user, null);
        List<Result> published = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        SiteFolder folder = new SiteFolder(site);
        for (StoryId id : ids) {
            try {
                published.add(publishOne(user, id, folder));
            } catch (PublicationRefusedException refused) {
                hold(user, id, refused.getMessage(), held, skipped);
            } catch (WorkflowException | StoreException e) {
                skipped.add(new Skipped(id, e.getMessage()));
            }
        }
        finishSite(folder);
        return new Run(published, held, skipped);
    }

    /** Publishes one story; a refusal is thrown and the story stays approved. */
    public Result publish(User user, StoryId id, Path site) {
        SiteFolder folder = new SiteFolder(site);
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
                story.publishedAtSource(), story.received(), story.status(), now);
        SiteFolder folder = new SiteFolder(site);
        String location = address(id, story.runningHeadline());
        requirePageIn(folder, id, location);
        Rendered page = render(corrected, headline, now, true);
        Path written = folder.write(location, page.html());
        workflow.correct(id, headline, reason, now, new Publication(0, id, Publication.Kind.CORRECTED, headline,
                corrected.body().sha256(), user.username(), now, location, reason, page.signature()));
        finishSite(folder);
        return new Result(id, headline, written);
    }

    /** Kills a published story: its page is replaced by a withdrawal notice, and the kill recorded with its reason. */
    public Result kill(User user, StoryId id, String reason, Path site) {
        Story story = story(id);
        Action.KILL.apply(story.status(), user, reason);
        Instant now = now();
        SiteFolder folder = new SiteFolder(site);
        String location = address(id, story.runningHeadline());
        requirePageIn(folder, id, location);
        Path page = folder.write(location, renderer.withdrawnPage(id, settings.section()));
        workflow.transition(id, Status.PUBLISHED, Status.KILLED, user.username(), reason, now,
                new Publication(0, id, Publication.Kind.KILLED, story.runningHeadline(), story.body().sha256(),
                        user.username(), now, location, reason));
        finishSite(folder);
        return new Result(id, story.runningHeadline(), page);
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
            out.add(new PageRenderer.RecentPost(story.runningHeadline().text(), teaser(story),
                    PageRenderer.slugPath(first.storyId(), first.headline()), first.at()));
        }
        return out;
    }

    private Result publishOne(User user, StoryId id, SiteFolder folder) {
        Story story = story(id);
        Action.PUBLISH.apply(story.status(), user, null);
        verifier.verifyStored(story, Optional.of(story.body().htmlSha256()));
        Approval approval = workflow.latestApproval(id).orElseThrow(() -> new PublicationRefusedException("Story "
                + id + " was not published: there is no approval on record for it."));
        if (!approval.bodySha256().equals(story.body().sha256())
                || !approval.bodyHtmlSha256().equals(story.body().htmlSha256())) {
            throw new PublicationRefusedException("Story " + id + " was not published: its body is not the body "
                    + "the desk chief approved.");
        }
        Instant now = now();
        String location = address(id, story.runningHeadline());
        Rendered rendered = render(story, approval.headline(), now, false);
        Path page = folder.write(location, rendered.html());
        try {
            workflow.transition(id, story.status(), Status.PUBLISHED, user.username(), null, now,
                    new Publication(0, id, Publication.Kind.PUBLISHED, story.runningHeadline(),
                            story.body().sha256(), user.username(), now, location, null, rendered.signature()));
        } catch (RuntimeException e) {
            // not recorded, so not published: take the page down again
            SiteFolder.deleteQuietly(page);
            throw e;
        }
        return new Result(id, story.runningHeadline(), page);
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
    private Rendered render(Story story, Headline approved, Instant at, boolean correction) {
        KeyPair pair = keys.current();
        PageFields fields = new PageFields(story.id(), story.runningHeadline().text(), story.body().sha256(),
                Fingerprint.ofHtml(story.body().html()), story.url().toString(), at);
        PageSignature signature = PageSignature.sign(fields, pair);
        String html = renderer.storyPage(story, signature, correction, settings.section(),
                settings.disclaimer(), recentPosts(RECENT), at);
        verifier.verifyPage(story, html, approved, pair.getPublic());
        return new Rendered(html, signature.signatureBase64());
    }

    /**
     * Where a story's page lives: made from its id and the headline of its first publication (this one, when there
     * is none yet), so a correction keeps the address. Never a path read back from the store.
     */
    private String address(StoryId id, Headline publishingNow) {
        List<Publication> history = workflow.publications(id);
        return PageRenderer.slugPath(id, history.isEmpty() ? publishingNow : history.get(0).headline());
    }

    /** A correction or kill rewrites the page where it is: refused when the story's page is not in that folder. */
    private static void requirePageIn(SiteFolder folder, StoryId id, String location) {
        if (!folder.has(location)) {
            throw new WorkflowException("Story " + id + "'s page is not in " + folder.root() + " (" + location
                    + "): give the site folder it was published to");
        }
    }

    private void finishSite(SiteFolder folder) {
        folder.write("index.html", renderer.indexPage(settings.section(), settings.disclaimer(), recentPosts(50),
                clock.instant()));
        folder.writeDeskKey(keys.current().getPublic());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Story story(StoryId id) {
        return stories.find(id).orElseThrow(() -> new WorkflowException("There is no story " + id));
    }

    private static String teaser(Story story) {
        List<String> paragraphs = BodyText.paragraphs(story.body().html());
        String first = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        if (first.length() <= 110) {
            return first;
        }
        int cut = first.lastIndexOf(' ', 105);
        return first.substring(0, cut > 40 ? cut : 105) + "\u2026";
    }
}
