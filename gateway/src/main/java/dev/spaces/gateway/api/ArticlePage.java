package dev.spaces.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Everything a front-end's article page needs, in one round trip. Parts that failed are absent and listed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ArticlePage")
public record ArticlePage(
        @Schema(description = "The article as content-service returns it (GET /api/v1/articles/{id})")
        JsonNode article,
        @Schema(description = "Series navigation (slug, title, position, parts, previous, next); absent when the "
                + "article is not in a series")
        JsonNode series,
        @Schema(description = "Approved comments (comment-service)")
        Long commentCount,
        @Schema(description = "Related article summaries (content-service)")
        JsonNode related,
        @Schema(description = "Parts that could not be fetched: commentCount, related")
        List<String> degraded) {
}
