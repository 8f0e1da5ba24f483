package dev.spaces.content.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The Standard Webhooks body: {@code {"type": …, "timestamp": …, "data": {…}}}; timestamp is when it happened. */
@Schema(name = "WebhookEnvelope")
public record WebhookEnvelope(
        @Schema(description = "Event type, e.g. article.published") String type,
        @Schema(description = "When the event occurred (ISO 8601, UTC)") Instant timestamp,
        @Schema(description = "The versioned payload of the event type") JsonNode data) {
}
