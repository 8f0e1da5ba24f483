package dev.spaces.content.previewlink.api;

import jakarta.validation.constraints.Future;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A new preview link; without a body or {@code expiresAt} it lasts 7 days. */
@Schema(name = "PreviewLinkWrite")
public record PreviewLinkRequest(
        @Future @Schema(description = "When the link stops working; at most 30 days ahead (default: 7 days)")
        Instant expiresAt) {
}
