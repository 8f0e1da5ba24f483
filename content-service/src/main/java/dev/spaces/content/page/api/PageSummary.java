package dev.spaces.content.page.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A listed page (for menus and Studio's list): no body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PageSummary", requiredProperties = {"id", "slug", "title", "status", "updatedAt", "version"})
public record PageSummary(long id, String slug, String title,
                          @Schema(enumeration = {"draft", "published"}) String status, Integer menuOrder,
                          Instant publishedAt, Instant updatedAt, long version) {
}
