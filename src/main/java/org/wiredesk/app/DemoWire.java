package org.wiredesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.ingest.SourceOutcome;

/**
 * A small demo wire written for WireDesk (a feed and a few article pages from invented agencies), ingested
 * through the real ingest path on first start, so a new desk opens on a working inbox.
 */
public final class DemoWire {
    static final List<String> FILES = List.of("northgate-wire.xml", "harbour-ferries.html",
            "council-budget.html", "heatwave-grid.html", "not-an-article.html");

    private DemoWire() {
    }

    public static List<SourceOutcome> ingest(IngestService ingest, String actor) {
        return FILES.stream().map(name -> ingest.ingest(document(name), actor)).toList();
    }

    private static SourceDocument document(String name) {
        try (InputStream in = DemoWire.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo wire is missing " + name);
            }
            return new SourceDocument("demo wire: " + name, URI.create("https://demo.wiredesk.invalid/" + name),
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
