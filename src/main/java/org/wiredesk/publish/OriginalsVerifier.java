package org.wiredesk.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.IngestBuild;
import org.wiredesk.story.Approval;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.BodyChoiceRepository;
import org.wiredesk.store.SourceArchiveRepository;

/**
 * {@code verify}'s proof that every published body can be derived again from its archived original (ADR 30). The
 * archived bytes must be the ones their SHA-256 names. Where the build of the ingest code that made the body is the
 * one running, reading the original again must give exactly that body. Where another build made it (the extractor
 * has changed since), every paragraph of the body must stand in the original word for word: what holds whichever
 * extractor runs, and what the copy editor's choice of blocks (issue 11, point 6) rests on. A story stored before the
 * archive existed has none: it is counted, not failed. A body a copy editor chose from the original's blocks (ADR 32)
 * is proven from its recorded choice instead: the choice gives exactly the body, each block stands word for word in
 * the archived original it was chosen from, and the approval bound that body.
 */
final class OriginalsVerifier {
    private final SourceArchiveRepository archive;
    private final BodyChoiceRepository choices;
    private final Function<StoryId, Optional<Approval>> approvals;

    OriginalsVerifier(SourceArchiveRepository archive, BodyChoiceRepository choices,
                      Function<StoryId, Optional<Approval>> approvals) {
        this.archive = archive;
        this.choices = choices;
        this.approvals = approvals;
    }

    /**
     * What was found: how many bodies were derived again exactly (by the build that derived them) and how many word
     * for word (made by another build), how many have no original; notes and breaks, one sentence each.
     */
    record Result(int exactly, int wordForWord, int chosen, int withoutOriginal, List<String> notes,
                  List<String> breaks) {
        String checked() {
            int all = exactly + wordForWord + chosen;
            return all + " published bod" + (all == 1 ? "y" : "ies") + " against their archived originals (" + exactly
                    + " derived again exactly by the build that made them, " + wordForWord + " word for word"
                    + (chosen == 0 ? "" : ", " + chosen + " chosen from the original's blocks, each block word for "
                    + "word") + "); "
                    + withoutOriginal + " published stor" + (withoutOriginal == 1 ? "y was" : "ies were")
                    + " stored before the archive and " + (withoutOriginal == 1 ? "has" : "have") + " none";
        }
    }

    Result check(List<Story> published) {
        int exactly = 0;
        int wordForWord = 0;
        int without = 0;
        int chosen = 0;
        List<String> notes = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        for (Story story : published) {
            Optional<BodyChoiceRepository.Choice> choice = choices.latest(story.id());
            if (choice.isPresent()) {
                String broken = chosenBreak(story, choice.get());
                if (broken == null) {
                    chosen++;
                } else {
                    breaks.add(broken);
                }
                continue;
            }
            var kept = archive.ofStory(story.id());
            if (kept.isEmpty()) {
                without++;
                continue;
            }
            ArchivedOriginal original;
            try {
                byte[] bytes = archive.bytes(kept.get());
                original = new ArchivedOriginal(bytes, kept.get().contentType(), kept.get().url(), kept.get().kind());
            } catch (SourceArchiveRepository.DamagedOriginalException e) {
                breaks.add("story " + story.id() + "'s archived original was tampered with: " + e.getMessage());
                continue;
            }
            String sha = kept.get().sha256().substring(0, 12) + "…";
            String missing = original.missingParagraph(story.body().html());
            if (IngestBuild.isThisBuild(kept.get().derivedBy())) {
                // the code that made the body is the code running: it must make exactly that body again
                if (!original.derivedBodies().contains(story.body().sha256())) {
                    breaks.add("story " + story.id() + "'s published body is not the one its archived original "
                            + sha + " gives when the build that made it reads it again (" + kept.get().derivedBy()
                            + ")");
                    continue;
                }
                exactly++;
                if (missing != null) {
                    notes.add("story " + story.id() + "'s body is exactly what its original " + sha + " gives, but "
                            + "the paragraph «" + clip(missing) + "» does not stand in the original word for word "
                            + "(the reader left words out of it, or joined two texts)");
                }
            } else if (missing != null) {
                breaks.add("story " + story.id() + "'s published body cannot be derived from its archived original "
                        + sha + ": the paragraph «" + clip(missing) + "» does not stand in it word for word");
            } else {
                wordForWord++;
            }
        }
        return new Result(exactly, wordForWord, chosen, without, notes, breaks);
    }

    /**
     * Why a body chosen from blocks does not hold, in one sentence, or null when it does: the latest choice's body is
     * the published body, its blocks' texts are exactly the recorded ones and make exactly that body, each stands word
     * for word in the original it was chosen from, and the latest approval bound that body.
     */
    private String chosenBreak(Story story, BodyChoiceRepository.Choice choice) {
        String id = "story " + story.id() + "'s published body, chosen from blocks " + choice.indexes().size()
                + " of its original,";
        if (!choice.body().sha256().equals(story.body().sha256())
                || !choice.body().htmlSha256().equals(story.body().htmlSha256())) {
            return id + " is not the body its latest recorded choice made";
        }
        List<String> texts = BodyText.paragraphs(story.body().html());
        BlockChoice again;
        try {
            again = new BlockChoice(choice.indexes(), texts);
        } catch (IllegalArgumentException e) {
            return id + " does not read as the recorded blocks (" + e.getMessage() + ")";
        }
        if (!again.html().equals(story.body().html()) || !again.blocksSha256().equals(choice.blocksSha256())) {
            return id + " is not exactly the texts of the blocks its choice recorded";
        }
        Optional<SourceArchiveRepository.Archived> from = archive.ofStory(story.id())
                .filter(a -> a.fetchId() == choice.fetchId())
                .or(() -> archive.ofVersions(story.id()).stream().filter(v -> v.fetchId() == choice.fetchId())
                        .findFirst());
        if (from.isEmpty()) {
            return id + " names an original (fetch " + choice.fetchId() + ") that is not the story's";
        }
        ArchivedOriginal original;
        try {
            original = new ArchivedOriginal(archive.bytes(from.get()), from.get().contentType(), from.get().url(),
                    from.get().kind());
        } catch (SourceArchiveRepository.DamagedOriginalException e) {
            return "story " + story.id() + "'s archived original was tampered with: " + e.getMessage();
        }
        for (int i = 0; i < texts.size(); i++) {
            if (!original.holds(texts.get(i))) {
                return id + " holds block " + choice.indexes().get(i) + " «" + clip(texts.get(i))
                        + "», which does not stand word for word in the archived original "
                        + from.get().sha256().substring(0, 12) + "…";
            }
        }
        Optional<Approval> approval = approvals.apply(story.id());
        if (approval.isEmpty() || !approval.get().bodySha256().equals(story.body().sha256())
                || !approval.get().bodyHtmlSha256().equals(story.body().htmlSha256())) {
            return id + " is not the body its latest approval bound";
        }
        return null;
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
