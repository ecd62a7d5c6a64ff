package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Picks the article's container by what the page says it is about: of the containers that scored best, the best
 * one holding most of the words of the page's description. Used only on a second look, when the first body held
 * almost none of them (a footer blurb, a contact box or a shipping note chosen over the article).
 */
final class Guide {
    /** How many of the best-scored containers are considered. */
    private static final int CANDIDATES = 15;
    /** A container holding at least this share of the description's words is the article's. */
    static final double HOLDS = 0.5;

    private Guide() {
    }

    /** The best-scored container holding most of the guide's words, else the top one as it was. */
    static Element choose(Element top, Map<Element, Double> scores, Set<String> guide) {
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        for (Element candidate : ranked.subList(0, Math.min(CANDIDATES, ranked.size()))) {
            if (SecondLook.share(guide, candidate.text()) >= HOLDS) {
                return candidate;
            }
        }
        return top;
    }
}
