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
}
