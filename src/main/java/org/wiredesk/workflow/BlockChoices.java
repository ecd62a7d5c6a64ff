package org.wiredesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Body;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.BodyChoiceRepository;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.store.StoryRepository;

/**
 * The article's extent, chosen from the archived original's own blocks (issue 11, point 6; ADR 32): lists the blocks
 * with those in the body marked, makes a copy editor's choice the story's body (a new version derived from the
 * archive, recorded), and tells the desk chief which blocks a choice dropped or added against what ingest made.
 * Words are never edited: a block is taken whole or left out. The database enforces the same rules.
 */
public final class BlockChoices {
    private final StoryRepository stories;
    private final SourceArchiveRepository archive;
    private final BodyChoiceRepository choices;
    private final DeskService desk;
    private final Clock clock;

    /** Over one member's sign-in: {@code stories} and {@code desk} (for the story's claim) as that member. */
    public BlockChoices(StoryRepository stories, DeskService desk, Clock clock) {
        this.stories = stories;
        this.archive = stories.originals();
        this.choices = stories.bodyChoices();
        this.desk = desk;
        this.clock = clock;
    }

    /** One block of the original: its index, its text, and whether the body holds it. */
    public record Block(int index, String text, boolean inBody) {
    }

    /**
     * A story's original listed as blocks against its current body.
     *
     * @param chosen the latest choice, when the body was chosen from blocks; empty while it is what ingest made
     */
    public record Blocks(StoryId story, long fetchId, String sha256, List<Block> blocks,
                         Optional<BodyChoiceRepository.Choice> chosen) {
        /** The indexes of the blocks in the body. */
        public List<Integer> inBody() {
            return blocks.stream().filter(Block::inBody).map(Block::index).toList();
        }
    }

    /**
     * What the copy editor's choice changed against the body ingest made, for the desk chief.
     *
     * @param dropped blocks ingest's body held that the body no longer does
     * @param added blocks the body holds that ingest's did not
     * @param notInOriginal the body's paragraphs that do not stand word for word in the original (none, normally)
     */
    public record Change(List<Block> dropped, List<Block> added, List<Block> kept, String chosenBy,
                         Instant chosenAt, List<String> notInOriginal) {
        public boolean isEmpty() {
            return dropped.isEmpty() && added.isEmpty();
        }
    }

