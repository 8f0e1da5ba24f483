package dev.spaces.content.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSummary(long id, String slug, String title, String status, String excerptHtml,
                             Instant publishedAt, Instant updatedAt, AuthorDto author, TermDto category,
                             List<TermDto> tags, SeriesNavDto series, long reads, CoverImageDto coverImage) {
}
