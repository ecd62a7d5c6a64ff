package org.wiredesk.desk.common;

/** What the desk looks like: its stylesheet (the looked-up colours every screen styles itself from). */
public final class DeskLook {
    /** The desk's stylesheet, for the window and for every dialog shown before or over it. */
    public static final String STYLESHEET = DeskLook.class.getResource("/org/wiredesk/desk/desk.css").toExternalForm();

    private DeskLook() {
    }
}
