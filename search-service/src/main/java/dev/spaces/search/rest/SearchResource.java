package dev.spaces.search.rest;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.rest.dto.FormulaResult;
import dev.spaces.search.rest.dto.SearchResult;
import dev.spaces.search.rest.dto.Suggestions;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/search}, {@code /formulas}, {@code /suggest}. The first release mounted them one level deeper
 * ({@code /api/v1/search/search…}); those paths stay as undocumented aliases of the same methods so that existing
 * callers keep working.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_QUERY_CHARS = 200;
    static final int MAX_FORMULA_CHARS = 500;
    static final int MAX_PAGE_SIZE = 50;
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchResult.class)))
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("category") String category,
                                @QueryParam("tag") String tag, @QueryParam("series") String series,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("sort") String sort, @QueryParam("page") Integer page,
                                @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_CHARS) {
            throw ProblemException.invalidField("q", "At most " + MAX_QUERY_CHARS + " characters");
        }
        SearchService.Filters filters = new SearchService.Filters(slug("category", category), slug("tag", tag),
                slug("series", series), date("from", from), date("to", to));
        if (query.isEmpty() && filters.category() == null && filters.tag() == null && filters.series() == null
                && filters.from() == null && filters.to() == null) {
            throw ProblemException.invalidField("q", "Give a query or a filter");
        }
        int[] paging = paging(page, size);
        return respond(search.search(query, filters, sort(sort), paging[0], paging[1]), ifNoneMatch);
    }

    @GET
    @Path("/formulas")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FormulaResult.class)))
    public Uni<Response> formulas(@QueryParam("latex") String latex, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (latex == null || latex.isBlank()) {
            throw ProblemException.invalidField("latex", "Give a formula");
        }
        if (latex.length() > MAX_FORMULA_CHARS) {
            throw ProblemException.invalidField("latex", "At most " + MAX_FORMULA_CHARS + " characters");
        }
        int[] paging = paging(page, size);
        String formula = latex.strip();
        if (formula.length() >= 2 && formula.startsWith("$") && formula.endsWith("$")) {
            formula = formula.replaceAll("^\\$+|\\$+$", "");
        }
        return respond(search.formulas(formula, paging[0], paging[1]), ifNoneMatch);
    }

    @GET
    @Path("/suggest")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Suggestions.class)))
    public Uni<Response> suggest(@QueryParam("q") String q, @QueryParam("size") Integer size,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String prefix = q == null ? "" : q.strip();
        if (prefix.isEmpty()) {
            throw ProblemException.invalidField("q", "Give the beginning of a title");
        }
        if (prefix.length() > 50) {
            throw ProblemException.invalidField("q", "At most 50 characters");
        }
        int limit = size == null ? 8 : size;
        if (limit < 1 || limit > 20) {
            throw ProblemException.invalidField("size", "Between 1 and 20");
        }
        return respond(search.suggest(prefix, limit), ifNoneMatch);
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

    private static int[] paging(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? 10 : size;
        if (p < 1) {
            throw ProblemException.invalidField("page", "Pages start at 1");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "Between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) p * s > MAX_RESULT_WINDOW) {
            throw ProblemException.invalidField("page", "Results go no further than " + MAX_RESULT_WINDOW);
        }
        return new int[]{p, s};
    }

    private static String slug(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SLUG.matcher(value).matches()) {
            throw ProblemException.invalidField(field, "Not a slug");
        }
        return value;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "A date as yyyy-mm-dd");
        }
    }

    private static SearchService.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return Arrays.stream(SearchService.Sort.values()).filter(s -> s.name().equals(sort)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("sort", "One of relevance, date, reads"));
    }
}
