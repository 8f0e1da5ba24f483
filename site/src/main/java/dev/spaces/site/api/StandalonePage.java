package dev.spaces.site.api;

import java.time.Instant;

/** A standalone page (About, FAQ, licence…) as {@code GET /api/v1/pages/{slug}} returns it. */
public record StandalonePage(long id, String slug, String title, String html, Integer menuOrder, Instant publishedAt,
                             Instant updatedAt, String url) {
}
