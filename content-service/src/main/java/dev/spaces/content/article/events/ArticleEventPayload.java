package dev.spaces.content.article.events;

import java.time.Instant;
import java.util.List;

/**
 * Payload of article events, schema version 1. Subscribers fetch the full article by id when they need more;
 * {@code version} lets them ignore events older than what they already hold.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ArticleEventV1")
public record ArticleEventPayload(int schemaVersion, long id, long version, String slug, String title, String status,
                                  Instant publishedAt, Instant updatedAt, String authorId, String category,
                                  List<String> tags, String series, String url) {
}
