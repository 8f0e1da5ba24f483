package dev.spaces.content.media.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(description = "An image of the media library with its stored files")
public record MediaResponse(
        long id,
        @Schema(description = "SHA-256 of the uploaded bytes; the same bytes uploaded again answer this item")
        String hash,
        @Schema(description = "type of the original, sniffed from its bytes", example = "image/jpeg")
        String mimeType,
        String filename,
        @Schema(description = "width of the original in pixels, after the EXIF orientation was applied") int width,
        int height,
        @Schema(description = "size of the stored original (metadata stripped)") long bytes,
        String alt,
        String caption,
        @Schema(description = "URL of the stored original") String url,
        @Schema(description = "every stored file: the original and the renditions, in the original format and WebP")
        List<MediaFileDto> files,
        @Schema(description = "ready for <img srcset>/<source srcset>, per MIME type: \"<url> <width>w, …\"")
        Map<String, String> srcset,
        @Schema(description = "articles whose Markdown (media:<id> or a file URL) or cover images use it; "
                + "only in the answer for one item")
        List<MediaUseDto> usedBy,
        Instant createdAt,
        Instant updatedAt) {
}
