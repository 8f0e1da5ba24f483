package dev.spaces.content.article;

import java.time.Instant;

/**
 * Filters of an article listing. Null members do not filter. {@code authorId} restricts to one author;
 * {@code status} null means published; {@code text} is a case-insensitive substring of the title or slug.
 */
public record ArticleQuery(String categorySlug, String tagSlug, String seriesSlug, Instant from, Instant until,
                           dev.spaces.content.article.ArticleStatus status, String authorId, String text,
                           Order order) {

    /** The same filters, restricted to one author. */
    public ArticleQuery byAuthor(String author) {
        return new ArticleQuery(categorySlug, tagSlug, seriesSlug, from, until, status, author, text, order);
    }

    public enum Order {
        PUBLISHED, READS, UPDATED
    }
}
