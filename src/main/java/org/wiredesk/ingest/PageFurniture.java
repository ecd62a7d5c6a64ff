package org.wiredesk.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Removes what is not the article from a page in one pass: scripts, navigation, media, forms and headers without
 * prose, and blocks whose class or id name them as furniture (share bars, ads, galleries, bylines, captions).
 * Class names are split into tokens once and looked up in sets, and each distinct class string is judged once.
 */
final class PageFurniture implements NodeFilter {
    private static final Set<String> REMOVE_TAGS = Set.of("script", "style", "noscript", "iframe", "button", "input",
            "select", "textarea", "svg", "canvas", "nav", "footer", "aside", "template", "object", "embed", "dialog",
            "figure", "figcaption", "picture", "video", "audio", "h1", "link", "meta");
    private static final Set<String> REMOVE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "dialog");
    /** Class or id words that mark furniture (matched as whole words between spaces, '-' and '_'). */
    private static final Set<String> UNLIKELY = Set.of("comment", "disqus", "share", "sharing", "social", "related",
            "recommend", "promo", "newsletter", "subscribe", "sidebar", "footer", "nav", "navigation", "menu",
            "breadcrumb", "masthead", "banner", "sponsor", "advert", "ads", "popup", "modal", "cookie", "consent",
            "outbrain", "taboola", "paywall", "signup", "login", "tag", "tags", "toolbar", "ad", "adslot", "trending",
            "dfp", "sponsored", "explore", "print", "rollover", "tooltip", "popover", "hovercard", "offscreen",
            "media", "player", "photo", "image", "img", "video", "credit", "figure");
    /** Two-word furniture names (ad-slot, read-more, sr-only...). */
    private static final Set<String> UNLIKELY_PAIRS = Set.of("byline-social", "more-stories", "read-more",
            "most-popular", "author-bio", "ad-slot", "ad-unit", "control-bar", "off-screen",
            "visually-hidden", "sr-only", "screen-reader", "d-none");
    /** Media furniture, matched anywhere in a class name (inlinegallery, article__media-caption, emailSignup). */
    private static final String[] MEDIA = {"caption", "gallery", "slideshow", "carousel", "lightbox", "newsletter",
            "signup"};
    /** Picture galleries: furniture however many captions (paragraphs) they hold. */
    private static final String[] GALLERY = {"gallery", "slideshow", "carousel"};
    /** Short blocks that say who wrote the story or when. */
    private static final Set<String> BYLINE = Set.of("byline", "bylines", "dateline", "timestamp", "author",
            "authors", "pubdate");
    private static final Set<String> BYLINE_PAIRS = Set.of("author-name", "published-date", "posted-on",
            "article-date");
    private static final int BYLINE_MAX_TEXT = 160;
    private static final String[] LIKELY = {"article", "story", "content", "entry", "post", "main", "body", "text",
            "prose", "caas", "rich-text"};
    private static final int MIN_PROSE_PARAGRAPHS = 3;
    /** A lead paragraph in a header is at least this long. */
    private static final int LEAD_MIN = 80;

    /** What a class-and-id string says about its element. */
    private enum Verdict { NONE, FURNITURE_IF_SMALL, GALLERY, CAPTION, BYLINE_IF_SHORT, THREAD }

    /**
     * Names of a thread of readers' comments: furniture however many paragraphs it holds (a long thread outweighs a
     * short article), unless it holds the page's main content. The singular "comment" names one comment, or a
     * column called Comment, and stays a small-furniture word.
     */
    private static final Set<String> THREAD = Set.of("comments", "commentlist");
    private static final Set<String> THREAD_PAIRS = Set.of("comment-list", "comment-section", "comment-thread");

    /** What one class attribute or one id says, on its own. */
    private record Words(boolean byline, boolean gallery, boolean caption, boolean unlikely, boolean likely,
            boolean thread) {
        static final Words NONE = new Words(false, false, false, false, false, false);

        static Words of(String names) {
            if (names.isEmpty()) {
                return NONE;
            }
            String lower = names.toLowerCase(Locale.ROOT);
            boolean[] found = wordsIn(lower);
            return new Words(found[0], containsAny(lower, GALLERY), lower.contains("caption"),
                    found[1] || containsAny(lower, MEDIA) || hiddenClass(lower), containsAny(lower, LIKELY), found[2]);
        }
    }

    /**
     * Tags removed even on a second look: what is never article text (code, controls, embeds, navigation) and
     * captions. Headers, footers, asides and forms are kept: pages wrap whole articles in them.
     */
    private static final Set<String> ALWAYS_REMOVE_TAGS = Set.of("script", "style", "noscript", "iframe", "button",
            "input", "select", "textarea", "svg", "canvas", "nav", "template", "object", "embed", "dialog", "figure",
            "figcaption", "picture", "video", "audio", "h1", "link", "meta");

    /** Inline (phrasing) elements: parts of a paragraph's text, not blocks of their own. */
    private static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "math", "nobr", "q", "s", "samp", "small",
            "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var");
    /** Page regions that are furniture as a rule, but not when they hold the main content. */
    private static final Set<String> LANDMARKS = Set.of("header", "footer", "aside", "nav", "form");

    /** Class attributes repeat across a page: each distinct one is read once. */
    private final Map<String, Words> classWords = new HashMap<>();
    private final boolean lenient;

    private PageFurniture(boolean lenient) {
        this.lenient = lenient;
    }

    /** Removes the furniture below (not including) the root. */
    static void strip(Element root) {
        root.filter(new PageFurniture(false));
    }

    /**
     * Removes only what is never article text: for a second look at a page whose article the names of its
     * containers hid (an article in an aside, a Drupal field called "label-hidden").
     */
    static void stripLeniently(Element root) {
        root.filter(new PageFurniture(true));
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (depth == 0 || !(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        return isFurniture(el) ? FilterResult.REMOVE : FilterResult.CONTINUE;
    }

    private boolean isFurniture(Element el) {
        String tag = el.normalName();
        if ((lenient ? ALWAYS_REMOVE_TAGS : REMOVE_TAGS).contains(tag)) {
            return !(LANDMARKS.contains(tag) && holdsMain(el));
        }
        // a word inside a paragraph is never removed alone: the paragraph is kept or dropped whole, by the block
        // rules, so that a body kept stands word for word in its page (a linked name, "Servings: 4 cups")
        // (an element without text, such as an icon, takes no word with it)
        return namedFurniture(el, tag) && !(PHRASING.contains(tag) && el.hasText() && inRunningText(el));
    }

    /** Whether the element's class, id or hiding attributes say it is furniture. */
    private boolean namedFurniture(Element el, String tag) {
        String cls = "";
        String id = "";
        // most elements have no attributes, and asking for them would make each an empty set
        for (Attribute a : el.attributesSize() == 0 ? List.<Attribute>of() : el.attributes()) {
            switch (a.getKey()) {
                case "class" -> cls = a.getValue();
                case "id" -> id = a.getValue();
                case "hidden" -> {
                    return true;
                }
                case "aria-hidden" -> {
                    if ("true".equals(a.getValue())) {
                        return true;
                    }
                }
                case "role" -> {
                    if (REMOVE_ROLES.contains(a.getValue()) && !holdsMain(el)) {
                        return true;
                    }
                }
                case "style" -> {
                    if (a.getValue().replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
                        return true;
                    }
                }
                default -> {
                    // other attributes say nothing about furniture
                }
            }
        }
        if (lenient) {
            return false;
        }
        if (tag.equals("form") && fewParagraphs(el) || tag.equals("header") && !holdsLead(el) && !holdsMain(el)) {
            // some sites wrap the whole page in one form; a form without prose is furniture, and so is a header
            // unless it holds the article's lead (a standfirst paragraph under the headline)
            return true;
        }
        if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("html")) {
            return false;
        }
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        Words c = classWords.computeIfAbsent(cls, Words::of);
        Words i = Words.of(id);
        boolean unlikely = (c.unlikely() || i.unlikely()) && !i.likely();
        Verdict verdict = c.thread() || i.thread() ? Verdict.THREAD
                : c.byline() || i.byline() ? Verdict.BYLINE_IF_SHORT
                : c.gallery() && !i.likely() ? Verdict.GALLERY
                : c.caption() || i.caption() ? Verdict.CAPTION
                : unlikely ? Verdict.FURNITURE_IF_SMALL : Verdict.NONE;
        return switch (verdict) {
            case NONE -> false;
            case THREAD -> !holdsMain(el);
            case GALLERY -> true;
            // a caption is furniture even as a paragraph, unless it is a whole run of them (an article so named)
            case CAPTION -> fewParagraphs(el);
            case BYLINE_IF_SHORT -> el.text().length() <= BYLINE_MAX_TEXT || unlikely && furnitureIfSmall(el);
            case FURNITURE_IF_SMALL -> furnitureIfSmall(el);
        };
    }

    /**
     * Whether removing this inline element would take words out of a run of text: another piece of text stands
     * beside it in the same paragraph (its inline ancestors' siblings, then the siblings of its run up to the
     * nearest block or line break).
     */
    private static boolean inRunningText(Element el) {
        for (Element e = el; ; e = e.parent()) {
            Element parent = e.parent();
            if (parent == null) {
                return false;
            }
            boolean inline = PHRASING.contains(parent.normalName());
            int at = e.siblingIndex();
            for (int k = at - 1; k >= 0; k--) {
                Node n = parent.childNode(k);
                if (!inline && breaksRun(n)) {
                    break;
                }
                if (hasText(n)) {
                    return true;
                }
            }
            for (int k = at + 1; k < parent.childNodeSize(); k++) {
                Node n = parent.childNode(k);
                if (!inline && breaksRun(n)) {
                    break;
                }
                if (hasText(n)) {
                    return true;
                }
            }
            if (!inline) {
                return false;
            }
        }
    }

    private static boolean breaksRun(Node n) {
        return n instanceof Element e && (ContentExtractor.BLOCK_TAGS.contains(e.normalName()) || e.normalName().equals("br"));
    }

    private static boolean hasText(Node n) {
        return n instanceof TextNode t ? !t.isBlank() : n instanceof Element e && e.hasText();
    }

    private static boolean furnitureIfSmall(Element el) {
        // a quoted post (an embedded tweet) is part of the story, whatever its wrapper is called
        String tag = el.normalName();
        return !(tag.equals("p") || tag.equals("h2") || tag.equals("h3") || tag.equals("h4")
                || tag.equals("blockquote")) && fewParagraphs(el) && !holds(el, "blockquote");
    }

    /** The first words of the two-word names, so that a pair is only put together after one of them. */
    private static final Set<String> PAIR_STARTS = pairStarts();

    private static Set<String> pairStarts() {
        Set<String> starts = new java.util.HashSet<>();
        for (Set<String> pairs : List.of(UNLIKELY_PAIRS, BYLINE_PAIRS, THREAD_PAIRS)) {
            for (String pair : pairs) {
                starts.add(pair.substring(0, pair.indexOf('-')));
            }
        }
        return Set.copyOf(starts);
    }

    /**
     * Whether the names hold a byline word or pair (index 0), a furniture word or pair (index 1) and a comment thread's
     * word or pair (index 2), read in one
     * pass: words lie between spaces, '-' and '_', and a pair is two adjacent words.
     */
    private static boolean[] wordsIn(String lower) {
        boolean byline = false;
        boolean unlikely = false;
        boolean thread = false;
        String previous = null;
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean separator = c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                String token = lower.substring(start, i);
                byline |= BYLINE.contains(token);
                unlikely |= UNLIKELY.contains(token);
                thread |= THREAD.contains(token);
                if (previous != null && PAIR_STARTS.contains(previous)) {
                    String pair = previous + "-" + token;
                    byline |= BYLINE_PAIRS.contains(pair);
                    unlikely |= UNLIKELY_PAIRS.contains(pair);
                    thread |= THREAD_PAIRS.contains(pair);
                }
                previous = token;
                start = -1;
            }
        }
        return new boolean[] {byline, unlikely, thread};
    }

    /**
     * "hidden" on its own hides an element; inside a compound it says something else ("overflow-hidden" clips,
     * "field--label-hidden" hides only the field's label, "hidden-xs" hides on small screens only).
     */
    private static boolean hiddenClass(String lower) {
        int start = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || Character.isWhitespace(lower.charAt(i))) {
                if (lower.startsWith("hidden", start) && i - start == 6
                        || lower.startsWith("is-hidden", start) && i - start == 9) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, String[] needles) {
        for (String n : needles) {
            if (s.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the page's main content stands inside the element: a header, footer or banner that holds it is an
     * unclosed tag that swallowed the page (the parser nests what follows into it), not furniture.
     */
    private static boolean holdsMain(Element el) {
        for (int k = 0; k < el.childNodeSize(); k++) {
            if (el.childNode(k) instanceof Element child && (child.normalName().equals("main")
                    || child.attr("role").equals("main") || child.attr("itemprop").equals("articleBody")
                    || holdsMain(child))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a paragraph of running text (long enough, ending as a sentence ends) stands in the element. */
    private static boolean holdsLead(Element el) {
        for (Element p : el.getElementsByTag("p")) {
            String text = p.text();
            if (text.length() >= LEAD_MIN && BodyEdges.endsSentence(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fewParagraphs(Element el) {
        return count(el, "p", MIN_PROSE_PARAGRAPHS) < MIN_PROSE_PARAGRAPHS;
    }

    private static boolean holds(Element el, String tag) {
        return count(el, tag, 1) > 0;
    }

    /** How many descendants have this tag, counting no further than {@code limit}. */
    private static int count(Element el, String tag, int limit) {
        int n = 0;
        for (int k = 0; k < el.childNodeSize(); k++) {
            if (!(el.childNode(k) instanceof Element child)) {
                continue;
            }
            if (child.normalName().equals(tag)) {
                n++;
            }
            if (n >= limit) {
                return n;
            }
            n += count(child, tag, limit - n);
            if (n >= limit) {
                return n;
            }
        }
        return n;
    }
}
