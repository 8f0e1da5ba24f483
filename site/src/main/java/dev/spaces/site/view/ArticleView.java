package dev.spaces.site.view;

import dev.spaces.site.api.Article;
import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Series;

import java.util.List;

/**
 * Everything an article page shows. Parts that come from other calls are null (or empty) when that call failed:
 * the page still renders, without them, and {@code comments} says the comment service is unavailable.
 *
 * @param series   the whole series (every part) when the article is in one
 * @param citation the 「转载请注明」 line filled in from the site's template
 * @param bibtex   the BibTeX entry content-service made, or null when it could not be had
 */
public record ArticleView(Article article, List<Toc.Entry> toc, Series series, List<ArticleSummary> related,
                          List<ArticleSummary> popular, String citation, String bibtex, CommentsView comments,
                          boolean preview) {

    public String path() {
        return Urls.article(article.id());
    }

    public boolean hasToc() {
        return toc.size() >= 2;
    }

    // ---- browse: the contents as nested lists (h3 under its h2)
    public List<Toc.Node> tocTree() {
        return Toc.tree(toc);
    }
    // ---- end browse

    public String citationFormatUrl(String format) {
        return "/api/v1/articles/" + article.id() + "/citation?format=" + format;
    }
}
