package dev.spaces.content.previewlink.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A preview link: {@code url} opens the draft on the reader site, {@code token} is what that page passes to the API. */
@Schema(name = "PreviewLink", requiredProperties = {"id", "articleId", "token", "url", "expiresAt", "createdAt",
        "createdBy"})
public record PreviewLinkResponse(long id, long articleId, String token,
                                  @Schema(description = "<siteUrl>/preview/<token>") String url, Instant expiresAt,
                                  Instant createdAt, String createdBy) {
}
