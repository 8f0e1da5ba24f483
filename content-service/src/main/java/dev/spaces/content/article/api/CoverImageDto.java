package dev.spaces.content.article.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CoverImageDto(
        @Size(max = 2000) @Pattern(regexp = "^(https?://|/)[^\\s]*$", message = "must be an http(s) or site-relative URL")
        String url,
        @Size(max = 500) @CleanText String caption,
        @Size(max = 500) @CleanText String alt) {
}
