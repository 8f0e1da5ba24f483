package dev.spaces.site.api;

import java.time.Instant;
import java.util.List;

/** An article as content-service's {@code GET /api/v1/articles/{id}} (or a preview link) returns it. */
public record Article(long id, String slug, String title, String status, String html, String excerptHtml,
                      List<Formula> formulas, Instant publishedAt, Instant updatedAt, Author author, Term category,
                      List<Term> tags, SeriesNav series, List<CoverImage> coverImages, long reads, String url,
                      String citationUrl) {

    public Article {
        tags = tags == null ? List.of() : tags;
        formulas = formulas == null ? List.of() : formulas;
        coverImages = coverImages == null ? List.of() : coverImages;
    }
}
