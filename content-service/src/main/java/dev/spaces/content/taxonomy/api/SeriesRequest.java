package dev.spaces.content.taxonomy.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SeriesRequest(@NotBlank @Size(max = 200) @CleanText String title, @Slug String slug,
                            @Size(max = 2000) @CleanText(multiline = true) String description) {
}
