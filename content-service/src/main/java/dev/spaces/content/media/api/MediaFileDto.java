package dev.spaces.content.media.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One stored file of a media item")
public record MediaFileDto(
        @Schema(description = "/media/<hash>/<name>: immutable, cacheable for a year") String url,
        String mimeType,
        int width,
        int height,
        long bytes,
        @Schema(description = "SHA-256 of the file's bytes (also its ETag)") String hash,
        @Schema(description = "the full-size file rather than a narrower rendition") boolean original) {
}
