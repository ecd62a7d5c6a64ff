package org.wiredesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of the ingest code is running: the SHA-256 of this package's compiled classes, in name order (ADR 30).
 * A story records it with what derived its body, so {@code verify} knows when the same code can derive the body
 * again exactly; any change to a reader or the extractor gives another build, and verify then checks word for word.
 */
public final class IngestBuild {
    private static final String PACKAGE = "org/wiredesk/ingest/";
    /** Computed once: the classes do not change while the program runs. */
    private static final String ID = compute();

    private IngestBuild() {
    }

    /** Twelve hex digits naming this build of the ingest code ("unknown" when its classes cannot be read). */
    public static String id() {
        return ID;
    }

    /** What derived a body, as a story records it: the reader, and this build. */
    public static String derivedBy(String reader) {
        return reader + " @ingest-" + ID;
    }

    /** Whether a body recorded as {@code derivedBy} was derived by this very build. */
    public static boolean isThisBuild(String derivedBy) {
        return derivedBy != null && !ID.equals("unknown") && derivedBy.endsWith(" @ingest-" + ID);
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path where = Path.of(IngestBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path dir = where.resolve(PACKAGE);
                List<Path> classes;
                try (Stream<Path> files = Files.list(dir)) {
                    classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : classes) {
                    digest.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(p));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    List<JarEntry> classes = jar.stream()
                            .filter(e -> e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class")
                                    && e.getName().indexOf('/', PACKAGE.length()) < 0)
                            .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry e : classes) {
                        digest.update(e.getName().substring(PACKAGE.length())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown";
        }
    }
}
