package dev.spaces.content.article.api;

import dev.spaces.commons.markdown.MathForms;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSummary(long id, String slug, String title, String status, String excerptHtml,
                             Instant publishedAt, Instant updatedAt, AuthorDto author, TermDto category,
                             List<TermDto> tags, SeriesNavDto series, long reads, CoverImageDto coverImage) {

    /** This summary with its excerpt in the given form (stored HTML is in the MathML form). */
    public ArticleSummary inForm(MathForms form) {
        return form == MathForms.MATHML ? this : new ArticleSummary(id, slug, title, status,
                form.apply(excerptHtml), publishedAt, updatedAt, author, category, tags, series, reads, coverImage);
    }
}
