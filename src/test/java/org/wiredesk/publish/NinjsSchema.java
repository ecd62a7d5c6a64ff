package org.wiredesk.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * IPTC's ninjs 3.1 JSON Schema (draft 2020-12) from ../shared/standards, with formats asserted (date-time, uri):
 * by default draft 2020-12 treats them as annotations only, and a malformed date would pass.
 */
final class NinjsSchema {
    private final JsonSchema schema;

    NinjsSchema() {
        Path file = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"))
                .resolveSibling("standards").resolve("ninjs-schema_3.1.json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("the ninjs schema is not at " + file.toAbsolutePath(), e);
        }
    }

    /** Each way the document breaks the schema, in the validator's words; none when it is valid. */
    List<String> problems(JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
