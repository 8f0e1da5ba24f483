package dev.spaces.content.article.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotNull;

public record PreviewRequest(@NotNull @CleanText(multiline = true) String markdown) {
}
