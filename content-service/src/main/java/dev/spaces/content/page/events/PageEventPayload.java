package dev.spaces.content.page.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Payload of page events, schema version 1; subscribers fetch {@code GET /api/v1/pages/{slug}} for the body. */
@Schema(name = "PageEventV1", requiredProperties = {"schemaVersion", "id", "version", "slug", "title", "status",
        "updatedAt", "url"})
public record PageEventPayload(int schemaVersion, long id, long version, String slug, String title, String status,
                               Integer menuOrder, Instant publishedAt, Instant updatedAt, String url) {
}
