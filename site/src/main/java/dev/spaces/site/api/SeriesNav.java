package dev.spaces.site.api;

/** An article's place in its series, with its neighbours. */
public record SeriesNav(String slug, String title, Integer position, int parts, ArticleRef previous, ArticleRef next) {
}
