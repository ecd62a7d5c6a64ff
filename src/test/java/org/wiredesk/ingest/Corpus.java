package org.wiredesk.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus of real pages and feeds (../shared/corpus), where tests read their real inputs. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(root), "the shared corpus is not at " + root.toAbsolutePath());
        return root;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
