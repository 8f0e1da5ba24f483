package dev.spaces.content.taxonomy.rest;

import dev.spaces.content.common.rest.Responses;
import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.commons.validation.Slug;
import dev.spaces.content.taxonomy.TaxonomyService;
import dev.spaces.content.taxonomy.api.ArchiveEntry;
import dev.spaces.content.taxonomy.api.CategoryRequest;
import dev.spaces.content.taxonomy.api.CategoryResponse;
import dev.spaces.content.taxonomy.api.SeriesRequest;
import dev.spaces.content.taxonomy.api.SeriesPartsRequest;
import dev.spaces.content.taxonomy.api.SeriesPartsResponse;
import dev.spaces.content.taxonomy.api.SeriesResponse;
import dev.spaces.commons.problem.Problem;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.EntityTag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.spaces.content.taxonomy.api.TagRequest;
import dev.spaces.content.taxonomy.api.TagResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Categories, tags (the tag cloud), series and the month archive; changes are for editors and admins. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Taxonomy")
public class TaxonomyResource {

    private final TaxonomyService taxonomy;
    private final CurrentCaller caller;

    public TaxonomyResource(TaxonomyService taxonomy, CurrentCaller caller) {
        this.taxonomy = taxonomy;
        this.caller = caller;
    }

    @GET
    @Path("/categories")
    @PublicCache
    @Operation(summary = "Categories with their published article counts")
    public List<CategoryResponse> categories() {
        return taxonomy.categories();
    }

    @POST
    @Path("/categories")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public RestResponse<CategoryResponse> createCategory(@NotNull @Valid CategoryRequest request) {
        CategoryResponse created = taxonomy.createCategory(caller.get(), request);
        return Responses.created("/api/v1/categories/" + created.slug(), created);
    }

    @PUT
    @Path("/categories/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public CategoryResponse updateCategory(@PathParam("slug") @Slug String slug, @NotNull @Valid CategoryRequest request) {
        return taxonomy.updateCategory(caller.get(), slug, request);
    }

    @DELETE
    @Path("/categories/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an empty category (409 while articles use it)")
    public void deleteCategory(@PathParam("slug") @Slug String slug) {
        taxonomy.deleteCategory(caller.get(), slug);
    }

    @GET
    @Path("/tags")
    @PublicCache
    @Operation(summary = "Tag cloud: tags with published article counts, most used first")
    public List<TagResponse> tags() {
        return taxonomy.tags();
    }

    @POST
    @Path("/tags")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public RestResponse<TagResponse> createTag(@NotNull @Valid TagRequest request) {
        TagResponse created = taxonomy.createTag(caller.get(), request);
        return Responses.created("/api/v1/tags/" + created.slug(), created);
    }

    @PUT
    @Path("/tags/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public TagResponse updateTag(@PathParam("slug") @Slug String slug, @NotNull @Valid TagRequest request) {
        return taxonomy.updateTag(caller.get(), slug, request);
    }

    @DELETE
    @Path("/tags/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a tag and remove it from its articles")
    public void deleteTag(@PathParam("slug") @Slug String slug) {
        taxonomy.deleteTag(caller.get(), slug);
    }

    @GET
    @Path("/series")
    @PublicCache
    @Operation(summary = "Series with their published part counts")
    public List<SeriesResponse> series() {
        return taxonomy.seriesList();
    }

    @GET
    @Path("/series/{slug}")
    @PublicCache
    @Operation(summary = "A series with its published parts in reading order")
    public SeriesResponse seriesBySlug(@PathParam("slug") @Slug String slug) {
        return taxonomy.seriesBySlug(slug);
    }

    @POST
    @Path("/series")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public RestResponse<SeriesResponse> createSeries(@NotNull @Valid SeriesRequest request) {
        SeriesResponse created = taxonomy.createSeries(caller.get(), request);
        return Responses.created("/api/v1/series/" + created.slug(), created);
    }

    @PUT
    @Path("/series/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public SeriesResponse updateSeries(@PathParam("slug") @Slug String slug, @NotNull @Valid SeriesRequest request) {
        return taxonomy.updateSeries(caller.get(), slug, request);
    }

    @DELETE
    @Path("/series/{slug}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    public void deleteSeries(@PathParam("slug") @Slug String slug) {
        taxonomy.deleteSeries(caller.get(), slug);
    }

    @GET
    @Path("/series/{slug}/parts")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Every part of a series in reading order", description = "Editors and admins: drafts and "
            + "scheduled parts too, with their status. The ETag is the series version a reorder names in If-Match.")
    @APIResponse(responseCode = "200", description = "OK; ETag is the series version",
            content = @Content(schema = @Schema(implementation = SeriesPartsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SeriesPartsResponse> seriesParts(@PathParam("slug") @Slug String slug) {
        SeriesPartsResponse parts = taxonomy.seriesParts(caller.get(), slug);
        return RestResponse.ResponseBuilder.ok(parts).tag(new EntityTag(String.valueOf(parts.version()))).build();
    }

    @PUT
    @Path("/series/{slug}/parts")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Reorder a series' parts", description = "Editors and admins. The body lists exactly the "
            + "series' current parts in the new order (positions become 1..n); If-Match with the series version "
            + "last read: 428 without it, 412 when stale. Creates no article revision; published parts that moved "
            + "emit article.updated.")
    @APIResponse(responseCode = "200", description = "The new order; ETag is the series version",
            content = @Content(schema = @Schema(implementation = SeriesPartsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The ids are not exactly the series' current parts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SeriesPartsResponse> reorderSeries(@PathParam("slug") @Slug String slug,
                                                           @HeaderParam("If-Match") String ifMatch,
                                                           @NotNull @Valid SeriesPartsRequest request) {
        SeriesPartsResponse parts = taxonomy.reorderSeries(caller.get(), slug, ifMatch, request.articleIds());
        return RestResponse.ResponseBuilder.ok(parts).tag(new EntityTag(String.valueOf(parts.version()))).build();
    }

    @GET
    @Path("/archive")
    @PublicCache
    @Operation(summary = "Published article counts per month, newest first (site time zone)")
    public List<ArchiveEntry> archive() {
        return taxonomy.archive();
    }
}
