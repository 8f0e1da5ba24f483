package dev.spaces.content.taxonomy.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TagRequest(@NotBlank @Size(max = 50) @CleanText String name, @Slug String slug) {
}
