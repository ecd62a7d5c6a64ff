package org.wiredesk.ingest;

import java.time.OffsetDateTime;

/**
 * One story found in a feed or page, before sanitizing: the raw body HTML and what is known about it.
 *
 * @param guid the feed's identifier for the item, or null
 * @param url the item's own address, or null
 * @param baseUri where relative links in the body resolve
 */
public record WireItem(String guid, String url, String sourceName, String headline, String bodyHtml,
                       String baseUri, String byline, String language, OffsetDateTime published) {
}
