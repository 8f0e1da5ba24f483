package dev.spaces.content.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeriesResponse(long id, String slug, String title, String description, long articleCount,
                             List<ArticleRef> parts) {
}
