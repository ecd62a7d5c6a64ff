package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds an article's body in a page: strips the furniture, scores the containers of paragraph-like blocks
 * (longer text and commas count for, links against), climbs to the container that holds the whole article,
 * and keeps its body blocks in order. Works on the parsed page in place.
 */
final class ContentExtractor {
    /** A short line that only says who wrote the story or when it was published. */
    private static final Pattern BYLINE_TEXT = Pattern.compile(
            "(?i)^(by|von|par|por)\\s+\\p{Lu}.{0,60}$|^(published|updated|posted|last updated)\\b.*");
    private static final int SHORT_LINE = 100;
    /** Up to this many letters a block may be a credit line or a pointer to another page. */
    private static final int CREDIT_LINE = 200;
    private static final double POINTER_LINKS = 0.5;
    private static final int SCORE_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;
    /** Class or id words of a likely container, matched anywhere in the name, ignoring case. */
    private static final String[] LIKELY = {"article", "story", "content", "entry", "post", "main", "body", "text",
        "prose", "caas", "rich-text"};
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
            "pre", "table");
    /** Tags that make a container a container rather than a paragraph (and end a run of inline text). */
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul");
    private static final int MIN_PARAGRAPH = 25;
    /** How far up from the chosen container a header with the lead is looked for. */
    private static final int LEAD_LEVELS = 6;
    private static final double LEAD_MAX_LINKS = 0.3;

    /**
     * The page's article body as a fresh document holding the chosen blocks, or an empty one when no part of the
     * page reads like an article. The page is consumed: blocks are moved out of it.
     */
    Document extract(Element body) {
        return extract(body, false);
    }

    /**
     * As {@link #extract(Element)}; a lenient extraction removes only what is never article text before scoring,
     * for a second look at a page whose first look found little.
     */
    Document extract(Element body, boolean lenient) {
        return extract(body, lenient, Set.of());
    }

    /**
     * As {@link #extract(Element, boolean)}, guided by the words of what the page says the article is about (its
     * description): of the best-scored containers, the best one that holds most of those words is the article.
     */
    Document extract(Element body, boolean lenient, Set<String> guide) {
        Document out = Document.createShell(body.baseUri());
        if (lenient) {
            PageFurniture.stripLeniently(body);
        } else {
            PageFurniture.strip(body);
        }
        paragraphsFromDivs(body);
        TextStats stats = TextStats.of(body);
        Map<Element, Double> scores = new IdentityHashMap<>();
        Element top = bestCandidate(body, stats, scores);
        if (top == null) {
            return out;
        }
        if (!guide.isEmpty()) {
            top = Guide.choose(top, scores, guide);
        }
        List<Element> kept = new ArrayList<>();
        Element lead = leadBefore(top, stats);
        if (lead != null) {
            collectBlocks(lead, kept);
        }
        for (Element part : withSiblings(top, stats, scores)) {
            collectBlocks(part, kept);
        }
        List<Element> blocks = new ArrayList<>();
        for (Element block : kept) {
            if (keep(block, stats)) {
                blocks.add(block);
            }
        }
        for (Element block : BodyEdges.trim(blocks, stats)) {
            out.body().appendChild(block);
        }
        return out;
    }

    /** The outermost body blocks in a container, in order. */
    private static void collectBlocks(Element el, List<Element> into) {
        if (BLOCKS.contains(el.normalName())) {
            into.add(el);
            return;
        }
        for (int k = 0; k < el.childNodeSize(); k++) {
            if (el.childNode(k) instanceof Element child) {
                collectBlocks(child, into);
            }
        }
    }

    /**
     * Sites write paragraphs as divs, or as text between empty divs and line breaks: a div holding only inline
     * content becomes a paragraph, and runs of loose text in a container are wrapped as paragraphs.
     */
    private static void paragraphsFromDivs(Element page) {
        List<Element> containers = new ArrayList<>();
        page.traverse((node, depth) -> {
            if (node instanceof Element e && (e.normalName().equals("div") || e.normalName().equals("section"))) {
                containers.add(e);
            }
        });
        for (Element el : containers) {
            boolean holdsBlocks = false;
            for (int k = 0; k < el.childNodeSize() && !holdsBlocks; k++) {
                holdsBlocks = el.childNode(k) instanceof Element child && BLOCK_TAGS.contains(child.normalName());
            }
            if (!holdsBlocks) {
                if (el.hasText()) {
                    el.tagName("p");
                }
            } else if (hasLooseText(el)) {
                wrapLooseText(el);
            }
        }
    }

    private static boolean hasLooseText(Element el) {
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void wrapLooseText(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node node : new ArrayList<>(container.childNodes())) {
            boolean inline = node instanceof TextNode
                    || node instanceof Element e && !BLOCK_TAGS.contains(e.normalName()) && !e.normalName().equals("br");
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
        if (run.stream().noneMatch(n -> n instanceof TextNode t && !t.isBlank())) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            p.appendChild(n);
        }
    }

    private static Element bestCandidate(Element page, TextStats stats, Map<Element, Double> scores) {
        for (Element p : page.getAllElements()) {
            if (!SCORED.contains(p.normalName())) {
                continue;
            }
            int letters = stats.letters(p);
            if (letters < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + stats.commas(p) + Math.min(letters / 85.0, 3);
            Element parent = p.parent();
            for (int level = 0; parent != null && level < SCORE_LEVELS; level++, parent = parent.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(parent, score / divider, Double::sum);
            }
        }
        List<Element> ranked = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            e.setValue((e.getValue() + classWeight(el) + tagWeight(el)) * (1 - stats.linkDensity(el)));
            ranked.add(el);
        }
        if (ranked.isEmpty()) {
            return null;
        }
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        return promote(ranked.get(0), ranked.subList(1, Math.min(ranked.size(), TOP_CANDIDATES)), scores);
    }

    /**
     * Articles split over several containers: when near-top candidates (65% of the top's score or more; page
     * builders put each section of an article in a container of its own) share an ancestor, that ancestor is the
     * article; and while a parent scores higher than its child, the parent is.
     */
    private static Element promote(Element top, List<Element> others, Map<Element, Double> scores) {
        double topScore = scores.get(top);
        List<Element> close = others.stream().filter(o -> scores.get(o) / topScore >= 0.65).toList();
        if (close.size() >= 3) {
            for (Element ancestor = top.parent(); ancestor != null && !ancestor.normalName().equals("body"); ancestor = ancestor.parent()) {
                final Element a = ancestor;
                long contained = close.stream().filter(o -> isAncestor(a, o)).count();
                if (contained >= 3) {
                    top = ancestor;
                    scores.putIfAbsent(top, topScore);
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, 0.0);
        double floor = last / 3;
        for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body"); parent = parent.parent()) {
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
        while (top.parent() != null && !top.parent().normalName().equals("body") && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
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
        double weight = 0;
        if (likely(el.className()) || likely(el.id())) {
            weight += 15;
        }
        if (el.normalName().equals("article") || "articleBody".equals(el.attr("itemprop"))) {
            weight += 25;
        }
        return weight;
    }

    private static boolean likely(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : LIKELY) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The article's header when it stands just before the chosen container (as its sibling or its parent's): a
     * header holding a lead paragraph, which pages set apart from the body under the headline.
     */
    private static Element leadBefore(Element top, TextStats stats) {
        Element el = top;
        for (int level = 0; level < LEAD_LEVELS && el != null && !el.normalName().equals("body"); level++, el = el.parent()) {
            for (Element before = el.previousElementSibling(); before != null;
                    before = before.previousElementSibling()) {
                if (before.normalName().equals("header")) {
                    return stats.linkDensity(before) < LEAD_MAX_LINKS ? before : null;
                }
                if (stats.letters(before) > 0) {
                    break;
                }
            }
        }
        return null;
    }

    /** The top candidate with those of its siblings that read like more of the same article. */
    private static List<Element> withSiblings(Element top, TextStats stats, Map<Element, Double> scores) {
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
            double score = scores.getOrDefault(sibling, 0.0) * (1 - stats.linkDensity(sibling));
            if (score + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                int letters = stats.letters(sibling);
                double density = stats.linkDensity(sibling);
                if (letters > 70 && density < 0.25
                        || letters > 0 && letters <= 70 && density == 0 && sibling.text().matches(".*\\.( |$).*")) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    private static boolean keep(Element block, TextStats stats) {
        int letters = stats.letters(block);
        if (letters == 0 && block.getElementsByTag("img").isEmpty()) {
            return false;
        }
        if (letters <= SHORT_LINE) {
            String text = block.text().strip();
            if (BYLINE_TEXT.matcher(text).matches() || mostlyTime(block, text)) {
                return false;
            }
        }
        double density = stats.linkDensity(block);
        boolean list = block.normalName().equals("ul") || block.normalName().equals("ol")
                || block.normalName().equals("table");
        if (letters <= CREDIT_LINE && !list) {
            String text = block.text();
            if (text.indexOf('©') >= 0) {
                // a picture credit or a copyright line
                return false;
            }
            if (density >= POINTER_LINKS && !BodyEdges.endsSentence(text)) {
                // a pointer to another page ("Read also: <a>...</a>"), not a sentence with a link in it
                return false;
            }
        }
        if (list && density > 0.5) {
            return false;
        }
        return density < 0.8 || letters > 170;
    }

    private static boolean mostlyTime(Element block, String text) {
        int time = 0;
        for (Element t : block.getElementsByTag("time")) {
            time += t.text().length();
        }
        return time > 0 && time * 2 >= text.length();
    }
}
