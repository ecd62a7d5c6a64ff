package org.wiredesk.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Story;

/**
 * One IPTC ninjs 3.1 document per story, beside its page: the house headline, the body HTML exactly as stored, the
 * source as copyright holder and originator with its URL, and the page's own address when the base URL is known.
 * A killed story's document stays, with {@code pubStatus} "canceled" and no content, so a client that took the
 * story learns of the kill instead of meeting a missing file.
 */
final class NinjsWriter {
    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String write(SiteStory s, SiteIdentity site) {
        ObjectNode doc = json.createObjectNode();
        doc.put("uri", site.storyUri(s.id()));
        ObjectNode standard = doc.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "3.1");
        standard.put("schema", SCHEMA);
        doc.put("type", "text");
        doc.put("version", Integer.toString(s.history().size()));
        doc.put("firstCreated", s.publishedAt().toString());
        Instant version = s.killedAt().orElse(s.updatedAt().orElse(s.publishedAt()));
        doc.put("versionCreated", version.toString());
        if (s.killed()) {
            doc.put("pubStatus", "canceled");
            doc.put("representationType", "partial");
            doc.putArray("descriptions").addObject().put("role", "notice")
                    .put("value", "This report has been withdrawn by the " + site.label() + " desk.");
        } else {
            content(doc, s, site);
        }
        try {
            return json.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ninjs document: " + e.getMessage(), e);
        }
    }

    private static void content(ObjectNode doc, SiteStory s, SiteIdentity site) {
        Story story = s.story();
        doc.put("pubStatus", "usable");
        doc.put("representationType", "full");
        if (story.publishedAtSource() != null) {
            doc.put("contentCreated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(story.publishedAtSource()));
        }
        doc.put("language", story.language() == null ? "en" : story.language());
        doc.putArray("headlines").addObject().put("role", "main").put("value", s.headline());
        String text = BodyText.of(story.body().html());
        doc.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html")
                .put("charCount", text.length()).put("wordCount", text.isBlank() ? 0 : text.split("\\s+").length)
                .put("value", story.body().html());
        doc.put("copyrightHolder", story.sourceName());
        doc.put("usageTerms", site.disclaimer());
        if (story.byline() != null) {
            doc.put("by", story.byline());
        }
        ArrayNode sources = doc.putArray("infoSources");
        ObjectNode origin = sources.addObject().put("name", story.sourceName()).put("role", "originator");
        // the agency's own page for the report, else the agency's credit address
        story.pageAddress().ifPresent(address -> origin.put("uri", address.toString()));
        sources.addObject().put("name", site.label()).put("role", "publisher");
        ArrayNode ids = doc.putArray("altIds");
        ids.addObject().put("role", "wiredesk-story-id").put("value", s.id().toString());
        story.webAddress().ifPresent(url -> ids.addObject().put("role", "source-url").put("value", url.toString()));
        // a rendition's href is a full URI: only with the base URL can the page's own address be given
        site.baseUrl().ifPresent(base -> doc.putArray("renditions").addObject().put("name", "web")
                .put("contentType", "text/html").put("href", site.link(s.page())));
    }
}
