package dev.spaces.content.taxonomy.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CategoryRequest(@NotBlank @Size(max = 100) @CleanText String name, @Slug String slug,
                              @Size(max = 1000) @CleanText(multiline = true) String description) {
}
