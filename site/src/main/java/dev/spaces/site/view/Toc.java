package dev.spaces.site.view;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of contents of an article: its h2–h4 headings with the ids the Markdown pipeline gave them (commonmark's
 * heading anchors), indented by level. Formulas inside a heading are left out of the entry's text (their MathML
 * would read as a jumble of symbols) but their TeX annotation is kept.
 */
public final class Toc {

    public record Entry(String id, String text, int level) {
    }

    /** An entry with the entries under it: the h3s after an h2 (and before the next h2) are its children. */
    public record Node(Entry entry, List<Node> children) {
        public String id() {
            return entry.id();
        }

        public String text() {
            return entry.text();
        }

        public boolean hasChildren() {
            return !children.isEmpty();
        }
    }

    private Toc() {
    }

    public static List<Entry> of(String html) {
        if (html == null || html.isEmpty()) {
            return List.of();
        }
        Document document = Jsoup.parseBodyFragment(html);
        List<Entry> entries = new ArrayList<>();
        for (Element heading : document.select("h2[id], h3[id], h4[id]")) {
            for (Element math : heading.select("math")) {
                Element annotation = math.selectFirst("annotation");
                math.replaceWith(new org.jsoup.nodes.TextNode(annotation == null ? "" : annotation.text()));
            }
            String text = heading.text().strip();
            if (!text.isEmpty()) {
                entries.add(new Entry(heading.id(), text, Integer.parseInt(heading.tagName().substring(1))));
            }
        }
        return entries;
    }

    /**
     * The entries as a tree, so that the contents are nested lists (an h3 is numbered within its h2, not after
     * it): each entry goes under the nearest entry before it with a lower level; one with none is at the top, so a
     * heading that skips a level (h2 → h4) still lands under its h2, and an h3 before any h2 starts the list.
     */
    public static List<Node> tree(List<Entry> entries) {
        List<Node> top = new ArrayList<>();
        java.util.Deque<Node> open = new java.util.ArrayDeque<>();
        for (Entry entry : entries) {
            while (!open.isEmpty() && open.peek().entry().level() >= entry.level()) {
                open.pop();
            }
            Node node = new Node(entry, new ArrayList<>());
            (open.isEmpty() ? top : open.peek().children()).add(node);
            open.push(node);
        }
        return top;
    }
}
