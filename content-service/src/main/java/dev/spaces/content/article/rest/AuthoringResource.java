package dev.spaces.content.article.rest;

import dev.spaces.commons.markdown.MathFormParam;
import jakarta.ws.rs.BeanParam;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.article.api.PreviewRequest;
import dev.spaces.content.article.api.PreviewResponse;
import dev.spaces.content.importing.ImportService;
import dev.spaces.content.importing.api.ImportArticle;
import dev.spaces.content.importing.api.ImportResult;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Writer tools: preview without saving, and bulk import. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authoring")
public class AuthoringResource {

    private final ArticleService articles;
    private final ImportService importer;
    private final CurrentCaller caller;

    public AuthoringResource(ArticleService articles, ImportService importer, CurrentCaller caller) {
        this.articles = articles;
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @Path("/preview")
    @Operation(summary = "Render Markdown + LaTeX without saving", description = "Returns HTML, excerpt, formulas "
            + "and a diagnostic (index, line, column, message) for every formula that does not parse")
    public PreviewResponse preview(@NotNull @Valid PreviewRequest request, @Valid @BeanParam MathFormParam math) {
        RenderedDocument doc = articles.render(request.markdown());
        return new PreviewResponse(doc.html(), doc.excerptHtml(), doc.formulas(), doc.diagnostics())
                .inForm(math.form());
    }

    @POST
    @Path("/import")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Import articles (admin)", description = "A JSON array in the seed fixture's format. "
            + "Idempotent: the same bundle twice creates no duplicates.")
    public ImportResult importArticles(@NotNull @Size(max = 5000) @Valid List<@NotNull @Valid ImportArticle> bundle) {
        return importer.importBundle(caller.get(), bundle);
    }
}
