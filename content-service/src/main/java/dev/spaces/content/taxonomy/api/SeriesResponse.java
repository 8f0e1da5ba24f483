package dev.spaces.content.taxonomy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spaces.content.article.api.ArticleRef;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeriesResponse(long id, String slug, String title, String description, long articleCount,
                             List<ArticleRef> parts) {
}
