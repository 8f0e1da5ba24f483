package dev.spaces.content.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One event sent (or to be sent) to one subscription. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResponse(
        long id,
        @Schema(description = "The webhook-id header: the same on every attempt") String messageId,
        UUID eventId,
        String type,
        @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
        int attempts,
        Integer lastResponseCode,
        String lastError,
        @Schema(description = "Duration of the last attempt in milliseconds") Integer lastDurationMs,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant deliveredAt) {
}
