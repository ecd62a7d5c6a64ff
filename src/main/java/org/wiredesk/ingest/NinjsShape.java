package org.wiredesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Whether a JSON document is a ninjs item, by its content: an object (or, refused later, an array of objects) with
 * a {@code uri}, the one field every ninjs version requires, and at least one field only ninjs gives an item.
 */
final class NinjsShape {
    private static final List<String> NINJS_FIELDS = List.of("headline", "headlines", "body_html", "body_xhtml",
            "body_text", "bodies", "representationType", "versionCreated", "pubStatus", "urgency", "renditions");

    private NinjsShape() {
    }

    static boolean looksLikeNinjs(byte[] content) {
        JsonNode root;
        try {
            root = NinjsReader.parse(content);
        } catch (NotIngestibleException e) {
            // broken JSON that names a uri is most likely a ninjs item: the reader then says what is wrong with it
            return new String(content, java.nio.charset.StandardCharsets.UTF_8).contains("\"uri\"");
        }
        JsonNode item = root.isArray() && root.size() > 0 ? root.get(0) : root;
        if (!item.isObject() || !NinjsReader.field(item, "uri").isTextual()) {
            return false;
        }
        String standard = item.path("standard").path("name").asText("").toLowerCase(java.util.Locale.ROOT);
        return standard.contains("ninjs") || NINJS_FIELDS.stream().anyMatch(f -> !NinjsReader.field(item, f)
                .isMissingNode());
    }
}
