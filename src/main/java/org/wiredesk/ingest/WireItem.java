package org.wiredesk.ingest;

import java.time.OffsetDateTime;
import org.wiredesk.story.AgencyMeta;

/**
 * One story found in a feed or page, before sanitizing: the raw body HTML and what is known about it.
 *
 * @param guid the feed's identifier for the item, or null
 * @param url the item's own address, or null
 * @param baseUri where relative links in the body resolve
 * @param embargo the embargo the source states for the item, or null: it may not run before then
 * @param embargoStated the text of the item's embargo element as the source wrote it, or null when it has none: an
 *     embargo stated but not read ({@code embargo} null) keeps the item out of the desk, never lets it run early
 * @param agency what the source's own format says beyond the text (format, urgency, version, notes to the desk)
 */
public record WireItem(String guid, String url, String sourceName, String headline, String bodyHtml,
                       String baseUri, String byline, String language, OffsetDateTime published,
                       OffsetDateTime embargo, String embargoStated, AgencyMeta agency) {
    public WireItem {
        agency = agency == null ? AgencyMeta.NONE : agency;
    }

    public WireItem(String guid, String url, String sourceName, String headline, String bodyHtml, String baseUri,
                    String byline, String language, OffsetDateTime published) {
        this(guid, url, sourceName, headline, bodyHtml, baseUri, byline, language, published, null, null,
                AgencyMeta.NONE);
    }

    public WireItem(String guid, String url, String sourceName, String headline, String bodyHtml, String baseUri,
                    String byline, String language, OffsetDateTime published, OffsetDateTime embargo,
                    String embargoStated) {
        this(guid, url, sourceName, headline, bodyHtml, baseUri, byline, language, published, embargo, embargoStated,
                AgencyMeta.NONE);
    }

    /** The same item with another body (a feed item's summary replaced by its linked page's article). */
    WireItem withBody(String html, String base, String byline, String language, OffsetDateTime published) {
        return new WireItem(guid, url, sourceName, headline, html, base, byline, language, published, embargo,
                embargoStated, agency);
    }
}
