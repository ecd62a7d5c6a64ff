package org.wiredesk.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads what the user names: a file, every file in a folder, or an http(s) address. */
public final class DocumentLoader {
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    public DocumentLoader() {
        this(HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }

    public DocumentLoader(HttpClient http) {
        this.http = http;
    }

    public static boolean isWebAddress(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** The documents a source names; a folder gives its files (hidden ones skipped) in name order. */
    public List<SourceDocument> load(String source) throws SourceUnavailableException {
        if (isWebAddress(source)) {
            return List.of(fetch(source));
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new SourceUnavailableException("no such file or folder: " + source);
        }
        if (!Files.isReadable(path)) {
            throw new SourceUnavailableException("cannot read " + source + ": permission denied");
        }
        if (Files.isDirectory(path)) {
            List<SourceDocument> out = new ArrayList<>();
            for (Path file : filesIn(path)) {
                out.add(readFile(file));
            }
            return out;
        }
        return List.of(readFile(path));
    }

    private static List<Path> filesIn(Path folder) throws SourceUnavailableException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> folder.relativize(p).toString().chars().noneMatch(c -> c == '~'))
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static SourceDocument readFile(Path file) throws SourceUnavailableException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SourceUnavailableException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return new SourceDocument(file.toString(), file.toAbsolutePath().toUri(), Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private SourceDocument fetch(String address) throws SourceUnavailableException {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new SourceUnavailableException("not a valid address: " + address, e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", "WireDesk/0.1 (+https://github.com/wiredesk)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                        + "text/html;q=0.9, */*;q=0.5")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw new SourceUnavailableException(address + " answered HTTP " + response.statusCode());
            }
            byte[] body = response.body();
            if (body.length > MAX_BYTES) {
                throw new SourceUnavailableException(address + " sent more than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            String type = response.headers().firstValue("Content-Type").orElse(null);
            return new SourceDocument(address, response.uri(), body, type);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot fetch " + address + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while fetching " + address, e);
        }
    }
}
