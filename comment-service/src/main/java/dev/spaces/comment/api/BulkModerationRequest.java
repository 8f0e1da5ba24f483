package dev.spaces.comment.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

public record BulkModerationRequest(
        @NotEmpty @Size(max = 100) List<@NotNull @Positive Long> ids,
        @NotNull @Pattern(regexp = "approve|reject|spam|pin|unpin", message = "must be approve, reject, spam, pin or unpin")
        String action,
        @Size(max = 500) @CleanText String reason) {
}
