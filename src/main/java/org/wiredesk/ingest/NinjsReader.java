package org.wiredesk.ingest;

import static org.wiredesk.ingest.AgencyBodies.blankToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import org.wiredesk.story.AgencyMeta;

/**
 * Reads an IPTC ninjs document (1.x, 2.x and 3.x): one JSON object, one item. Version 3 spells its names in camel
 * case ({@code versionCreated}, {@code pubStatus}) where 1 and 2 wrote them in lower case; both are read. A text
 * item becomes a story with its body as sent ({@code body_html}, {@code bodies}...); a picture, graphic, audio or
 * video item, or one without a headline or a text body, is refused with the document's bytes (ADR 18).
 */
final class NinjsReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT_TYPES = Set.of("text", "composite");

    /** The one item of the document. */
    List<ReadItem> read(SourceDocument doc) throws NotIngestibleException {
        JsonNode root = parse(doc.content());
        if (!root.isObject()) {
            throw new NotIngestibleException("a ninjs document is one JSON object, and this one is "
                    + (root.isArray() ? "an array" : "a " + root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return List.of(item(root, doc));
    }

    static JsonNode parse(byte[] content) throws NotIngestibleException {
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new NotIngestibleException("the ninjs document is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new NotIngestibleException("it is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NotIngestibleException("its JSON could not be read: " + e.getMessage(), e);
        }
    }

    private ReadItem item(JsonNode item, SourceDocument doc) throws NotIngestibleException {
        String uri = text(item, "uri");
        String type = text(item, "type");
        if (type != null && !TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            return ReadItem.refused(uri, "not a text item (ninjs type " + type + ")", doc.content());
        }
        String headline = headline(item);
        if (headline == null) {
            return ReadItem.refused(uri, "the ninjs item has no headline", doc.content());
        }
        String body = body(item);
        if (body == null || BodyText.of(body).isBlank()) {
            return ReadItem.refused(uri, "the ninjs item has no text body (no body_html, body_xhtml, body_text or "
                    + "bodies with text)", doc.content());
        }
        String url = uri != null && DocumentLoader.isWebAddress(uri) ? uri : null;
        String embargoStated = text(item, "embargoed");
        OffsetDateTime embargo = DateParser.parse(embargoStated).orElse(null);
        AgencyMeta meta = new AgencyMeta("ninjs", urgency(item), text(item, "version"), withdrawn(item),
                text(item, "located"), edNotes(item));
        String base = url != null ? url : doc.location() == null ? "" : doc.location().toString();
        OffsetDateTime published = DateParser.parse(text(item, "versionCreated")).orElse(null);
        return ReadItem.story(new WireItem(uri, url, source(item, url), headline, body, base, byline(item),
                text(item, "language"), published, embargo, embargoStated, meta), doc.content());
    }

    /** {@code headline} (1.x), else the {@code headlines} entry whose role is main, else the first. */
    private static String headline(JsonNode item) {
        String single = text(item, "headline");
        if (single != null) {
            return AgencyBodies.normalize(single);
        }
        JsonNode headlines = field(item, "headlines");
        JsonNode main = withRole(headlines, "main");
        if (main == null && headlines.size() > 0) {
            main = headlines.get(0);
        }
        return main == null ? null : blankToNull(AgencyBodies.normalize(main.path("value").asText("")));
    }

    /**
     * The body as HTML: an HTML body first ({@code body_html}, {@code body_xhtml}, a {@code bodies} entry in HTML),
     * then NITF, then plain text made into paragraphs.
     */
    private static String body(JsonNode item) throws NotIngestibleException {
        String html = firstNonNull(text(item, "body_html"), text(item, "body_xhtml"));
        if (html != null) {
            return AgencyBodies.fromHtml(html);
        }
        List<JsonNode> bodies = new ArrayList<>();
        field(item, "bodies").forEach(bodies::add);
        JsonNode roleHtml = withRole(field(item, "bodies"), "html");
        if (roleHtml != null) {
            return AgencyBodies.fromHtml(roleHtml.path("value").asText(""));
        }
        for (JsonNode b : bodies) {
            if (contentType(b).contains("html")) {
                return AgencyBodies.fromHtml(b.path("value").asText(""));
            }
        }
        for (JsonNode b : bodies) {
            if (contentType(b).contains("nitf") || "nitf".equalsIgnoreCase(b.path("role").asText(""))) {
                Element nitf = SecureXml.parse(b.path("value").asText("")).getDocumentElement();
                String fromNitf = AgencyBodies.fromNitf(nitf);
                if (fromNitf != null) {
                    return fromNitf;
                }
            }
        }
        String plain = text(item, "body_text");
        if (plain != null) {
            return AgencyBodies.fromText(plain);
        }
        for (JsonNode b : bodies) {
            if (contentType(b).startsWith("text/plain")) {
                return AgencyBodies.fromText(b.path("value").asText(""));
            }
        }
        return null;
    }

    private static String contentType(JsonNode body) {
        return firstNonNull(text(body, "contentType"), "").toLowerCase(Locale.ROOT);
    }

    private static Integer urgency(JsonNode item) {
        JsonNode u = field(item, "urgency");
        int value = u.isInt() ? u.asInt() : u.isTextual() ? parseInt(u.asText()) : -1;
        return value >= 1 && value <= 9 ? value : null;
    }

    private static boolean withdrawn(JsonNode item) {
        String status = text(item, "pubStatus");
        return status != null && Set.of("canceled", "withheld").contains(status.toLowerCase(Locale.ROOT));
    }

    /** {@code ednote} (one text) or {@code ednotes} (texts, or objects with a value); ninjs marks none non-public. */
    private static List<AgencyMeta.EdNote> edNotes(JsonNode item) {
        List<AgencyMeta.EdNote> notes = new ArrayList<>();
        String single = text(item, "ednote");
        if (single != null) {
            notes.add(new AgencyMeta.EdNote(single.strip(), true));
        }
        for (JsonNode n : field(item, "ednotes")) {
            String value = n.isTextual() ? n.asText() : n.path("value").asText("");
            if (!value.isBlank()) {
                notes.add(new AgencyMeta.EdNote(value.strip(), true));
            }
        }
        return notes;
    }

    private static String byline(JsonNode item) {
        return firstNonNull(text(item, "by"), text(item, "byline"));
    }

    /** The agency: the copyright holder, else the host of the item's address. */
    private static String source(JsonNode item, String url) {
        JsonNode holder = field(item, "copyrightHolder");
        String name = holder.isTextual() ? blankToNull(holder.asText().strip())
                : blankToNull(holder.path("name").asText("").strip());
        if (name == null) {
            name = FeedReader.hostOf(url);
        }
        return name != null ? name : "Unknown source";
    }

    private static JsonNode withRole(JsonNode entries, String role) {
        for (JsonNode e : entries) {
            if (role.equalsIgnoreCase(e.path("role").asText(""))) {
                return e;
            }
        }
        return null;
    }

    /** The field under its ninjs 3 name or its lower-case ninjs 1/2 name. */
    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? node.path(name.toLowerCase(Locale.ROOT)) : value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value.isValueNode() && !value.isNull() ? blankToNull(value.asText().strip()) : null;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
