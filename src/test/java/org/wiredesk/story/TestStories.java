package org.wiredesk.story;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Small, valid stories for tests that need one without ingesting a page. */
public final class TestStories {
    private TestStories() {
    }

    public static NewStory story(String key, String headline, String bodyText) {
        String html = "<p>" + bodyText + "</p>";
        return new NewStory(key, "Test Agency", URI.create("https://agency.example/" + key),
                new Headline(headline), new Body(html, Fingerprint.ofText(bodyText)), "A. Reporter", "en",
                OffsetDateTime.parse("2026-11-26T10:15:00+03:30"), Instant.parse("2026-11-26T08:00:00Z"));
    }
}
