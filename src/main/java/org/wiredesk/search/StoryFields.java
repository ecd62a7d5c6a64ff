package org.wiredesk.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Story;

/**
 * How a story is laid out in the index: its headlines and body in fields named after its language
 * ({@code headline_de}, {@code body_de}; {@code headline_und} for no language we stem), so each field holds one
 * language's stems, and its source's name in {@code source}, as the inbox's filter sees it.
 */
final class StoryFields {
    static final String ID = "id";
    static final String LANGUAGE = "lang";
    static final String SOURCE = "source";
    static final String HEADLINE_PREFIX = "headline_";
    static final String BODY_PREFIX = "body_";

    /** Stored, with offsets in the postings: the highlighter marks words without analysing the text again. */
    private static final FieldType TEXT = textWithOffsets();

    private StoryFields() {
    }

    static String headline(String language) {
        return HEADLINE_PREFIX + language;
    }

    static String body(String language) {
        return BODY_PREFIX + language;
    }

    static boolean isHeadline(String field) {
        return field.startsWith(HEADLINE_PREFIX);
    }

    static boolean isBody(String field) {
        return field.startsWith(BODY_PREFIX);
    }

    /** The analysis key a field is analysed with: its suffix for headlines and bodies, neutral for the rest. */
    static String languageOf(String field) {
        if (isHeadline(field)) {
            return field.substring(HEADLINE_PREFIX.length());
        }
        if (isBody(field)) {
            return field.substring(BODY_PREFIX.length());
        }
        return Languages.NEUTRAL;
    }

    /** The document for a story: agency and house headline together, the body's text, the source's name. */
    static Document of(Story s) {
        String language = Languages.keyOf(s.language());
        Document doc = new Document();
        doc.add(new LongPoint(ID, s.id().value()));
        doc.add(new StoredField(ID, s.id().value()));
        doc.add(new StoredField(LANGUAGE, language));
        doc.add(new Field(headline(language), s.agencyHeadline().text()
                + (s.houseHeadline() != null ? " \n" + s.houseHeadline().text() : ""), TEXT));
        doc.add(new Field(body(language), BodyText.of(s.body().html()), TEXT));
        if (s.sourceName() != null) {
            doc.add(new TextField(SOURCE, s.sourceName(), Field.Store.NO));
        }
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
