package dev.spaces.content.site.api;

import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question of the site's FAQ as written: the answer is Markdown with LaTeX. */
@Schema(name = "FaqEntryWrite", requiredProperties = {"question", "answer"})
public record FaqEntry(
        @NotBlank @Size(max = 300) @CleanText @Schema(example = "什么环境阅读文章最佳?") String question,
        @NotBlank @Size(max = 20000) @CleanText(multiline = true)
        @Schema(description = "Markdown with LaTeX, rendered as articles are") String answer) {
}
