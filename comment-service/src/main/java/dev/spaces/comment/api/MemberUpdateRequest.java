package dev.spaces.comment.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MemberUpdateRequest(
        @NotBlank @Size(max = 80) @CleanText String displayName,
        @Size(max = 500) @CleanText @Pattern(regexp = "^https?://[^\\s]+$", message = "{spaces.http-url}")
        String website,
        @Size(max = 500) @CleanText(multiline = true) String bio,
        Boolean notifyOnReply) {
}
