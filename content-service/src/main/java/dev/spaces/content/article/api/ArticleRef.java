package dev.spaces.content.article.api;

/** A link to another article (series navigation). */
public record ArticleRef(long id, String slug, String title, Integer position) {
}
