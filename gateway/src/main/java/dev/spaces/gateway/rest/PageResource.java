package dev.spaces.gateway.rest;

import dev.spaces.commons.problem.Problem;
import dev.spaces.gateway.api.ArticlePage;
import dev.spaces.gateway.service.PageComposer;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

@Path("/api/v1/articles/{id}/page")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gateway")
public class PageResource {

    private final PageComposer composer;

    public PageResource(PageComposer composer) {
        this.composer = composer;
    }

    @GET
    @Operation(summary = "Article page in one round trip",
            description = "Article (with series previous/next), approved comment count and related articles, fetched "
                    + "in parallel. A part that fails is left out and named in `degraded`; only a failing article fails "
                    + "the page.")
    @APIResponse(responseCode = "200", description = "The composed article page",
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "404", description = "No such published article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> page(@PathParam("id") @Min(1) long id,
                                          @HeaderParam("Authorization") String authorization,
                                          @HeaderParam(RequestIds.HEADER) String requestId) {
        return composer.compose(id, authorization, requestId).map(composed -> {
            if (composed.upstreamAnswer() != null) {
                var answer = composed.upstreamAnswer();
                Response.ResponseBuilder builder = Response.status(answer.status()).entity(answer.body().getBytes());
                String type = answer.headers().get("Content-Type");
                if (type != null) {
                    builder.type(type);
                }
                return builder.build();
            }
            ArticlePage page = composed.page();
            // personal or partial pages are not for shared caches
            String cacheControl = authorization != null ? "private, no-store"
                    : page.degraded().isEmpty() ? "public, max-age=30" : "no-store";
            return Response.ok(page).header("Cache-Control", cacheControl).build();
        }).toCompletionStage();
    }
}
