package org.wiredesk.workflow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Story;

/**
 * The page the block-choice tests share (issue 11, point 6; ADR 32): a headline, two paragraphs of a flood report and
 * an "ADVERTISEMENT" line between them, which ingest keeps and a copy editor drops.
 */
public final class FloodPage {
    public static final String PAGE = "<html><head><title>Calder floods</title><meta property=\"og:type\" "
            + "content=\"article\"></head><body><article><h1>Calder river floods the lower town</h1>"
            + "<p>The Calder river burst its banks on Thursday night, flooding the lower town and forcing more than "
            + "two hundred families from their homes before dawn, the council said.</p><p>ADVERTISEMENT</p>"
            + "<p>Rescue teams worked through the night with boats borrowed from the rowing club, and the water had "
            + "begun to fall by midday on Friday, according to the fire service.</p></article></body></html>";

    private FloodPage() {
    }

    /** Ingests the page through the real path, as the editor, and returns its story. */
    public static Story ingest(DeskFixture desk) {
        desk.ingest(desk.editor).ingest(document(), "ed");
        return desk.stories.findAll(Set.of()).get(0);
    }

    /** The page as it arrived over HTTP. */
    public static SourceDocument document() {
        return new SourceDocument("floods", URI.create("https://agency.example/floods"),
                PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }
}
