package dev.spaces.content.previewlink.rest;

import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.problem.Problem;
import dev.spaces.content.article.api.ArticleResponse;
import dev.spaces.content.previewlink.PreviewLinkService;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Opening a preview link: no account, no cache, no index. */
@Path("/api/v1/preview-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preview links")
public class OpenPreviewLinkResource {

    private final PreviewLinkService links;

    public OpenPreviewLinkResource(PreviewLinkService links) {
        this.links = links;
    }

    @GET
    @Path("/{token}")
    @Operation(summary = "The article a preview link shares, as it is now", description = "Public: the token is "
            + "the credential. Answers are private, no-store and noindex (X-Robots-Tag), and send no Referer, so "
            + "neither caches, search engines nor linked sites keep the draft or the token. 404 for a token that "
            + "was never issued (malformed, forged); 410 for one that expired or was revoked.")
    @APIResponse(responseCode = "200", description = "The article (no Markdown source)",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "404", description = "Not a preview link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired or revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ArticleResponse> open(@PathParam("token") String token,
                                              @Valid @BeanParam MathFormParam math) {
        ArticleResponse article = links.open(token).inForm(math.form());
        return RestResponse.ResponseBuilder.ok(article)
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
