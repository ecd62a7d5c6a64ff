package org.wiredesk.publish;

import java.util.ArrayList;
import java.util.List;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.ingest.IngestBuild;
import org.wiredesk.story.Story;
import org.wiredesk.store.SourceArchiveRepository;

/**
 * {@code verify}'s proof that every published body can be derived again from its archived original (ADR 30). The
 * archived bytes must be the ones their SHA-256 names. Where the build of the ingest code that made the body is the
 * one running, reading the original again must give exactly that body. Where another build made it (the extractor
 * has changed since), every paragraph of the body must stand in the original word for word: what holds whichever
 * extractor runs, and what the copy editor's choice of blocks (issue 11, point 6) rests on. A story stored before the
 * archive existed has none: it is counted, not failed.
 */
final class OriginalsVerifier {
    private final SourceArchiveRepository archive;

    OriginalsVerifier(SourceArchiveRepository archive) {
        this.archive = archive;
    }

    /**
     * What was found: how many bodies were derived again exactly (by the build that derived them) and how many word
     * for word (made by another build), how many have no original; notes and breaks, one sentence each.
     */
    record Result(int exactly, int wordForWord, int withoutOriginal, List<String> notes, List<String> breaks) {
        String checked() {
            int all = exactly + wordForWord;
            return all + " published bod" + (all == 1 ? "y" : "ies") + " against their archived originals (" + exactly
                    + " derived again exactly by the build that made them, " + wordForWord + " word for word); "
                    + withoutOriginal + " published stor" + (withoutOriginal == 1 ? "y was" : "ies were")
                    + " stored before the archive and " + (withoutOriginal == 1 ? "has" : "have") + " none";
        }
    }

    Result check(List<Story> published) {
        int exactly = 0;
        int wordForWord = 0;
        int without = 0;
        List<String> notes = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        for (Story story : published) {
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
        return new Result(exactly, wordForWord, without, notes, breaks);
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