    /**
     * The blocks of the original the story's body was derived from, the body's own ticked.
     *
     * @throws WorkflowException when the story was stored before the archive, or its original is damaged
     */
    public Blocks blocks(StoryId id) {
        Story story = stories.find(id).orElseThrow(() -> new WorkflowException("No story " + id));
        Optional<BodyChoiceRepository.Choice> latest = choices.latest(id);
        Read read = read(id, latest.map(BodyChoiceRepository.Choice::fetchId).orElse(0L));
        Set<Integer> in = latest.isPresent() && latest.get().body().sha256().equals(story.body().sha256())
                ? new HashSet<>(latest.get().indexes()) : holding(read.blocks, story.body().html());
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < read.blocks.size(); i++) {
            out.add(new Block(i, read.blocks.get(i), in.contains(i)));
        }
        return new Blocks(id, read.archived.fetchId(), read.archived.sha256(), out, latest);
    }

    /**
     * Makes these blocks of the story's original its body, as this copy editor (before submission, holding the
     * story's claim: a free story is claimed for the choice and let go after it).
     *
     * @return the story with its new body
     * @throws WorkflowException with one sentence when the member, the story or the indexes do not allow it
     */
    public Story choose(User user, StoryId id, List<Integer> indexes) {
        if (!user.has(Role.COPY_EDITOR)) {
            throw new WorkflowException(user.displayName() + " may not choose a story's blocks: that needs the copy "
                    + "editor role");
        }
        Story story = stories.find(id).orElseThrow(() -> new WorkflowException("No story " + id));
        if (story.status() != Status.NEW && story.status() != Status.EDITING) {
            throw new WorkflowException("Story " + id + " is " + story.status().name().toLowerCase()
                    + ": its blocks are chosen only before it is submitted");
        }
        Blocks blocks = blocks(id);
        List<String> texts = new ArrayList<>();
        for (int i : indexes) {
            if (i < 0 || i >= blocks.blocks().size()) {
                throw new WorkflowException("The original of story " + id + " has blocks 0 to "
                        + (blocks.blocks().size() - 1) + ": there is no block " + i);
            }
            texts.add(blocks.blocks().get(i).text());
        }
        BlockChoice choice = new BlockChoice(indexes, texts);
        if (choice.html().equals(story.body().html())) {
            throw new WorkflowException("The body of story " + id + " is these blocks already");
        }
        boolean claimedNow = claim(user, id);
        try {
            choices.choose(id, blocks.fetchId(), choice, story.body(), clock.instant());
        } finally {
            if (claimedNow) {
                desk.release(user, id);
            }
        }
        return stories.find(id).orElseThrow();
    }

    /** Why this member may not choose the story's blocks now, in one sentence; empty when they may. */
    public Optional<String> cannotChooseBecause(User user, StoryId id) {
        if (!user.has(Role.COPY_EDITOR)) {
            return Optional.of("Choosing the article's blocks needs the copy editor role.");
        }
        Story story = stories.find(id).orElseThrow(() -> new WorkflowException("No story " + id));
        if (story.status() != Status.NEW && story.status() != Status.EDITING) {
            return Optional.of("Story " + id + " is " + story.status().name().toLowerCase()
                    + ": its blocks are chosen only before it is submitted.");
        }
        Optional<org.wiredesk.story.Claim> held = desk.claimOn(id);
        if (held.isPresent() && !held.get().username().equals(user.username())) {
            return Optional.of("Story " + id + " is being edited by " + held.get().username()
                    + ": only they can choose its blocks.");
        }
        return Optional.empty();
    }

    /** What the body's choice changed against ingest's body; empty lists when the body is still ingest's. */
    public Change change(StoryId id) {
        Story story = stories.find(id).orElseThrow(() -> new WorkflowException("No story " + id));
        List<BodyChoiceRepository.Choice> all = choices.of(id);
        if (all.isEmpty() || archive.ofStory(id).isEmpty()) {
            return new Change(List.of(), List.of(), List.of(), null, null, List.of());
        }
        BodyChoiceRepository.Choice first = all.get(0);
        BodyChoiceRepository.Choice last = all.get(all.size() - 1);
        Read read = read(id, last.fetchId());
        Set<Integer> ingest = holding(read.blocks, first.prior().html());
        Set<Integer> now = last.body().sha256().equals(story.body().sha256()) ? new HashSet<>(last.indexes())
                : holding(read.blocks, story.body().html());
        List<Block> dropped = new ArrayList<>();
        List<Block> added = new ArrayList<>();
        List<Block> kept = new ArrayList<>();
        for (int i = 0; i < read.blocks.size(); i++) {
            boolean was = ingest.contains(i);
            boolean is = now.contains(i);
            Block b = new Block(i, read.blocks.get(i), is);
            if (was && !is) {
                dropped.add(b);
            } else if (!was && is) {
                added.add(b);
            } else if (is) {
                kept.add(b);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String paragraph : BodyText.paragraphs(story.body().html())) {
            if (!read.original.holds(paragraph)) {
                missing.add(paragraph);
            }
        }
        return new Change(dropped, added, kept, last.chosenBy(), last.chosen(), missing);
    }

    /** The body as ingest made it: the first choice's prior body, or the story's when none was made. */
    public Body ingestBody(StoryId id) {
        List<BodyChoiceRepository.Choice> all = choices.of(id);
        return all.isEmpty() ? stories.find(id).orElseThrow().body() : all.get(0).prior();
    }

    private boolean claim(User user, StoryId id) {
        Optional<org.wiredesk.story.Claim> held = desk.claimOn(id);
        if (held.isPresent()) {
            if (!held.get().username().equals(user.username())) {
                throw new WorkflowException("Story " + id + " is being edited by " + held.get().username()
                        + ": only they can choose its blocks");
            }
            return false;
        }
        org.wiredesk.story.Claim got = desk.claim(user, id);
        if (!got.username().equals(user.username())) {
            throw new WorkflowException("Story " + id + " is being edited by " + got.username()
                    + ": only they can choose its blocks");
        }
        return true;
    }

    private record Read(SourceArchiveRepository.Archived archived, ArchivedOriginal original, List<String> blocks) {
    }

    private Read read(StoryId id, long fetchId) {
        SourceArchiveRepository.Archived original = archive.ofStory(id)
                .filter(a -> fetchId == 0 || a.fetchId() == fetchId)
                .or(() -> archive.ofVersions(id).stream().filter(v -> v.fetchId() == fetchId).findFirst())
                .orElseThrow(() -> new WorkflowException("Story " + id + " was stored before the archive: it has no "
                        + "original to choose blocks from"));
        byte[] bytes;
        try {
            bytes = archive.bytes(original);
        } catch (SourceArchiveRepository.DamagedOriginalException e) {
            throw new WorkflowException(e.getMessage());
        }
        ArchivedOriginal read = new ArchivedOriginal(bytes, original.contentType(), original.url(), original.kind());
        return new Read(original, read, read.blocks());
    }

    /** The blocks a body holds: each of its paragraphs that is a block, or a long block inside one of them. */
    static Set<Integer> holding(List<String> blocks, String bodyHtml) {
        List<String> paragraphs = BodyText.paragraphs(bodyHtml);
        Set<String> exact = new HashSet<>(paragraphs);
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            String b = blocks.get(i);
            if (exact.contains(b) || (b.length() >= 40 && paragraphs.stream().anyMatch(p -> p.contains(b)))) {
                out.add(i);
            }
        }
        return out;
    }
}
