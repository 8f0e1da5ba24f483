package dev.spaces.site.view;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article's excerpt as a list page shows it (part seo, found by the HTML checker): the excerpt is the start of the
 * article's HTML, written for the article page, and several of them share a page.
 * <ul>
 *   <li>Heading ids (the article page's anchors) are dropped: two articles starting with the same heading, as the
 *       d2l-zh chapters do, would give the list page duplicate ids — invalid HTML, and fragment links that land on
 *       the wrong article. Links to such an anchor ({@code href="#x"}) go to the article page's anchor instead.</li>
 *   <li>Headings are moved below the summary's own {@code h2} (h1 → h3, h2 → h4, …, at most h6), so the page's
 *       outline stays in order for screen readers: an excerpt's {@code # 标题} is not a second page title.</li>
 * </ul>
 */
public final class Excerpts {

    /** The level of the summary's title in the list ({@code tags/summary.html}): excerpt headings go below it. */
    static final int SUMMARY_HEADING = 2;

    private Excerpts() {
    }

    public static String forList(String excerptHtml, long articleId) {
        if (excerptHtml == null || excerptHtml.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(excerptHtml);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.body().select("[id]")) {
            e.removeAttr("id");
        }
        for (Element a : doc.body().select("a[href^=#]")) {
            a.attr("href", Urls.article(articleId) + a.attr("href"));
        }
        for (Element h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            h.tagName("h" + Math.min(6, level + SUMMARY_HEADING));
        }
        return doc.body().html();
    }
}
