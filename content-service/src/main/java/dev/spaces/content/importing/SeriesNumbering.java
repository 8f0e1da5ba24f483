package dev.spaces.content.importing;

import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.taxonomy.Series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How both importers number a series' parts once an import has placed them (1..n, no gaps). */
final class SeriesNumbering {

    private SeriesNumbering() {
    }

    /** Parts without an explicit position are ordered by publication date, after the numbered ones. */
    static void number(ArticleRepository articles, Series series) {
        List<Article> parts = new ArrayList<>(articles.list("series", series));
        parts.sort(Comparator.comparing((Article a) -> a.seriesPosition == null ? Integer.MAX_VALUE : a.seriesPosition)
                .thenComparing(a -> a.publishedAt == null ? Instant.MAX : a.publishedAt)
                .thenComparing(a -> a.id));
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).seriesPosition = i + 1;
        }
    }
}
