package dev.spaces.content.page.rest;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.commons.validation.Slug;
import dev.spaces.content.page.PageService;
import dev.spaces.content.page.api.PageRequest;
import dev.spaces.content.page.api.PageResponse;
import dev.spaces.content.page.api.PageSummary;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pages")
public class PageResource {

    private final PageService pages;
    private final CurrentCaller caller;

    public PageResource(PageService pages, CurrentCaller caller) {
        this.pages = pages;
        this.caller = caller;
    }

    @GET
    @PublicCache
    @Operation(summary = "List pages in menu order", description = "Published pages by default (menuOrder "
            + "ascending, pages outside the menu last). status=draft or status=all need the editor or admin role.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PageSummary[].class)))
    @APIResponse(responseCode = "403", description = "Drafts asked for without the editor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PageSummary> list(@QueryParam("status") @DefaultValue("published")
                                  @Pattern(regexp = "published|draft|all", message = "must be published, draft or all")
                                  String status) {
        return pages.list(caller.get(), PageService.Filter.valueOf(status.toUpperCase()));
    }

    @GET
    @Path("/{slug}")
    @PublicCache
    @Operation(summary = "Page by slug", description = "HTML with formulas as MathML (?math=tex for TeX). Drafts are "
            + "404 unless the caller is an editor or admin, who also get the Markdown.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such published page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse get(@PathParam("slug") @Slug String slug, @Valid @BeanParam MathFormParam math) {
        return pages.get(caller.get(), slug, math.form());
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a page", description = "Editors and admins. A published page's formulas must "
            + "parse (422 invalid-latex lists them); drafts keep them in diagnostics. Emits page.published when "
            + "created published.")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "409", description = "Slug taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields or formulas",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PageResponse> create(@NotNull @Valid PageRequest request) {
        PageResponse created = pages.create(caller.get(), request);
        return RestResponse.ResponseBuilder.<PageResponse>created(URI.create("/api/v1/pages/" + created.slug()))
                .entity(created).tag(versionTag(created)).build();
    }

    @PUT
    @Path("/{slug}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace a page", description = "Editors and admins; If-Match with the ETag (or version) "
            + "last read: 428 without it, 412 when stale. status moves it between draft and published (events "
            + "page.published, page.updated, page.unpublished).")
    @APIResponse(responseCode = "200", description = "The page; ETag is its version",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PageResponse> update(@PathParam("slug") @Slug String slug,
                                             @HeaderParam("If-Match") String ifMatch,
                                             @NotNull @Valid PageRequest request) {
        PageResponse updated = pages.update(caller.get(), slug, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(updated).tag(versionTag(updated)).build();
    }

    @DELETE
    @Path("/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a page", description = "Editors and admins; If-Match as for PUT. Emits "
            + "page.deleted when the page was published.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("slug") @Slug String slug, @HeaderParam("If-Match") String ifMatch) {
        pages.delete(caller.get(), slug, ifMatch);
    }

    private static EntityTag versionTag(PageResponse page) {
        return new EntityTag(String.valueOf(page.version()));
    }
}
