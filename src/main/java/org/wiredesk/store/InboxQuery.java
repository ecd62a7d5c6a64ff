package org.wiredesk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wiredesk.story.Status;

/**
 * Which stories an inbox lists, as the store filters them: statuses (all when empty), the words typed (matched in
 * the running headline or the source's name, any case), a source, priority only (flagged or urgent), received since
 * a time, a language (its primary subtag), and the member whose read marks are shown.
 *
 * @param text lower-case words to find, or empty
 * @param sinceMs received at or after this (epoch ms), or 0 for any time
 */
public record InboxQuery(Set<Status> statuses, String reader, String text, String source, boolean priorityOnly,
                         long sinceMs, String language) {
    public InboxQuery {
        statuses = Set.copyOf(statuses);
        reader = reader == null ? "" : reader;
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        source = source == null || source.isBlank() ? null : source;
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    /** Every story in these statuses, as this member reads them. */
    public static InboxQuery of(Set<Status> statuses, String reader) {
        return new InboxQuery(statuses, reader, "", null, false, 0, null);
    }

    /** The WHERE clause (starting " WHERE", or empty) over {@code story s}, with its parameters in order. */
    String where(List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (!statuses.isEmpty()) {
            terms.add("s.status IN (" + String.join(", ", statuses.stream().map(x -> "?").toList()) + ")");
            statuses.stream().map(Status::name).sorted().forEach(params::add);
        }
        if (!text.isEmpty()) {
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            terms.add("(LOWER(COALESCE(s.house_headline, s.agency_headline)) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(s.source_name) LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
        }
        if (source != null) {
            terms.add("s.source_name = ?");
            params.add(source);
        }
        if (priorityOnly) {
            terms.add("(s.priority <> 0 OR s.urgency <= 2)");
        }
        if (sinceMs > 0) {
            terms.add("s.received_ms >= ?");
            params.add(sinceMs);
        }
        if (language != null) {
            terms.add("(LOWER(s.language) = ? OR LOWER(s.language) LIKE ? ESCAPE '\\' OR LOWER(s.language) LIKE ? "
                    + "ESCAPE '\\')");
            params.add(language);
            params.add(language + "-%");
            params.add(language + "\\_%");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }
}
