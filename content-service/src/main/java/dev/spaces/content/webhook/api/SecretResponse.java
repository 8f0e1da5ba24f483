package dev.spaces.content.webhook.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A new signing secret, shown once. */
@Schema(name = "WebhookSecret")
public record SecretResponse(
        @Schema(description = "The new whsec_… secret") String secret,
        @Schema(description = "Deliveries are signed with the old secret too until then") Instant previousSecretExpiresAt) {
}
