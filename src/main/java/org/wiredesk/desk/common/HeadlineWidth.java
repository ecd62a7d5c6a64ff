package org.wiredesk.desk.common;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** How wide a headline is in the site's headline font, measured with a JavaFX {@link Text} (the screens' meter). */
public final class HeadlineWidth {
    private HeadlineWidth() {
    }

    /** A {@link org.wiredesk.style.WidthMeasure}: call it on the FX application thread. */
    public static double measure(String text, String family, boolean bold, double size) {
        Text t = new Text(text);
        t.setFont(Font.font(family, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        return t.getLayoutBounds().getWidth();
    }
}
