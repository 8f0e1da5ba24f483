package dev.spaces.comment.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ModerationRequest(
        @NotNull @Pattern(regexp = "approve|reject|spam|pin|unpin", message = "must be approve, reject, spam, pin or unpin")
        String action,
        @Size(max = 500) @CleanText String reason) {
}
