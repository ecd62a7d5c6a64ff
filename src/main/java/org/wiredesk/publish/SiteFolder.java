package org.wiredesk.publish;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder a site is written to: every file replaced atomically (a reader never sees half a page), files 0644 and
 * folders 0755 whatever the umask (a web server running as another user reads them), nothing written outside it.
 */
final class SiteFolder {
    static final String DESK_KEY = "desk-key.pem";
    /** Taken while a site is rebuilt, so two desks publishing into one folder do not interleave their builds. */
    static final String LOCK = ".wd-build.lock";
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path root;
    /** Folders already made and set to 0755 in this run, so a rebuild of many pages does not stat them again. */
    private final Set<Path> prepared = new HashSet<>();

    SiteFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Makes the folder if need be and proves a file can be written in it, before anything is published: a refusal
     * then leaves nothing recorded as published that is not on the site.
     */
    void requireWritable() {
        try {
            folder(root);
            Path probe = Files.createTempFile(root, ".wd-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw failure(root, e);
        }
    }

    /** Writes a file atomically: a temporary file in the same folder, its mode set, then moved over the old one. */
    Path write(String relative, String content) {
        Path target = resolve(relative);
        try {
            folder(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".wd-", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                mode(tmp, FILE);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * A file written beside its place but not yet in it (a hidden temporary file, its mode set): moved into place
     * atomically by {@link #commit()} once what it shows is recorded, or removed by {@link #discard()}. Until then no
     * reader sees it.
     */
    final class Staged {
        private final Path tmp;
        private final Path target;

        private Staged(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        Path commit() {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (IOException e) {
                discard();
                throw failure(target, e);
            }
        }

        void discard() {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover hidden .tmp file is harmless: the next build never lists it
            }
        }
    }

    /** Writes a file beside its place, to be moved into it when what it shows has been recorded. */
    Staged stage(String relative, String content) {
        Path target = resolve(relative);
        try {
            folder(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".wd-", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                mode(tmp, FILE);
                return new Staged(tmp, target);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Whether a file is in this site folder. */
    boolean has(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    /** Removes a file the site no longer has (an archive page past the last); a missing one is fine. */
    void delete(String relative) {
        try {
            Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw failure(resolve(relative), e);
        }
    }

    /** The names of the files in a sub-folder, or none when there is no such folder. */
    Set<String> list(String folder) {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return Set.copyOf(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList());
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /**
     * Locks the folder against other processes rebuilding it; the caller closes the lock. Threads of one process
     * are kept apart by the builder itself (a file lock is held per process).
     */
    Closeable lock() {
        Path file = resolve(LOCK);
        try {
            folder(root);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                mode(file, FILE);
                channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            // closing the channel releases the lock
            return channel;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Publishes the desk's public key beside the pages, so anyone can check them. */
    void writeDeskKey(PublicKey key) {
        write(DESK_KEY, PemKeys.toPem(key));
    }

    Path root() {
        return root;
    }


    private Path resolve(String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            // paths are made from ids and slugs, so this is a bug, never a story's doing
            throw new IllegalArgumentException("refusing to write outside the site folder: " + relative);
        }
        return target;
    }

    /** Makes the folder and those between it and the root, each 0755 (the root too: it is served as it is). */
    private void folder(Path dir) throws IOException {
        if (prepared.contains(dir)) {
            return;
        }
        Files.createDirectories(dir);
        for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
            mode(d, FOLDER);
        }
        prepared.add(dir);
    }

    private static void mode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps what the system gives it
        }
    }

    private SiteWriteException failure(Path path, IOException e) {
        boolean denied = e instanceof AccessDeniedException || e instanceof FileSystemException f
                && f.getReason() != null && (f.getReason().contains("Operation not permitted")
                || f.getReason().contains("Read-only file system"));
        if (denied) {
            return new SiteWriteException("Permission denied: cannot write to the site folder " + root + ".", true, e);
        }
        return new SiteWriteException("Cannot write " + path + ": " + e.getMessage(), false, e);
    }
}
