package org.wiredesk.ingest;

/**
 * One item of an agency's document as read: a story to be stored, or the one sentence saying why it is not one,
 * with the item's own bytes for the quarantine (a picture in a newsMessage, an item without a headline...).
 *
 * @param item the item, or null when refused
 * @param id the item's identifier (guid or uri) for the quarantine's origin, or null
 * @param refusal why the item is not a story, or null
 * @param content the item's bytes as the agency sent them, kept with a refusal (null: none kept)
 */
record ReadItem(WireItem item, String id, String refusal, byte[] content) {
    static ReadItem story(WireItem item) {
        return new ReadItem(item, item.guid(), null, null);
    }

    /** A story whose own bytes are kept should ingest still refuse it (an embargo it cannot read, say). */
    static ReadItem story(WireItem item, byte[] content) {
        return new ReadItem(item, item.guid(), null, content);
    }

    static ReadItem refused(String id, String refusal, byte[] content) {
        return new ReadItem(null, id, refusal, content);
    }

    boolean isRefused() {
        return refusal != null;
    }
}
