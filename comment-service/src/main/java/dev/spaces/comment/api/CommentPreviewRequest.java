package dev.spaces.comment.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment's text to see before posting it: the same limits as {@link CommentCreateRequest#body()}. */
public record CommentPreviewRequest(
        @NotBlank @Size(max = 10_000) @CleanText(multiline = true)
        @Schema(description = "Markdown with LaTeX; at most 10,000 characters")
        String body) {
}
