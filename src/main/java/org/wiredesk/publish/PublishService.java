package org.wiredesk.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Action;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/**
 * Publishes, corrects and kills stories: renders the page, proves it carries the body exactly as ingested,
 * writes it, and records the publication with the story's status change in one transaction.
 */
public final class PublishService {
    private static final int RECENT = 6;

    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final DeskSettings settings;
    private final Clock clock;
    private final PageRenderer renderer = new PageRenderer();
    private final PublicationVerifier verifier = new PublicationVerifier();

    public PublishService(StoryRepository stories, WorkflowRepository workflow, DeskSettings settings, Clock clock) {
        this.stories = stories;
        this.workflow = workflow;
        this.settings = settings;
        this.clock = clock;
    }

    /** What publishing one story came to. */
    public record Result(StoryId id, Headline headline, Path page) {
    }

    /** Publishes every approved story into the site folder, oldest first. */
    public List<Result> publishApproved(User user, Path site) {
        List<Story> approved = new ArrayList<>(stories.findAll(Set.of(Status.APPROVED)));
        java.util.Collections.reverse(approved);
        List<Result> out = new ArrayList<>();
        for (Story story : approved) {
            out.add(publish(user, story.id(), site));
        }
        writeIndex(site);
        return out;
    }

    public Result publish(User user, StoryId id, Path site) {
        Story story = story(id);
        Action.PUBLISH.apply(story.status(), user, null);
        String location = PageRenderer.slugPath(story);
        Instant now = clock.instant();
        Path page = write(site, location, render(story, null, now));
        try {
            workflow.transition(id, story.status(), Status.PUBLISHED, user.username(), null, now,
                    new Publication(0, id, Publication.Kind.PUBLISHED, story.runningHeadline(),
                            story.body().sha256(), user.username(), now, location, null));
        } catch (RuntimeException e) {
            // not recorded, so not published: take the page down again
            deleteQuietly(page);
            throw e;
        }
        writeIndex(site);
        return new Result(id, story.runningHeadline(), page);
    }

    /** Corrects a published story's headline: the page is rewritten in place and the correction recorded. */
    public Result correct(User user, StoryId id, String newHeadline, String reason, Path site) {
        Story story = story(id);
        Action.CORRECT.apply(story.status(), user, reason);
        Headline headline;
        try {
            headline = new Headline(newHeadline);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("The corrected headline " + e.getMessage().replace("a headline ", ""));
        }
        Instant now = clock.instant();
        workflow.saveHeadline(id, story.status(), story.status(), headline, user.username(), now);
        Story corrected = story(id);
        String location = location(id).orElse(PageRenderer.slugPath(corrected));
        Path page = write(site, location, render(corrected, null, now));
        workflow.transition(id, Status.PUBLISHED, Status.PUBLISHED, user.username(), reason, now,
                new Publication(0, id, Publication.Kind.CORRECTED, headline, corrected.body().sha256(),
                        user.username(), now, location, reason));
        writeIndex(site);
        return new Result(id, headline, page);
    }

    /** Kills a published story: its page is replaced by a notice, and the kill is recorded with its reason. */
    public Result kill(User user, StoryId id, String reason, Path site) {
        Story story = story(id);
        Action.KILL.apply(story.status(), user, reason);
        Instant now = clock.instant();
        String location = location(id).orElse(PageRenderer.slugPath(story));
        String notice = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Withdrawn</title></head><body>"
                + "<p>This report has been withdrawn by the " + org.jsoup.nodes.Entities.escape(settings.section())
                + " desk.</p></body></html>";
        Path page = write(site, location, notice);
        workflow.transition(id, Status.PUBLISHED, Status.KILLED, user.username(), reason, now,
                new Publication(0, id, Publication.Kind.KILLED, story.runningHeadline(), story.body().sha256(),
                        user.username(), now, location, reason));
        writeIndex(site);
        return new Result(id, story.runningHeadline(), page);
    }

    /** The latest stories on the site, newest first, for "Recent Posts". */
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
            Instant first = workflow.publications(p.storyId()).get(0).at();
            out.add(new PageRenderer.RecentPost(story.runningHeadline().text(), teaser(story),
                    p.location() == null ? PageRenderer.slugPath(story) : p.location(), first));
        }
        return out;
    }

    private String render(Story story, String notice, Instant now) {
        verifier.verifyStored(story);
        String html = renderer.storyPage(story, settings.section(), settings.disclaimer(), recentPosts(RECENT), now,
                notice);
        verifier.verifyPage(story, html);
        return html;
    }

    private void writeIndex(Path site) {
        write(site, "index.html", renderer.indexPage(settings.section(), settings.disclaimer(),
                recentPosts(50), clock.instant()));
    }

    private java.util.Optional<String> location(StoryId id) {
        return workflow.publications(id).stream().map(Publication::location).filter(l -> l != null).findFirst();
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

    private static void deleteQuietly(Path page) {
        try {
            Files.deleteIfExists(page);
        } catch (IOException e) {
            // the failure that brought us here is the one to report
        }
    }

    /** Writes a file atomically: a reader never sees half a page. */
    private static Path write(Path site, String relative, String content) {
        Path target = site.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".wd-", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
