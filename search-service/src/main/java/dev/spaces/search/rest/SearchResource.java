package dev.spaces.search.rest;

import dev.spaces.search.api.FormulaResult;
import dev.spaces.search.api.SearchResult;
import dev.spaces.search.api.Suggestions;
import dev.spaces.commons.http.EntityTags;
import dev.spaces.search.service.Answer;
import dev.spaces.search.service.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/search}, {@code /formulas}, {@code /suggest}. The first release mounted them one level deeper
 * ({@code /api/v1/search/search…}); those paths stay as undocumented aliases of the same methods so that existing
 * callers keep working. Parameters are validated by {@link SearchParameters}; with the result cache on, hits are
 * mostly answered before this class by {@link SearchHitRoute}, which must answer exactly as {@link #respond} does.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The matching articles, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchResult.class)))
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("category") String category,
                                @QueryParam("tag") String tag, @QueryParam("series") String series,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("sort") String sort, @QueryParam("page") Integer page,
                                @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(search.answer(SearchParameters.articles(q, category, tag, series, from, to, sort, page, size)),
                ifNoneMatch);
    }

    @GET
    @Path("/formulas")
    @APIResponse(responseCode = "200", description = "Articles with a matching formula",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FormulaResult.class)))
    public Uni<Response> formulas(@QueryParam("latex") String latex, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(search.answer(SearchParameters.formulas(latex, page, size)), ifNoneMatch);
    }

    @GET
    @Path("/suggest")
    @APIResponse(responseCode = "200", description = "Suggestions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Suggestions.class)))
    public Uni<Response> suggest(@QueryParam("q") String q, @QueryParam("size") Integer size,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(search.answer(SearchParameters.suggest(q, size)), ifNoneMatch);
    }

    @GET
    @Path("/search")
    @Operation(hidden = true)
    public Uni<Response> searchAlias(@QueryParam("q") String q, @QueryParam("category") String category,
                                     @QueryParam("tag") String tag, @QueryParam("series") String series,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("sort") String sort, @QueryParam("page") Integer page,
                                     @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return search(q, category, tag, series, from, to, sort, page, size, ifNoneMatch);
    }

    @GET
    @Path("/search/formulas")
    @Operation(hidden = true)
    public Uni<Response> formulasAlias(@QueryParam("latex") String latex, @QueryParam("page") Integer page,
                                       @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return formulas(latex, page, size, ifNoneMatch);
    }

    @GET
    @Path("/search/suggest")
    @Operation(hidden = true)
    public Uni<Response> suggestAlias(@QueryParam("q") String q, @QueryParam("size") Integer size,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return suggest(q, size, ifNoneMatch);
    }

    /**
     * The answer's bytes as they are (a Content-Length, one write) with their strong ETag, or 304 when the client
     * has them. Runs on the event loop: a cached answer never waits for a worker thread.
     */
    private static Uni<Response> respond(CompletionStage<Answer> answer, String ifNoneMatch) {
        // Mutiny unwraps the CompletionException, so the problem mappers see the service's own exception
        return Uni.createFrom().completionStage(answer).map(a -> EntityTags.matchesAny(ifNoneMatch, a.etag())
                ? Response.notModified().header(HttpHeaders.ETAG, a.etag()).build()
                : Response.ok(a.json(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, a.etag()).build());
    }
}
