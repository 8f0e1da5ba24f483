package dev.spaces.content.article.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new article, or the full new state of an existing one (PUT). */
@Schema(name = "ArticleWrite")
public record ArticleCreateRequest(
        @NotBlank @Size(max = 200) @CleanText
        @Schema(description = "Title, up to 200 characters", example = "变分自编码器 = 最小化先验分布 + 最大化互信息")
        String title,
        @NotNull @CleanText(multiline = true)
        @Schema(description = "Markdown with LaTeX ($…$, $$…$$, \\(…\\), \\[…\\], environments); at most 1 MB")
        String markdown,
        @Slug @Schema(description = "URL slug; derived from the title when absent. Chinese allowed")
        String slug,
        @Slug @Schema(description = "Slug of an existing category")
        String category,
        @Size(max = 30) @Schema(description = "Tag names; unknown tags are created")
        List<@NotBlank @Size(max = 50) @CleanText String> tags,
        @Slug @Schema(description = "Slug of an existing series")
        String series,
        @Positive @Schema(description = "Position within the series (1-based)")
        Integer seriesPosition,
        @Size(max = 20)
        List<@Valid CoverImageInput> coverImages) {
}
