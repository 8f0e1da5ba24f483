package dev.spaces.content.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record PublishRequest(
        @Schema(description = "When to publish; in the future schedules the article (SCHEDULED), absent or past publishes now")
        Instant publishAt) {
}
