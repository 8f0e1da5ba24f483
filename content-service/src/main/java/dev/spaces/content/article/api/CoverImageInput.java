package dev.spaces.content.article.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cover image as a client sends it: a media library item, or a URL for images kept elsewhere. */
public record CoverImageInput(
        @Positive @Schema(description = "Id of a media library item (GET /api/v1/media). When given, the url is the "
                + "item's and any url sent is ignored, so a client may send back the cover it read")
        Long mediaId,
        @Size(max = 2000) @Pattern(regexp = "^(https?://|/)[^\\s]*$", message = "{spaces.http-or-site-url}")
        @Schema(description = "Image URL when no mediaId is given")
        String url,
        @Size(max = 500) @CleanText @Schema(description = "Caption; for a media item, defaults to the item's caption")
        String caption,
        @Size(max = 500) @CleanText @Schema(description = "Alt text; for a media item, defaults to the item's alt text")
        String alt) {
}
