package dev.spaces.content.importing.api;

import dev.spaces.commons.validation.CleanText;
import dev.spaces.commons.validation.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * One article of an import bundle, in the format of the seed fixture. Articles without a date are imported
 * as drafts. {@code key} identifies the article across imports; the title is the key when absent.
 */
public record ImportArticle(
        @Size(max = 300) @CleanText String key,
        @NotBlank @Size(max = 200) @CleanText String title,
        @Slug String slug,
        LocalDate publishedOn,
        @Size(max = 100) @CleanText String author,
        @NotNull @CleanText(multiline = true) String excerptMarkdown,
        @CleanText(multiline = true) String markdown,
        @Valid List<ImportImage> images,
        @Size(max = 100) @CleanText String category,
        @Size(max = 30) List<@NotBlank @Size(max = 50) @CleanText String> tags,
        @PositiveOrZero Long reads,
        @PositiveOrZero Integer comments,
        @Size(max = 200) @CleanText String series,
        @jakarta.validation.constraints.Positive Integer seriesPosition) {

    public record ImportImage(@Size(max = 2000) @CleanText String url, @Size(max = 500) @CleanText String caption) {
    }
}
