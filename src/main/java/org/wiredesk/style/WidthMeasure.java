package org.wiredesk.style;

/** How wide a headline is in the site's headline font, in pixels; the screen measures, the rules compare. */
@FunctionalInterface
public interface WidthMeasure {
    double pixels(String text, String fontFamily, boolean bold, double size);
}
