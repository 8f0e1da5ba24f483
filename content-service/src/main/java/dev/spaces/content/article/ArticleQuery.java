package dev.spaces.content.article;

import java.time.Instant;

/**
 * Filters of an article listing. Null members do not filter. {@code authorId} restricts to one author;
 * {@code status} null means published.
 */
public record ArticleQuery(String categorySlug, String tagSlug, String seriesSlug, Instant from, Instant until,
                           dev.spaces.content.article.ArticleStatus status, String authorId, Order order) {

    public enum Order {
        PUBLISHED, READS, UPDATED
    }
}
