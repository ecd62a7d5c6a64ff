package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkers the site tests rely on find what they are there to find: a check that cannot fail proves nothing. */
class SiteCheckersTest {
    @TempDir
    Path dir;

    @Test
    void theNuHtmlCheckerReportsAnImageWithoutAltTextAndPassesAValidPage() throws Exception {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title></head>"
                + "<body><p><img src=\"a.png\"></p></body></html>");
        Path good = dir.resolve("good.html");
        Files.writeString(good, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title>"
                + "</head><body><p>Fine.</p></body></html>");
        HtmlChecker checker = new HtmlChecker();
        assertThat(checker.errors(List.of(bad))).singleElement().asString().contains("alt");
        assertThat(checker.errors(List.of(good))).isEmpty();
    }

    @Test
    void theNinjsSchemaRefusesAnUnknownStatusAndADateThatIsNotOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        NinjsSchema schema = new NinjsSchema();
        assertThat(schema.problems(json.readTree("{\"uri\": \"urn:uuid:0\", \"pubStatus\": \"usable\"}"))).isEmpty();
        assertThat(schema.problems(json.readTree("{\"uri\": \"urn:uuid:0\", \"pubStatus\": \"gone\"}")))
                .anyMatch(p -> p.startsWith("/pubStatus: does not have a value in the enumeration"));
        assertThat(schema.problems(json.readTree("{\"uri\": \"urn:uuid:0\", \"firstCreated\": \"yesterday\"}")))
                .anyMatch(p -> p.startsWith("/firstCreated:") && p.contains("date-time"));
        assertThat(schema.problems(json.readTree("{\"uri\": \"urn:uuid:0\", \"headline\": \"not a ninjs field\"}")))
                .isNotEmpty();
    }
}
