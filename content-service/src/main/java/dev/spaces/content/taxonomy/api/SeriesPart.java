package dev.spaces.content.taxonomy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One part of a series as its editors see it: drafts and scheduled parts too, with their status. */
@Schema(name = "SeriesPart", requiredProperties = {"id", "slug", "title", "status"})
public record SeriesPart(long id, String slug, String title,
                         @Schema(enumeration = {"draft", "scheduled", "published", "archived"}) String status,
                         @Schema(description = "Position in the series (1 = first); absent when never set")
                         Integer position) {
}
