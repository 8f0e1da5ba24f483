package dev.spaces.content.article;


import java.time.Instant;
import java.util.List;

/**
 * The columns of an article that a listing shows: no bodies, category and series joined in the same query. Tags
 * come separately, one query per page ({@link ArticleRepository#tagsOf}).
 */
public record ArticleRow(long id, String slug, String title, ArticleStatus status, String excerptHtml,
                         Instant publishedAt, Instant updatedAt, String authorId, String authorName,
                         String categorySlug, String categoryName, String seriesSlug, String seriesTitle,
                         Integer seriesPosition, long reads, List<CoverImage> coverImages) {

    /** A tag of a listed article. */
    public record TagRow(long articleId, String slug, String name) {
    }
}
