package org.wiredesk.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;

/** The folder a site is written to: every file replaced atomically, and nothing written outside it. */
final class SiteFolder {
    static final String DESK_KEY = "desk-key.pem";

    private final Path root;

    SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes a file atomically, so a reader never sees half a page. */
    Path write(String relative, String content) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            // paths are made from ids and slugs, so this is a bug, never a story's doing
            throw new IllegalArgumentException("refusing to write outside the site folder: " + relative);
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".wd-", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            readableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A site is public: a web server running as another user reads its files (0644; temp files start as 0600). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps what the system gives it
        }
    }

    /** Whether a page is in this site folder. */
    boolean has(String relative) {
        return Files.isRegularFile(root.resolve(relative).normalize());
    }

    Path root() {
        return root;
    }

    /** Publishes the desk's public key beside the pages, so anyone can check them. */
    void writeDeskKey(PublicKey key) {
        write(DESK_KEY, PemKeys.toPem(key));
    }

    static void deleteQuietly(Path page) {
        try {
            Files.deleteIfExists(page);
        } catch (IOException e) {
            // the failure that brought us here is the one to report
        }
    }
}
