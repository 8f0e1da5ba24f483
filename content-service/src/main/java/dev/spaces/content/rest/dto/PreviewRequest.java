package dev.spaces.content.rest.dto;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotNull;

public record PreviewRequest(@NotNull @CleanText(multiline = true) String markdown) {
}
