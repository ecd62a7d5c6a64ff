package org.wiredesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * The floor of issue 11's speed target, as a whole process: parse every HTML page under the folders given with
 * Jsoup (its own charset detection) and take the body's text, printing the total length. Timed against
 * {@code wiredesk extract --json} over the same folders (docs/benchmarks.md, "Extraction speed").
 */
public final class JsoupFloor {
    private JsoupFloor() {
    }

    public static void main(String[] args) throws IOException {
        long chars = 0;
        for (String folder : args) {
            List<Path> pages;
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                pages = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path page : pages) {
                chars += Jsoup.parse(page.toFile(), null, page.toUri().toString()).body().text().length();
            }
        }
        System.out.println(chars);
    }
}
