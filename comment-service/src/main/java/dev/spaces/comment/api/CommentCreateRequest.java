package dev.spaces.comment.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CommentCreateRequest(
        @NotBlank @Size(max = 10_000) @CleanText(multiline = true)
        @Schema(description = "Markdown with LaTeX; at most 10,000 characters")
        String body,
        @Positive @Schema(description = "The comment this replies to (same article)")
        Long parentId,
        @Size(max = 40) @CleanText @Schema(description = "Guests only (when guest comments are enabled)")
        String guestName,
        @Size(max = 320) @Email @Schema(description = "Guests only; never shown")
        String guestEmail,
        @Size(max = 500) @Schema(description = "Leave empty: a honeypot for bots")
        String website) {
}
