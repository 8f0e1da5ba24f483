package dev.spaces.content.article.api;

import dev.spaces.commons.markdown.MathForms;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spaces.commons.http.Versioned;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathFormula;

import java.time.Instant;
import java.util.List;

/** A full article. {@code markdown} is present only for callers who may edit it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleResponse(long id, String slug, String title, String status, String html, String excerptHtml,
                              List<MathFormula> formulas, List<FormulaDiagnostic> diagnostics,
                              Instant publishedAt, Instant scheduledAt, Instant createdAt, Instant updatedAt,
                              AuthorDto author, TermDto category, List<TermDto> tags, SeriesNavDto series,
                              List<CoverImageDto> coverImages, long reads, long version, String url,
                              String citationUrl, String markdown) implements Versioned {

    /** This article with its HTML in the given form (stored HTML is in the MathML form). */
    public ArticleResponse inForm(MathForms form) {
        return form == MathForms.MATHML ? this : new ArticleResponse(id, slug, title, status, form.apply(html),
                form.apply(excerptHtml), formulas, diagnostics, publishedAt, scheduledAt, createdAt, updatedAt, author,
                category, tags, series, coverImages, reads, version, url, citationUrl, markdown);
    }
}
