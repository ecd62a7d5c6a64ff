package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds an article's body in a page: scores the containers of paragraph-like blocks (longer text and commas
 * count for, links and boilerplate class names against), picks the best, and keeps its body blocks in order.
 */
final class ContentExtractor {
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)(^|[\\s_-])(comment|disqus|share|sharing|social|related|recommend|promo|newsletter|subscribe|"
            + "sidebar|footer|nav|navigation|menu|breadcrumb|masthead|banner|sponsor|advert|ad-|ads|popup|modal|"
            + "cookie|consent|outbrain|taboola|paywall|signup|login|tags?|toolbar|byline-social|more-stories|"
            + "read-more|most-popular|trending|author-bio|hidden|ad|ad-slot|adslot|ad-unit|dfp|sponsored|explore|"
            + "print|rollover|tooltip|popover|hovercard|control-bar|off-screen|offscreen|visually-hidden|sr-only|"
            + "screen-reader|d-none|media|player|photo|image|img|video|credit|figure)([\\s_-]|$)");
    /** Media furniture, matched anywhere in a class name (inlinegallery, article__media-caption). */
    private static final Pattern MEDIA = Pattern.compile(
            "(?i)(caption|gallery|slideshow|carousel|lightbox|newsletter|signup)");
    /** A short line that only says who wrote the story or when it was published. */
    private static final Pattern BYLINE_TEXT = Pattern.compile(
            "(?i)^(by|von|par|por)\\s+\\p{Lu}.{0,60}$|^(published|updated|posted|last updated)\\b.*");
    private static final int SHORT_LINE = 100;
    /** Picture galleries: furniture however many captions (paragraphs) they hold. */
    private static final Pattern GALLERY = Pattern.compile("(?i)(gallery|slideshow|carousel)");
    private static final int SCORE_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;
    /** Short blocks that say who wrote the story or when: page furniture, not the body. */
    private static final Pattern BYLINE = Pattern.compile(
            "(?i)(^|[\\s_-])(byline|bylines|dateline|timestamp|author|authors|author-name|published-date|pubdate|"
            + "posted-on|article-date)([\\s_-]|$)");
    private static final int BYLINE_MAX_TEXT = 160;
    private static final Pattern LIKELY = Pattern.compile(
            "(?i)(article|story|content|entry|post|main|body|text|prose|caas|rich-text)");
    private static final String REMOVE = "script, style, noscript, iframe, button, input, select, textarea, "
            + "svg, canvas, nav, footer, aside, template, object, embed, dialog, [hidden], [aria-hidden=true], "
            + "figure, figcaption, picture, video, audio, h1, [style~=display:\\s*none], "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog]";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, blockquote, ul, ol, pre, table, figure";
    /** Tags that make a container a container rather than a paragraph. */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul");
    private static final int MIN_PARAGRAPH = 25;

    /** The body HTML of the page's main content, or empty when no part of the page reads like an article. */
    String extract(Element body) {
        Element page = body.clone();
        page.select(REMOVE).remove();
        for (Element container : page.select("form, header")) {
            // some sites wrap the whole page in one form; a form or header without prose is furniture
            if (container.select("p").size() < 3) {
                container.remove();
            }
        }
        for (Element el : new ArrayList<>(page.getAllElements())) {
            if (el != page && el.parent() != null && isUnlikely(el)) {
                el.remove();
            }
        }
        paragraphsFromDivs(page);
        Map<Element, Double> scores = new IdentityHashMap<>();
        Element top = bestCandidate(page, scores);
        if (top == null) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (Element part : withSiblings(top, scores)) {
            List<Element> blocks = part.is(BLOCKS) ? List.of(part) : outermost(part.select(BLOCKS));
            for (Element block : blocks) {
                if (keep(block)) {
                    html.append(block.outerHtml());
                }
            }
        }
        return html.toString();
    }

    /**
     * Sites write paragraphs as divs, or as text between empty divs and line breaks: a div holding only inline
     * content becomes a paragraph, and runs of loose text in a container are wrapped as paragraphs.
     */
    private static void paragraphsFromDivs(Element page) {
        for (Element el : new ArrayList<>(page.select("div, section"))) {
            boolean holdsBlocks = false;
            for (Element child : el.children()) {
                if (BLOCK_TAGS.contains(child.normalName())) {
                    holdsBlocks = true;
                    break;
                }
            }
            if (!holdsBlocks) {
                if (!el.text().isBlank()) {
                    el.tagName("p");
                }
                continue;
            }
            wrapLooseText(el);
        }
    }

    private static void wrapLooseText(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node node : new ArrayList<>(container.childNodes())) {
            boolean inline = node instanceof TextNode
                    || node instanceof Element e && !BLOCK_TAGS.contains(e.normalName()) && !e.is("br");
            if (inline) {
                run.add(node);
            } else {
                wrap(run);
                run.clear();
            }
        }
        wrap(run);
    }

    private static void wrap(List<Node> run) {
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            text.append(n instanceof TextNode t ? t.text() : ((Element) n).text());
        }
        if (text.toString().isBlank() || run.stream().noneMatch(n -> n instanceof TextNode t && !t.isBlank())) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            p.appendChild(n);
        }
    }

    /** The top candidate with those of its siblings that read like more of the same article. */
    private static List<Element> withSiblings(Element top, Map<Element, Double> scores) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !top.className().isBlank() && sibling.className().equals(top.className())
                    ? topScore * 0.2 : 0;
            double score = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
            if (score + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.is("p")) {
                String text = sibling.text();
                double density = linkDensity(sibling);
                if (text.length() > 80 && density < 0.25
                        || text.length() > 0 && text.length() <= 80 && density == 0 && text.matches(".*\\.( |$).*")) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    private static boolean isUnlikely(Element el) {
        if (el.is("body, article, main, html")) {
            return false;
        }
        String names = el.className() + " " + el.id();
        if (BYLINE.matcher(names).find() && el.text().length() <= BYLINE_MAX_TEXT) {
            return true;
        }
        if (GALLERY.matcher(el.className()).find() && !LIKELY.matcher(el.id()).find()) {
            return true;
        }
        // a quoted post (an embedded tweet) is part of the story, whatever its wrapper is called
        return !names.isBlank() && (UNLIKELY.matcher(names).find() || MEDIA.matcher(names).find())
                && !LIKELY.matcher(el.id()).find() && !el.is("p, h2, h3, h4, blockquote") && el.select("p").size() < 3
                && el.select("blockquote").isEmpty();
    }

    private static Element bestCandidate(Element page, Map<Element, Double> scores) {
        for (Element p : page.select("p, pre, td, blockquote")) {
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + countCommas(text) + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            for (int level = 0; parent != null && level < SCORE_LEVELS; level++, parent = parent.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(parent, score / divider, Double::sum);
            }
        }
        List<Element> ranked = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            e.setValue((e.getValue() + classWeight(el) + tagWeight(el)) * (1 - linkDensity(el)));
            ranked.add(el);
        }
        if (ranked.isEmpty()) {
            return null;
        }
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        return promote(ranked.get(0), ranked.subList(1, Math.min(ranked.size(), TOP_CANDIDATES)), scores);
    }

    /**
     * Articles split over several containers: when near-top candidates share an ancestor, that ancestor is the
     * article; and while a parent scores higher than its child, the parent is.
     */
    private static Element promote(Element top, List<Element> others, Map<Element, Double> scores) {
        double topScore = scores.get(top);
        List<Element> close = others.stream().filter(o -> scores.get(o) / topScore >= 0.75).toList();
        if (close.size() >= 3) {
            for (Element ancestor = top.parent(); ancestor != null && !ancestor.is("body"); ancestor = ancestor.parent()) {
                final Element a = ancestor;
                long contained = close.stream().filter(o -> o.parents().contains(a)).count();
                if (contained >= 3) {
                    top = ancestor;
                    scores.putIfAbsent(top, topScore);
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, 0.0);
        double floor = last / 3;
        for (Element parent = top.parent(); parent != null && !parent.is("body"); parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                continue;
            }
            if (parentScore < floor) {
                break;
            }
            if (parentScore > last) {
                top = parent;
                break;
            }
            last = parentScore;
        }
        while (top.parent() != null && !top.parent().is("body") && top.parent().children().size() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static double tagWeight(Element el) {
        return switch (el.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    private static double classWeight(Element el) {
        String names = el.className() + " " + el.id();
        double weight = 0;
        if (LIKELY.matcher(names).find()) {
            weight += 15;
        }
        if (el.is("article, [itemprop=articleBody]")) {
            weight += 25;
        }
        return weight;
    }

    private static List<Element> outermost(List<Element> blocks) {
        List<Element> out = new ArrayList<>();
        Map<Element, Boolean> chosen = new IdentityHashMap<>();
        for (Element block : blocks) {
            boolean inside = false;
            for (Element parent = block.parent(); parent != null; parent = parent.parent()) {
                if (chosen.containsKey(parent)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                chosen.put(block, Boolean.TRUE);
                out.add(block);
            }
        }
        return out;
    }

    private static boolean keep(Element block) {
        String text = block.text();
        if (text.isBlank() && block.select("img").isEmpty()) {
            return false;
        }
        if (text.length() <= SHORT_LINE && (BYLINE_TEXT.matcher(text.strip()).matches()
                || mostlyTime(block, text))) {
            return false;
        }
        if (block.is("ul, ol, table") && linkDensity(block) > 0.5) {
            return false;
        }
        return linkDensity(block) < 0.8 || text.length() > 200;
    }

    private static boolean mostlyTime(Element block, String text) {
        int time = 0;
        for (Element t : block.select("time")) {
            time += t.text().length();
        }
        return time > 0 && time * 2 >= text.length();
    }

    static double linkDensity(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : el.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, links / (double) total);
    }

    private static int countCommas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
                n++;
            }
        }
        return n;
    }
}
