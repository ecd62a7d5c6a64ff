package org.wiredesk.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The schema.org article a page describes in its JSON-LD, read tolerantly (pages often ship sloppy JSON). */
final class JsonLd {
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report",
            "socialmediaposting", "webpage", "liveblogposting");
    /**
     * The streaming parser alone, not an {@code ObjectMapper}: a mapper's set-up (its serializers, deserializers and
     * annotation introspection, about 300 classes) cost a quarter of a second at the start of every process that
     * read one page, and a tree of nodes needs none of it.
     */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonLd() {
    }

    /** The most article-like node on the page: a news article before a plain web page. */
    static Optional<JsonNode> article(Document doc) {
        List<String> blocks = new ArrayList<>();
        for (Element script : doc.getElementsByTag("script")) {
            if (script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                blocks.add(script.data());
            }
        }
        return article(blocks);
    }

    /** The most article-like node in these JSON-LD blocks. */
    static Optional<JsonNode> article(List<String> blocks) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String block : blocks) {
            try {
                collect(readTree(unwrap(block)), nodes);
            } catch (Exception e) {
                // a broken JSON-LD block is common; the page's other metadata still counts
            }
        }
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (JsonNode node : nodes) {
            int rank = rank(node);
            if (rank < bestRank) {
                best = node;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first JSON value in this text as a tree (what follows it is ignored), or null when there is none. */
    static JsonNode readTree(String json) throws IOException {
        try (JsonParser parser = PARSERS.createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    /** Pages wrap JSON-LD in CDATA sections or HTML comments, sometimes behind JavaScript comments. */
    static String unwrap(String data) {
        String s = data.strip();
        s = stripPrefix(s, "//");
        s = stripPrefix(s, "<![CDATA[");
        s = stripPrefix(s, "<!--");
        s = stripSuffix(s, "]]>");
        s = stripSuffix(s, "//");
        s = stripSuffix(s, "-->");
        return s;
    }

    private static String stripPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()).strip() : s;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()).strip() : s;
    }

    private static int rank(JsonNode node) {
        int best = Integer.MAX_VALUE;
        for (String type : types(node)) {
            if (type.endsWith("newsarticle")) {
                best = Math.min(best, 0);
            } else if (ARTICLE_TYPES.contains(type) && !type.equals("webpage")) {
                best = Math.min(best, 1);
            } else if (type.equals("webpage")) {
                best = Math.min(best, 2);
            }
        }
        return best;
    }

    private static List<String> types(JsonNode node) {
        List<String> out = new ArrayList<>();
        JsonNode type = node.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> out.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            out.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (node.isObject()) {
            if (node.has("@type")) {
                out.add(node);
            }
            collect(node.get("@graph"), out);
            collect(node.get("mainEntity"), out);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        if (value != null && value.isObject()) {
            value = value.has("name") ? value.get("name") : value.get("@id");
        }
        String s = value == null ? null : value.asText();
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Author names, joined as a byline. */
    static String authors(JsonNode node) {
        JsonNode author = node.get("author");
        if (author == null) {
            author = node.get("creator");
        }
        if (author == null || author.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isObject() ? (a.has("name") ? a.get("name").asText() : null) : a.asText();
            if (name != null && !name.isBlank() && !name.startsWith("http")) {
                names.add(name.strip());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
