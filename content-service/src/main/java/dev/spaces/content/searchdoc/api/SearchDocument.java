package dev.spaces.content.searchdoc.api;

import dev.spaces.content.article.api.AuthorDto;
import dev.spaces.content.article.api.TermDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * What the search service indexes for one published article. {@code version} is the article's optimistic-lock
 * version (changes with every edit, publish or unpublish); {@code reads} changes without it.
 */
@Schema(description = "Search-index document of a published article")
public record SearchDocument(
        long id,
        long version,
        String slug,
        String title,
        @Schema(description = "Plain text without markup and without formulas") String text,
        @Schema(description = "TeX source of every formula, in document order") List<String> formulas,
        @Schema(description = "Plain-text excerpt; inline formulas keep their \\(…\\) delimiters") String excerpt,
        @Schema(nullable = true) TermDto category,
        List<TermDto> tags,
        @Schema(nullable = true, description = "slug and title of the series") TermDto series,
        AuthorDto author,
        Instant publishedAt,
        Instant updatedAt,
        long reads,
        @Schema(description = "Public address of the article on the site") String url) {
}
