package org.wiredesk.desk.inbox;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A named desk view: a status view, the words typed and the narrowing, kept for the whole desk. */
public record SavedView(String name, InboxViewModel.View view, String text, InboxFilter filter) {
    /** The desk setting that keeps them, one view a line, shared by every workstation on the store. */
    static final String SETTING = "inbox.saved-views";

    /** The views kept in the setting's text; a line that no longer reads is left out. */
    static List<SavedView> parseAll(String text) {
        return text.lines().map(SavedView::parse).filter(Objects::nonNull).toList();
    }

    static String format(List<SavedView> views) {
        return views.stream().map(SavedView::line).collect(Collectors.joining("\n"));
    }

    String line() {
        return String.join("\t", clean(name), view.name(), clean(text), clean(filter.source()),
                filter.priorityOnly() ? "1" : "0", filter.window().name(), clean(filter.language()));
    }

    static SavedView parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 7) {
            return null;
        }
        try {
            return new SavedView(f[0], InboxViewModel.View.valueOf(f[1]), f[2], new InboxFilter(f[3], "1".equals(f[4]),
                    InboxFilter.Window.valueOf(f[5]), f[6]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    @Override
    public String toString() {
        return name;
    }
}
