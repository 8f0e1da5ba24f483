package dev.spaces.content.page.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spaces.commons.http.Versioned;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathFormula;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A page. {@code markdown} is present for editors only; {@code diagnostics} when formulas do not parse (drafts may
 * have them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Page", requiredProperties = {"id", "slug", "title", "status", "html", "formulas", "createdAt",
        "updatedAt", "version", "url"})
public record PageResponse(long id, String slug, String title,
                           @Schema(enumeration = {"draft", "published"}) String status, String html,
                           List<MathFormula> formulas, List<FormulaDiagnostic> diagnostics, Integer menuOrder,
                           Instant publishedAt, Instant createdAt, Instant updatedAt, long version,
                           @Schema(description = "The page on the reader site: <siteUrl>/pages/<slug>") String url,
                           String markdown) implements Versioned {
}
