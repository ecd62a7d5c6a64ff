package org.wiredesk.publish;

import org.wiredesk.store.SettingsRepository;

/** The desk's publishing settings: its section name and the note printed under every story. */
public final class DeskSettings {
    public static final String SECTION = "desk.section";
    public static final String DISCLAIMER = "publish.disclaimer";
    public static final String DEFAULT_SECTION = "Media Wire";
    public static final String DEFAULT_DISCLAIMER = "Reports and views republished here are taken from other news "
            + "agencies and websites and do not necessarily reflect our opinion; we may change headlines to fit our "
            + "style and make no change to the content. The source and URL of every report stand at the bottom of "
            + "the article.";

    private final SettingsRepository settings;

    public DeskSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    public String section() {
        return settings.get(SECTION).orElse(DEFAULT_SECTION);
    }

    public String disclaimer() {
        return settings.get(DISCLAIMER).orElse(DEFAULT_DISCLAIMER);
    }

    public void setDisclaimer(String text) {
        settings.put(DISCLAIMER, text.strip());
    }

    public void setSection(String name) {
        settings.put(SECTION, name.strip());
    }
}
