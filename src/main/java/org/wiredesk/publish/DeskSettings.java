package org.wiredesk.publish;

import org.wiredesk.store.SettingsRepository;

/**
 * The desk's publishing settings: the outlet's name, the section's, the note printed under every story (which names
 * the outlet: {@value #OUTLET_PLACEHOLDER} in it stands for the outlet's name), and the site's base URL (feeds and
 * the sitemap need absolute links). Set by the owner and desk chiefs; the store refuses anyone else.
 */
public final class DeskSettings {
    public static final String OUTLET = "desk.outlet";
    public static final String SECTION = "desk.section";
    public static final String DISCLAIMER = "publish.disclaimer";
    public static final String BASE_URL = "site.base-url";
    public static final String OUTLET_PLACEHOLDER = "{outlet}";
    public static final String DEFAULT_OUTLET = "IFP";
    public static final String DEFAULT_SECTION = "Media Wire";
    public static final String DEFAULT_DISCLAIMER = "Reports and views republished here are taken from other news "
            + "agencies and websites and do not necessarily reflect " + OUTLET_PLACEHOLDER + "'s opinion; "
            + OUTLET_PLACEHOLDER + " may change headlines to fit its style and makes no change to the content. The "
            + "source and URL of every report stand at the bottom of the article.";
    /** Every key this class reads, for {@code settings --list}. */
    public static final java.util.List<String> KEYS = java.util.List.of(OUTLET, SECTION, DISCLAIMER, BASE_URL);

    private final SettingsRepository settings;

    public DeskSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The outlet's name, as pages print it ("IFP"). */
    public String outlet() {
        return settings.get(OUTLET).orElse(DEFAULT_OUTLET);
    }

    public String section() {
        return settings.get(SECTION).orElse(DEFAULT_SECTION);
    }

    /** The outlet's label over every page: its name and the section's ("IFP Media Wire"). */
    public String label() {
        return outlet() + " " + section();
    }

    /** The note under every story, with the outlet named. */
    public String disclaimer() {
        return settings.get(DISCLAIMER).orElse(DEFAULT_DISCLAIMER).replace(OUTLET_PLACEHOLDER, outlet());
    }

    /** The site's address (no trailing slash), when set: feed and sitemap links are absolute under it. */
    public java.util.Optional<String> baseUrl() {
        return settings.get(BASE_URL).map(u -> u.replaceAll("/+$", ""));
    }

    public void setOutlet(String name) {
        set(OUTLET, name);
    }

    public void setDisclaimer(String text) {
        set(DISCLAIMER, text);
    }

    public void setSection(String name) {
        set(SECTION, name);
    }

    /** Sets the site's base URL: an absolute http or https address. */
    public void setBaseUrl(String url) {
        set(BASE_URL, url);
    }

    /** Sets one of {@link #KEYS} by name, checked as {@link #checked} checks it. */
    public void set(String key, String value) {
        settings.put(key, checked(key, value));
    }

    /**
     * Sets several settings at once, all or nothing: each is checked first (the first refused value is refused in
     * its sentence, and nothing is saved), then all are saved in one transaction.
     */
    public void setAll(java.util.Map<String, String> values) {
        java.util.Map<String, String> checked = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> checked.put(key, checked(key, value)));
        settings.putAll(checked);
    }

    /**
     * The value as it is kept (trimmed; a base URL without its trailing slashes), or an IllegalArgumentException
     * saying in one sentence why the desk refuses it: an empty value, a base URL that is not an http or https
     * address, a key that is not a desk setting.
     */
    public static String checked(String key, String value) {
        return switch (key) {
            case OUTLET -> required(value, "the outlet's name");
            case SECTION -> required(value, "the section's name");
            case DISCLAIMER -> required(value, "the disclaimer");
            case BASE_URL -> checkedBaseUrl(value);
            default -> throw new IllegalArgumentException("There is no desk setting " + key + ": the settings are "
                    + String.join(", ", KEYS));
        };
    }

    private static String checkedBaseUrl(String url) {
        String u = required(url, "the site's base URL");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The site's base URL is not an address: " + u);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme()
                .equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("The site's base URL must be an http or https address: " + u);
        }
        return u.replaceAll("/+$", "");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what.substring(0, 1).toUpperCase() + what.substring(1)
                    + " cannot be empty");
        }
        return value.strip();
    }
}
