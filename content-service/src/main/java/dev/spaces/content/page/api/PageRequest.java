package dev.spaces.content.page.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new page, or the full new state of one (PUT). */
@Schema(name = "PageWrite", requiredProperties = {"title", "markdown"})
public record PageRequest(
        @NotBlank @Size(max = 200) @CleanText @Schema(example = "关于") String title,
        @Slug @Schema(description = "URL slug; derived from the title when absent on creation, kept when absent on "
                + "update", example = "about") String slug,
        @NotNull @CleanText(multiline = true)
        @Schema(description = "Markdown with LaTeX, rendered as articles are; at most 1 MB") String markdown,
        @Pattern(regexp = "draft|published", message = "must be draft or published")
        @Schema(description = "draft or published; absent: draft for a new page, unchanged for an existing one. "
                + "Publishing refuses formulas that do not parse",
                enumeration = {"draft", "published"}) String status,
        @Min(0) @Max(10000) @Schema(description = "Position in the reader site's menu (ascending); absent: not in "
                + "the menu") Integer menuOrder) {
}
