package org.wiredesk.publish;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * sitemap.xml (sitemaps.org 0.9): the listing pages and every live story page with when it last changed. The
 * protocol wants absolute addresses: with no base URL set, the paths are relative to the site root and search
 * engines will not take them, which is why {@code publish} says so.
 */
final class SitemapWriter {
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    String write(List<SiteStory> live, int listingPages, SiteIdentity site) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            Instant newest = live.stream().map(SitemapWriter::changed).max(Instant::compareTo).orElse(null);
            for (int n = 1; n <= listingPages; n++) {
                url(xml, site.link(SiteLayout.listing(n)), n == 1 ? newest : null);
            }
            for (SiteStory s : live) {
                url(xml, site.link(s.page()), changed(s));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private static Instant changed(SiteStory s) {
        return s.updatedAt().orElse(s.publishedAt());
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastmod) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(loc);
        xml.writeEndElement();
        if (lastmod != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(lastmod.toString());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
