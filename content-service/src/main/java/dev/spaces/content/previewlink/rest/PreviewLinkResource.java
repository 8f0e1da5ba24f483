package dev.spaces.content.previewlink.rest;

import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.content.previewlink.PreviewLinkService;
import dev.spaces.content.previewlink.api.PreviewLinkRequest;
import dev.spaces.content.previewlink.api.PreviewLinkResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/** Managing an article's preview links: its author, editors and admins. */
@Path("/api/v1/articles/{id}/preview-links")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Preview links")
public class PreviewLinkResource {

    private final PreviewLinkService links;
    private final CurrentCaller caller;

    public PreviewLinkResource(PreviewLinkService links, CurrentCaller caller) {
        this.links = links;
        this.caller = caller;
    }

    @POST
    // no @Consumes: a bare POST (no body, no Content-Type, as curl -X POST sends it) asks for the default expiry
    @Operation(summary = "Share the article's current state by link", description = "Anyone with the link reads "
            + "the article as it is when they open it (drafts included), without an account, until expiresAt "
            + "(default 7 days, at most 30) or until revoked. The article's author, editors and admins.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PreviewLinkResponse.class)))
    @APIResponse(responseCode = "403", description = "Another author's published article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such article, or another author's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "expiresAt in the past or more than 30 days ahead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PreviewLinkResponse> create(@PathParam("id") long id,
                                                    @RequestBody(required = false, description = "Only to choose the expiry: {expiresAt}. No body: 7 days.")
                                                    @Valid PreviewLinkRequest request) {
        PreviewLinkResponse created = links.create(caller.get(), id, request);
        return RestResponse.ResponseBuilder.<PreviewLinkResponse>created(
                URI.create("/api/v1/articles/" + id + "/preview-links/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The article's preview links that still work", description = "Newest first; expired and "
            + "revoked ones are left out.")
    public List<PreviewLinkResponse> active(@PathParam("id") long id) {
        return links.active(caller.get(), id);
    }

    @DELETE
    @Path("/{linkId}")
    @Operation(summary = "Revoke a preview link", description = "It stops working at once (410 from then on).")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        links.revoke(caller.get(), id, linkId);
    }
}
