package dev.spaces.content.site.rest;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.content.site.SiteSettingsService;
import dev.spaces.content.site.api.SiteSettingsRequest;
import dev.spaces.content.site.api.SiteSettingsResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Site")
public class SiteResource {

    private final SiteSettingsService site;
    private final CurrentCaller caller;

    public SiteResource(SiteSettingsService site, CurrentCaller caller) {
        this.site = site;
        this.caller = caller;
    }

    @GET
    @PublicCache
    @Operation(summary = "The site's settings", description = "Name, description, address, time zone, language, "
            + "licence and citation template, sponsor and participation blocks, FAQ (answers as Markdown and as "
            + "HTML). Public; strong ETag, 304 to If-None-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SiteSettingsResponse.class)))
    public SiteSettingsResponse get(@Valid @BeanParam MathFormParam math) {
        return site.get(math.form());
    }

    @PUT
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace the site's settings", description = "Admins only. Needs If-Match with the ETag "
            + "(or version) last read: 428 without it, 412 when stale. 422 lists each invalid field by its path "
            + "(e.g. license.citationTemplate, faq[2].answer). Emits site.updated.")
    @APIResponse(responseCode = "200", description = "The new settings; ETag is their version",
            content = @Content(schema = @Schema(implementation = SiteSettingsResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SiteSettingsResponse> replace(
            @Parameter(description = "ETag or version last read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SiteSettingsRequest request) {
        SiteSettingsResponse updated = site.replace(caller.get(), ifMatch, request);
        return RestResponse.ResponseBuilder.ok(updated).tag(new EntityTag(String.valueOf(updated.version()))).build();
    }
}
