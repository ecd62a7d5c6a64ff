package org.wiredesk.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A path named on the command line that cannot be used: missing, not the kind asked for, or not readable or
 * writable. Exit code 2 with one sentence ("no such folder", "permission denied"), as the README promises; checked
 * before a command changes anything.
 */
final class PathProblem extends RuntimeException {
    PathProblem(String sentence) {
        super(sentence);
    }

    /** An existing file to read. */
    static Path readableFile(String option, Path file) {
        if (!Files.exists(file)) {
            throw new PathProblem(prefix(option) + "no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new PathProblem(prefix(option) + file + " is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new PathProblem(prefix(option) + "permission denied: " + file);
        }
        return file;
    }

    /** An existing folder to read. */
    static Path readableFolder(String option, Path folder) {
        if (!Files.exists(folder)) {
            throw new PathProblem(prefix(option) + "no such folder: " + folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new PathProblem(prefix(option) + folder + " is a file, not a folder");
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            throw new PathProblem(prefix(option) + "permission denied: " + folder);
        }
        return folder;
    }

    /**
     * A folder to write into: an existing one this process may write, or a new one it may create (the command
     * creates it). Tried for real, with a file made and deleted at once: permission bits say nothing for root,
     * ACLs or read-only mounts. Nothing is left behind.
     */
    static Path writableFolder(String option, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new PathProblem(prefix(option) + "no such folder: " + folder);
        }
        if (!Files.isDirectory(existing)) {
            throw new PathProblem(prefix(option) + (existing.equals(absolute) ? folder + " is a file, not a folder"
                    : "no such folder: " + folder + " (" + existing + " is a file)"));
        }
        try {
            Files.delete(Files.createTempFile(existing, ".wiredesk-write-probe", ".tmp"));
        } catch (AccessDeniedException e) {
            throw new PathProblem(prefix(option) + "permission denied: " + folder
                    + (existing.equals(absolute) ? "" : " (cannot create it in " + existing + ")"));
        } catch (IOException e) {
            throw new PathProblem(prefix(option) + "cannot write to " + folder + ": " + reason(e));
        }
        return folder;
    }

    /**
     * The sentence for a failure that is really a path problem: an I/O exception anywhere in its causes saying
     * permission denied, no such file or not a folder. Null for anything else.
     */
    static String sentence(Throwable failure) {
        if (failure instanceof PathProblem) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException e) {
                return "permission denied: " + e.getFile();
            }
            if (t instanceof NoSuchFileException e) {
                return "no such file or folder: " + e.getFile();
            }
            if (t instanceof NotDirectoryException e) {
                return "no such folder: " + e.getFile() + " is not a folder";
            }
        }
        return null;
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    }

    private static String prefix(String option) {
        return option == null ? "" : option + ": ";
    }
}
