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
    private static final String USER_AGENT = "WireDesk/0.1";

    private final HttpClient http;

    private final Duration timeout;

    public DocumentLoader() {
        this(TIMEOUT);
    }

    /** A loader whose requests give up after {@code timeout}; redirects are followed. */
    public DocumentLoader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
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

    /**
     * What a source names, one entry per document: an address or a file as it is, a folder as its files (hidden ones
     * skipped) in name order, so that each can be loaded, and fail, on its own.
     */
    public List<String> entries(String source) throws SourceUnavailableException {
        Path path = isWebAddress(source) ? null : Path.of(source);
        if (path == null || !Files.isDirectory(path) || !Files.isReadable(path)) {
            return List.of(source);
        }
        return filesIn(path).stream().map(Path::toString).toList();
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
        try (java.io.InputStream in = Files.newInputStream(file)) {
            // read while checking: a file that grows after its size was asked still stops at the cap
            byte[] content = in.readNBytes((int) MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new SourceUnavailableException(tooLarge(file));
            }
            return new SourceDocument(file.toString(), file.toAbsolutePath().toUri(), content, null,
                    java.time.Instant.now());
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Why a file is refused for its size, in one sentence. */
    static String tooLarge(Path file) {
        return file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB";
    }

    /** A conditional fetch: the document, or null when the server says it has not changed (304). */
    public record Fetched(SourceDocument document, String etag, String lastModified) {
        public boolean notModified() {
            return document == null;
        }
    }

    /** Fetches with If-None-Match / If-Modified-Since from the last fetch, so an unchanged source costs nothing. */
    public Fetched fetchConditional(String address, String etag, String lastModified)
            throws SourceUnavailableException {
        HttpRequest.Builder request = request(address);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        Response response = send(address, request.build());
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        String newModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (response.statusCode() == 304) {
            return new Fetched(null, newEtag, newModified);
        }
        return new Fetched(toDocument(address, response), newEtag, newModified);
    }

    private SourceDocument fetch(String address) throws SourceUnavailableException {
        return toDocument(address, send(address, request(address).build()));
    }

    private HttpRequest.Builder request(String address) throws SourceUnavailableException {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new SourceUnavailableException("not a valid address: " + address, e);
        }
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                        + "text/html;q=0.9, */*;q=0.5")
                .GET();
    }

    /** An answer with its body read, at most {@link #MAX_BYTES} and one byte more. */
    private record Response(int statusCode, URI uri, java.net.http.HttpHeaders headers, byte[] body,
                            java.time.Instant received) {
    }

    /**
     * Sends the request and reads the answer's body up to the cap while it arrives: a body over the cap is refused
     * after reading one byte past it (the rest is never downloaded), so a 2 GB answer costs 20 MB, not 2 GB.
     */
    private Response send(String address, HttpRequest request) throws SourceUnavailableException {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                byte[] body = response.statusCode() >= 400 || response.statusCode() == 304 || declared > MAX_BYTES
                        ? new byte[0] : in.readNBytes((int) MAX_BYTES + 1);
                if (declared > MAX_BYTES || body.length > MAX_BYTES) {
                    throw new SourceUnavailableException(address + " sent more than " + MAX_BYTES / (1024 * 1024)
                            + " MB");
                }
                return new Response(response.statusCode(), response.uri(), response.headers(), body,
                        java.time.Instant.now());
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot fetch " + address + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while fetching " + address, e);
        }
    }

    private static SourceDocument toDocument(String address, Response response) throws SourceUnavailableException {
        if (response.statusCode() >= 400) {
            throw new SourceUnavailableException(address + " answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse(null);
        // the body as it came (no Accept-Encoding is sent, so it is not transfer-compressed), kept as it is
        return new SourceDocument(address, response.uri(), response.body(), type, response.received());
    }

    /** What an address answers now: its final HTTP status, after redirects, and where that was. */
    public record Answer(int status, URI at) {
    }

    /**
     * Asks an http(s) address what it answers, without reading a body: HEAD, or GET when the server refuses HEAD
     * (405, 501). Redirects are followed. A network failure or a timeout throws: it says nothing about the page.
     */
    public Answer answer(String address) throws SourceUnavailableException {
        if (!isWebAddress(address)) {
            throw new SourceUnavailableException("not a web address: " + address);
        }
        HttpResponse<Void> head = ask(address, request(address).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        if (head.statusCode() != 405 && head.statusCode() != 501) {
            return new Answer(head.statusCode(), head.uri());
        }
        HttpResponse<Void> get = ask(address, request(address).build());
        return new Answer(get.statusCode(), get.uri());
    }

    private HttpResponse<Void> ask(String address, HttpRequest request) throws SourceUnavailableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot reach " + address + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while checking " + address, e);
        }
    }
}
