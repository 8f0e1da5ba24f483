package dev.spaces.content.webhook.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Changes to a subscription: absent (null) fields stay as they are; an empty description clears it. */
@Schema(name = "WebhookPatch")
public record WebhookPatch(
        @Size(min = 1, max = 2000) @CleanText String url,
        @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) String> events,
        @Size(max = 500) @CleanText String description,
        @Schema(description = "true re-enables a subscription that a 410 Gone disabled") Boolean active) {
}
