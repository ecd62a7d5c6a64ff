package org.wiredesk.story;

import java.time.Instant;

/**
 * What a desk chief approved: the headline that will run and the body's text and markup fingerprints. Publishing
 * refuses a story that differs from it. {@code selfApproved}: the approver wrote the headline or submitted the
 * story (allowed only on a one-person desk, and marked).
 */
public record Approval(StoryId storyId, Headline headline, String bodySha256, String bodyHtmlSha256, String actor,
                       boolean selfApproved, Instant at) {
}
