package dev.spaces.content.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Payload of {@code webhook.ping} (schema version 1): sent on request to test an endpoint. */
@Schema(name = "PingEventV1")
public record PingPayload(int schemaVersion, long subscriptionId, String message) {
}
