package dev.spaces.content.webhook.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new subscription. */
@Schema(name = "WebhookCreate")
public record WebhookRequest(
        @NotBlank @Size(max = 2000) @CleanText
        @Schema(description = "http(s) URL that receives the POSTs; private and loopback addresses are refused",
                example = "https://hooks.example.com/spaces")
        String url,
        @NotNull @NotEmpty @Size(max = 20)
        @Schema(description = "Event types to receive (see GET /api/v1/webhooks/event-types)",
                example = "[\"article.published\", \"article.updated\"]")
        List<@NotBlank @Size(max = 64) String> events,
        @Size(max = 500) @CleanText
        String description,
        @Schema(description = "Deliveries are made only while active; default true")
        Boolean active) {
}
