package org.wiredesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wiredesk.story.Source;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.store.SourceRepository.Polling;

/**
 * Polls the desk's sources when they are due: feeds and pages with conditional GET (an unchanged source costs a
 * 304), drop folders by taking every new file and moving it aside once ingested. A failing source is retried
 * later and later (its interval doubled per failure, at most six hours), and its error is kept for the desk.
 */
public final class SourcePoller {
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Where a drop folder's ingested files go, inside the folder (hidden, so never taken again). */
    public static final String DONE = ".done";

    private final SourceRepository sources;
    private final IngestService ingest;
    private final DocumentLoader loader;
    private final Clock clock;
    /** Notes what a feed's tombstones withdrew of the stories the desk ran; null: tombstones are not read. */
    private final SourceWithdrawals withdrawals;

    public SourcePoller(SourceRepository sources, IngestService ingest, DocumentLoader loader, Clock clock) {
        this(sources, ingest, loader, clock, null);
    }

    public SourcePoller(SourceRepository sources, IngestService ingest, DocumentLoader loader, Clock clock,
                        SourceWithdrawals withdrawals) {
        this.sources = sources;
        this.ingest = ingest;
        this.loader = loader;
        this.clock = clock;
        this.withdrawals = withdrawals;
    }

    /** What one poll came to. */
    public record PollResult(Source source, boolean ok, boolean notModified, int added, int duplicates,
                             int rejected, String error) {
        public String line() {
            if (!ok) {
                return source.name() + ": failed — " + error;
            }
            return source.name() + ": " + (notModified ? "not modified" : added + " new, " + duplicates
                    + " duplicate, " + rejected + " rejected");
        }
    }

    /** Polls every enabled source that is due, one after the other. */
    public synchronized List<PollResult> pollDue(String actor) {
        List<PollResult> out = new ArrayList<>();
        for (Polling p : sources.due(clock.instant())) {
            out.add(poll(p, actor));
        }
        if (!out.isEmpty()) {
            ingest.regroup();
        }
        return out;
    }

    PollResult poll(Polling p, String actor) {
        Source s = p.source();
        Instant now = clock.instant();
        IngestContext context = new IngestContext(s.id(), s.credit(), true);
        try {
            if (s.kind() == Source.Kind.FOLDER) {
                PollResult r = pollFolder(s, actor, context);
                sources.recordSuccess(s.id(), null, null, now, now.plus(s.pollInterval()));
                return r;
            }
            DocumentLoader.Fetched fetched = loader.fetchConditional(s.address(), p.etag(), p.lastModified());
            if (fetched.notModified()) {
                sources.recordSuccess(s.id(), fetched.etag(), fetched.lastModified(), now, now.plus(s.pollInterval()));
                return new PollResult(s, true, true, 0, 0, 0, null);
            }
            if (withdrawals != null && s.kind() == Source.Kind.FEED) {
                withdrawals.tombstones(s, fetched.document());
            }
            SourceOutcome o = ingest.ingest(fetched.document(), actor, context);
            if (o.refusedWhole()) {
                // not a feed, not an article: the source is failing, not one of its items
                throw new SourceUnavailableException(o.problems().get(0));
            }
            sources.recordSuccess(s.id(), fetched.etag(), fetched.lastModified(), now, now.plus(s.pollInterval()));
            return new PollResult(s, true, false, o.added(), o.duplicates(), o.rejected(), null);
        } catch (SourceUnavailableException | RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            sources.recordFailure(s.id(), error, now, now.plus(backoff(s.pollInterval(), p.failures() + 1)));
            return new PollResult(s, false, false, 0, 0, 0, error);
        }
    }

    /** The wait before the next try after {@code failures} failures in a row. */
    static Duration backoff(Duration interval, int failures) {
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private PollResult pollFolder(Source s, String actor, IngestContext context) throws SourceUnavailableException {
        Path folder = Path.of(s.address());
        if (!Files.isDirectory(folder)) {
            throw new SourceUnavailableException("the drop folder " + folder + " is not there");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        int added = 0;
        int duplicates = 0;
        int rejected = 0;
        for (Path file : files) {
            SourceDocument doc;
            try {
                if (Files.size(file) > DocumentLoader.MAX_BYTES) {
                    // refused without being read (a 600 MB file would otherwise be read whole), and moved aside
                    // so that the next poll does not refuse it again
                    ingest.refuse(file.toString(), DocumentLoader.tooLarge(file));
                    rejected++;
                    moveAside(folder, file);
                    continue;
                }
                doc = loader.load(file.toString()).get(0); // the cap holds while reading, should the file grow
            } catch (IOException | SourceUnavailableException e) {
                continue; // still being written: the next poll takes it
            }
            SourceOutcome o = ingest.ingest(doc, actor, new IngestContext(s.id(), s.credit(), false));
            added += o.added();
            duplicates += o.duplicates();
            rejected += o.rejected();
            moveAside(folder, file);
        }
        return new PollResult(s, true, false, added, duplicates, rejected, null);
    }

    /** Ingested (or kept in the quarantine), so never taken again: moved into the folder's .done. */
    private static void moveAside(Path folder, Path file) {
        try {
            Path done = Files.createDirectories(folder.resolve(DONE));
            Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // left in place: the next poll finds it again and dedup keeps it from being stored twice
        }
    }
}
