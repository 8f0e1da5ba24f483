package dev.spaces.content.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A subscription. {@code secret} is present once only: in the response that created it. */
@Schema(name = "Webhook")
public record WebhookResponse(
        long id,
        String url,
        List<String> events,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        boolean active,
        @Schema(description = "Why the relay disabled it (410 Gone)") @JsonInclude(JsonInclude.Include.NON_NULL)
        String disabledReason,
        @Schema(description = "Owned by configuration (spaces.webhooks.system.*): read-only here") boolean system,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Until then deliveries carry a second signature made with the previous secret")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretExpiresAt,
        @Schema(description = "whsec_… signing secret, returned only when the subscription is created")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
}
