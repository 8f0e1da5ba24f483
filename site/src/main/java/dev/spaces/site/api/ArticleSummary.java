package dev.spaces.site.api;

import java.time.Instant;
import java.util.List;

/** An article in a list (home, category, tag, archive month). */
public record ArticleSummary(long id, String slug, String title, String excerptHtml, Instant publishedAt,
                             Instant updatedAt, Author author, Term category, List<Term> tags, SeriesNav series,
                             long reads, CoverImage coverImage) {

    public ArticleSummary {
        tags = tags == null ? List.of() : tags;
    }
}
