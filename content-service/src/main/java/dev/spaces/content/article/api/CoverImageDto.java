package dev.spaces.content.article.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cover image as clients show it; for a media library item, srcset and intrinsic size come with it. */
public record CoverImageDto(
        @Schema(description = "Media library item, or null for an image by URL") Long mediaId,
        @Schema(description = "The image (a media item's original), or null for an imported caption without image")
        String url,
        String caption,
        String alt,
        @Schema(description = "Intrinsic width in pixels (media items)") Integer width,
        @Schema(description = "Intrinsic height in pixels (media items)") Integer height,
        @Schema(description = "\"<url> <width>w, …\" of every stored width (media items)") String srcset) {
}
