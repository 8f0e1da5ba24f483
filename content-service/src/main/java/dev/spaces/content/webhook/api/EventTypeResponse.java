package dev.spaces.content.webhook.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of the event catalogue. */
@Schema(name = "WebhookEventType")
public record EventTypeResponse(
        String type,
        @Schema(description = "Name of the payload schema (components/schemas) in this API's OpenAPI document")
        String schema,
        int schemaVersion,
        @Schema(description = "Can be subscribed to (webhook.ping is sent on request only)") boolean subscribable) {
}
