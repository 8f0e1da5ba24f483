package dev.spaces.content.article.rest;

import dev.spaces.commons.http.ClientAddresses;
import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.commons.validation.Slug;
import dev.spaces.content.article.ArticleQuery;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.article.api.ArticleCreateRequest;
import dev.spaces.content.article.api.ArticleResponse;
import dev.spaces.content.article.api.ArticleSummary;
import dev.spaces.content.article.api.PublishRequest;
import dev.spaces.content.article.api.RevisionResponse;
import dev.spaces.content.citation.CitationFormat;
import dev.spaces.content.citation.CitationService;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.common.rest.Responses;
import dev.spaces.content.reads.ReadCounter;
import dev.spaces.content.searchdoc.SearchDocumentService;
import dev.spaces.content.searchdoc.api.SearchDocument;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleService articles;
    private final SearchDocumentService searchDocuments;
    private final CitationService citations;
    private final ReadCounter readCounter;
    private final CurrentCaller caller;
    private final ContentConfig config;
    private final ClientAddresses clientAddresses;

    public ArticleResource(ArticleService articles, SearchDocumentService searchDocuments, CitationService citations,
                           ReadCounter readCounter, CurrentCaller caller, ContentConfig config) {
        this.articles = articles;
        this.searchDocuments = searchDocuments;
        this.citations = citations;
        this.readCounter = readCounter;
        this.caller = caller;
        this.config = config;
        this.clientAddresses = new ClientAddresses(config.views().trustedProxies());
    }

    @GET
    @PublicCache
    @Operation(summary = "List articles", description = "Published articles, newest first by default; with a token, "
            + "authors and editors may list drafts/scheduled/archived via status. Link header carries first/prev/next/last.")
    public RestResponse<PageResponse<ArticleSummary>> list(@QueryParam("page") @DefaultValue("1") @Min(1) int page,
                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                         @QueryParam("category") @Slug String category,
                         @QueryParam("tag") @Slug String tag,
                         @QueryParam("series") @Slug String series,
                         @QueryParam("year") @Min(1900) @Max(9999) Integer year,
                         @QueryParam("month") @Min(1) @Max(12) Integer month,
                         @QueryParam("sort") @DefaultValue("published") @Pattern(regexp = "published|reads|updated",
                                 message = "must be published, reads or updated") String sort,
                         @QueryParam("status") @Pattern(regexp = "draft|scheduled|published|archived",
                                 message = "must be draft, scheduled, published or archived") String status,
                         @QueryParam("author") @Pattern(regexp = "me|[A-Za-z0-9._@-]{1,255}",
                                 message = "must be me or an author id") @Parameter(description = "An author's id "
                                 + "(author.id of an article), or me: the caller's own articles (needs a token)")
                         String author,
                         @QueryParam("q") @Size(max = 200) @Parameter(description = "Part of the title or slug, "
                                 + "any case (drafts included; full-text search is /api/v1/search)") String text,
                         @Valid @BeanParam MathFormParam math,
                         @Context UriInfo uri) {
        if (month != null && year == null) {
            throw ProblemException.badRequest("month needs year");
        }
        Caller who = caller.get();
        if ("me".equals(author) && !who.authenticated()) {
            throw new ProblemException(401, "unauthorized", "Sign in first", "author=me lists the caller's own "
                    + "articles: send a bearer token");
        }
        ZoneId zone = config.timeZone();
        LocalDate start = year == null ? null : LocalDate.of(year, month == null ? 1 : month, 1);
        LocalDate end = start == null ? null : (month == null ? start.plusYears(1) : start.plusMonths(1));
        ArticleQuery query = new ArticleQuery(category, tag, series,
                start == null ? null : start.atStartOfDay(zone).toInstant(),
                end == null ? null : end.atStartOfDay(zone).toInstant(),
                status == null ? null : ArticleStatus.valueOf(status.toUpperCase()),
                "me".equals(author) ? who.subject() : author, text, ArticleQuery.Order.valueOf(sort.toUpperCase()));
        PageResponse<ArticleSummary> result = articles.list(who, query, page, size);
        return Responses.page(result.map(summary -> summary.inForm(math.form())), uri);
    }

    @GET
    @Path("/popular")
    @PublicCache
    @Operation(summary = "Most read published articles over the last N days")
    public List<ArticleSummary> popular(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(3650) int days,
                            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
                            @Valid @BeanParam MathFormParam math) {
        return articles.popular(days, limit).items().stream().map(summary -> summary.inForm(math.form())).toList();
    }

    @GET
    @Path("/{id}")
    @PublicCache
    @Operation(summary = "Article by id", description = "Full article: HTML, formulas, series navigation, tags, "
            + "category, reads and citation link. Unpublished articles are 404 unless the caller may edit them.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such published article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleResponse get(@PathParam("id") long id, @Valid @BeanParam MathFormParam math) {
        return articles.get(caller.get(), id).inForm(math.form());
    }

    @GET
    @Path("/slug/{slug}")
    @PublicCache
    @Operation(summary = "Article by slug")
    public ArticleResponse bySlug(@PathParam("slug") @Slug String slug, @Valid @BeanParam MathFormParam math) {
        return articles.getBySlug(caller.get(), slug).inForm(math.form());
    }

    @GET
    @Path("/{id}/related")
    @PublicCache
    @Operation(summary = "Related published articles (shared series, tags, category)")
    public List<ArticleSummary> related(@PathParam("id") long id,
                                        @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                        @Valid @BeanParam MathFormParam math) {
        return articles.related(caller.get(), id, limit).stream().map(summary -> summary.inForm(math.form()))
                .toList();
    }

    @GET
    @Path("/{id}/search-document")
    @Operation(summary = "Search-index document of a published article", description = "Plain text, formulas, "
            + "excerpt and taxonomy as the search service indexes them. Anything not published is 404, whoever asks.")
    @APIResponse(responseCode = "404", description = "No such published article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = SearchDocument.class)))
    public RestResponse<SearchDocument> searchDocument(@PathParam("id") long id) {
        return Responses.fresh(searchDocuments.document(id));
    }

    @GET
    @Path("/{id}/citation")
    @PublicCache
    @Produces({MediaType.TEXT_PLAIN, "application/x-bibtex", "application/x-biblatex",
            "application/x-research-info-systems", "application/vnd.citationstyles.csl+json", "text/x-gbt7714"})
    @Operation(summary = "Cite the article", description = "format=text|bibtex|biblatex|ris|csl-json|gbt7714, or by Accept")
    public Response citation(@PathParam("id") long id, @QueryParam("format") String format,
                             @Context HttpHeaders headers) {
        CitationFormat chosen = chooseFormat(format, headers);
        String body = citations.cite(caller.get(), id, chosen);
        return Response.ok(body).type(chosen.mediaType() + "; charset=UTF-8").header("Vary", "Accept").build();
    }

    @POST
    @Path("/{id}/views")
    @Operation(summary = "Count a read", description = "Once per visitor per 30 minutes; bots never count")
    public RestResponse<Map<String, Boolean>> view(@PathParam("id") long id, @Context HttpServerRequest request,
                         @HeaderParam("User-Agent") String userAgent,
                         @HeaderParam("X-Forwarded-For") String forwardedFor) {
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        boolean counted = readCounter.record(id, clientAddresses.resolve(remote, forwardedFor), userAgent);
        return RestResponse.accepted(Map.of("counted", counted));
    }

    // ---- writes

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a draft", description = "Authors, editors and admins. Bad LaTeX is allowed in "
            + "drafts and reported in diagnostics.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ArticleResponse> create(@NotNull @Valid ArticleCreateRequest request, @Context UriInfo uri) {
        ArticleResponse created = articles.create(caller.get(), request);
        return RestResponse.ResponseBuilder.<ArticleResponse>created(URI.create("/api/v1/articles/" + created.id()))
                .entity(created).tag(versionTag(created)).build();
    }

    @PUT
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace an article", description = "Needs If-Match with the ETag (or version) last read: "
            + "428 without it, 412 when stale.")
    public RestResponse<ArticleResponse> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ArticleCreateRequest request) {
        ArticleResponse updated = articles.update(caller.get(), id, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(updated).tag(versionTag(updated)).build();
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Archive an article (it leaves the public site; nothing is erased)")
    @APIResponse(responseCode = "204", description = "Archived")
    public void archive(@PathParam("id") long id) {
        articles.archive(caller.get(), id);
    }

    @POST
    @Path("/{id}/publish")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Publish now, or schedule with publishAt", description = "422 lists every formula that "
            + "does not parse")
    public RestResponse<ArticleResponse> publish(@PathParam("id") long id,
                                                 @RequestBody(required = false, description = "Only to schedule: "
                                                         + "{publishAt}. No body publishes now.")
                                                 @Valid PublishRequest request) {
        ArticleResponse published = articles.publish(caller.get(), id, request);
        return RestResponse.ResponseBuilder.ok(published).tag(versionTag(published)).build();
    }

    @POST
    @Path("/{id}/unpublish")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Return a published or scheduled article to draft")
    public RestResponse<ArticleResponse> unpublish(@PathParam("id") long id) {
        ArticleResponse draft = articles.unpublish(caller.get(), id);
        return RestResponse.ResponseBuilder.ok(draft).tag(versionTag(draft)).build();
    }

    @GET
    @Path("/{id}/revisions")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Saved revisions, newest first")
    public List<RevisionResponse> revisions(@PathParam("id") long id) {
        return articles.revisions(caller.get(), id);
    }

    @GET
    @Path("/{id}/revisions/{n}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "One revision with its source")
    public RevisionResponse revision(@PathParam("id") long id, @PathParam("n") @Min(1) int number) {
        return articles.revision(caller.get(), id, number);
    }

    @POST
    @Path("/{id}/revisions/{n}/restore")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Make a revision's title and source current again (saved as a new revision)",
            description = "If-Match is optional; when sent it must name the article's current ETag (or version), "
                    + "else 412 and nothing changes.")
    @APIResponse(responseCode = "200", description = "Restored; the ETag is the new version",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such article or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A published article's restored source has formulas that do "
            + "not parse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ArticleResponse> restore(@PathParam("id") long id, @PathParam("n") @Min(1) int number,
                                                 @Parameter(description = "The ETag (or version) last read; "
                                                         + "optional") @HeaderParam("If-Match") String ifMatch) {
        ArticleResponse restored = articles.restore(caller.get(), id, number, ifMatch);
        return RestResponse.ResponseBuilder.ok(restored).tag(versionTag(restored)).build();
    }

    private static jakarta.ws.rs.core.EntityTag versionTag(ArticleResponse article) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(article.version()));
    }

    private static CitationFormat chooseFormat(String format, HttpHeaders headers) {
        if (format != null) {
            return CitationFormat.byParameter(format).orElseThrow(() -> ProblemException.badRequest(
                    "format must be one of text, bibtex, biblatex, ris, csl-json, gbt7714"));
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            var match = CitationFormat.byMediaType(accepted.getType() + "/" + accepted.getSubtype());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return CitationFormat.TEXT;
    }
}
