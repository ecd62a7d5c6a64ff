package org.wiredesk.desk.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.wiredesk.story.RelativeTime;

/** Relative times in cells: the words ("39 minutes ago") with the exact time on hover. */
public final class Relative {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz",
            Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private Relative() {
    }

    public static String text(Instant then, DeskClock clock) {
        return RelativeTime.between(then, clock.now());
    }

    public static Tooltip exact(Instant then) {
        return new Tooltip(EXACT.format(then));
    }

    /** A table cell that says "39 minutes ago" (or {@code none} when empty) with the exact time on hover. */
    public static <S> TableCell<S, Instant> cell(DeskClock clock, String none) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? none : text(item, clock));
                setTooltip(empty || item == null ? null : exact(item));
            }
        };
    }
}
