package dev.spaces.content.searchdoc.rest;

import dev.spaces.content.common.rest.Responses;
import dev.spaces.content.searchdoc.SearchDocumentService;
import dev.spaces.content.searchdoc.api.ArticleVersion;
import dev.spaces.content.searchdoc.api.KeysetPage;
import dev.spaces.content.searchdoc.api.SearchDocument;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Keyset feeds of published articles for the search index: full documents for (re)indexing, and a light
 * id/version/reads listing for reconciliation. Query parameters are taken as text so that a non-number is a
 * 400 problem (JAX-RS would answer an unconvertible query parameter with 404).
 */
@Path("/api/v1/search-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search documents")
public class SearchDocumentResource {

    static final String ID = "0|[1-9][0-9]{0,17}";
    static final String ID_MESSAGE = "must be a non-negative integer";

    private final SearchDocumentService documents;

    public SearchDocumentResource(SearchDocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Operation(summary = "Published articles as search documents, ascending by id",
            description = "Pass the previous page's next as after; next is null on the last page.")
    public RestResponse<KeysetPage<SearchDocument>> documents(
            @Parameter(description = "return ids greater than this", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("after") @DefaultValue("0") @Pattern(regexp = ID, message = ID_MESSAGE) String after,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam("size") @DefaultValue("100") @Pattern(regexp = "[0-9]{1,9}", message = "must be a number")
            @Min(1) @Max(500) String size) {
        KeysetPage<SearchDocument> page = documents.documents(Long.parseLong(after), Integer.parseInt(size));
        return Responses.fresh(page);
    }

    @GET
    @Path("/versions")
    @Operation(summary = "id, version and reads of every published article, ascending by id",
            description = "What a reconcile job diffs its index against; pass next as after.")
    public RestResponse<KeysetPage<ArticleVersion>> versions(
            @Parameter(description = "return ids greater than this", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("after") @DefaultValue("0") @Pattern(regexp = ID, message = ID_MESSAGE) String after,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1000"))
            @QueryParam("size") @DefaultValue("1000") @Pattern(regexp = "[0-9]{1,9}", message = "must be a number")
            @Min(1) @Max(10000) String size) {
        KeysetPage<ArticleVersion> page = documents.versions(Long.parseLong(after), Integer.parseInt(size));
        return Responses.fresh(page);
    }

}
