package org.wiredesk.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wiredesk.ingest.Article;
import org.wiredesk.ingest.ArticleExtractor;
import org.wiredesk.ingest.SourceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts articles from HTML files (or every file in a folder) without a store.",
                "Prints one JSON object keyed by each file's name without its extension, or, when two files "
                        + "share that name (a/source.html, b/source.html), by their paths relative to the current "
                        + "folder (a/source.html); each value holds headline, byline, published, siteName, url, "
                        + "language and articleBody (paragraphs separated by a blank line)."})
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "HTML files or folders of them.")
    List<Path> paths;

    @Option(names = "--json", description = "Print JSON (the default and, for now, the only format).")
    boolean json = true;

    @Override
    public Integer call() throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Path> files = files();
        Map<Path, String> keys = keys(files, Path.of("").toAbsolutePath());
        // written with the streaming generator, not an ObjectMapper, whose set-up slowed every start (see JsonLd);
        // printed once all are read, so a file that cannot be read leaves no half-written JSON behind
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            for (Path file : files) {
                Article a = extractor.extract(new SourceDocument(file.toString(), file.toAbsolutePath().toUri(),
                        Files.readAllBytes(file), null));
                json.writeObjectFieldStart(keys.get(file));
                json.writeStringField("headline", a.headline());
                json.writeStringField("byline", a.byline());
                json.writeStringField("published", a.published() == null ? null : a.published().toString());
                json.writeStringField("siteName", a.siteName());
                json.writeStringField("url", a.url() != null && a.url().startsWith("file:") ? null : a.url());
                json.writeStringField("language", a.language());
                json.writeStringField("articleBody", a.bodyText());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        spec.commandLine().getOut().println(text);
        return 0;
    }

    /** Every file named, each once (the same file named twice is one), in the order named, folders sorted. */
    private List<Path> files() throws IOException {
        Set<Path> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new PathProblem("no such file or folder: " + path);
            }
            if (!Files.isReadable(path)) {
                throw new PathProblem("permission denied: " + path);
            }
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(found::add);
                }
            } else {
                found.add(path);
            }
            for (Path file : found) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /**
     * Each file's key: its name without the extension, or, for files sharing that name, its path relative to
     * {@code here} (with '/'), so that no file's article overwrites another's.
     */
    static Map<Path, String> keys(List<Path> files, Path here) {
        Map<String, Integer> named = new HashMap<>();
        files.forEach(f -> named.merge(baseName(f), 1, Integer::sum));
        Map<Path, String> keys = new LinkedHashMap<>();
        for (Path file : files) {
            String base = baseName(file);
            keys.put(file, named.get(base) == 1 ? base : relative(file, here));
        }
        return keys;
    }

    private static String relative(Path file, Path here) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.getRoot() != null && absolute.getRoot().equals(here.getRoot())
                ? here.relativize(absolute) : absolute;
        return shown.toString().replace(java.io.File.separatorChar, '/');
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
