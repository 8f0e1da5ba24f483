package dev.spaces.comment.rest;

import dev.spaces.comment.api.CommentCreateRequest;
import dev.spaces.comment.api.CommentPreviewRequest;
import dev.spaces.comment.api.CommentPreviewResponse;
import dev.spaces.comment.api.CommentResponse;
import dev.spaces.comment.api.CommentThreadPage;
import dev.spaces.comment.api.CommentUpdateRequest;
import dev.spaces.comment.api.RecentComment;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.comment.service.CommentService;
import dev.spaces.comment.service.ReportService;
import dev.spaces.comment.api.ReportRequest;
import dev.spaces.comment.api.ReportResponse;
import dev.spaces.commons.http.ClientAddresses;
import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.CurrentCaller;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    private final CommentService comments;
    private final ReportService reports;
    private final CurrentCaller caller;
    private final ClientAddresses clientAddresses;

    public CommentResource(CommentService comments, ReportService reports, CurrentCaller caller,
                           CommentConfig config) {
        this.comments = comments;
        this.reports = reports;
        this.caller = caller;
        this.clientAddresses = new ClientAddresses(config.views().trustedProxies());
    }

    @GET
    @Path("/articles/{articleId}/comments")
    @PublicCache
    @Operation(summary = "Approved comments of a published article as threads", description = "Cursor pagination over "
            + "top-level threads; replies nest to depth 3, deeper ones are flattened with replyTo. A signed-in "
            + "member also sees their own pending comments.")
    public CommentThreadPage threads(@PathParam("articleId") long articleId,
                                     @QueryParam("sort") @DefaultValue("oldest")
                                     @Pattern(regexp = "oldest|newest|top", message = "must be oldest, newest or top")
                                     String sort,
                                     @QueryParam("cursor") @Size(max = 200) String cursor,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                     @Valid @BeanParam MathFormParam math) {
        return comments.threads(caller.get(), articleId, sort, cursor, limit).inForm(math.form());
    }

    @POST
    @Path("/articles/{articleId}/comments")
    @Operation(summary = "Comment on a published article", description = "Members (guests only when enabled). The "
            + "answer's status says whether it is approved or waits for moderation.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "429", description = "Rate limited; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(@PathParam("articleId") long articleId, @NotNull @Valid CommentCreateRequest request,
                         @Context HttpServerRequest http, @HeaderParam("X-Forwarded-For") String forwardedFor) {
        String remote = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        String network = ClientAddresses.networkKey(clientAddresses.resolve(remote, forwardedFor));
        CommentService.Posted posted = comments.post(caller.get(), articleId, request, network);
        if (!posted.stored()) {
            return Response.accepted(Map.of("status", "pending")).build();
        }
        return Response.created(URI.create("/api/v1/comments/" + posted.comment().id())).entity(posted.comment()).build();
    }

    @POST
    @Path("/comments/preview")
    @Operation(summary = "Render a comment without posting it", description = "The HTML the comment would get, under "
            + "the comment policy and limits, and a diagnostic for every formula that does not parse. Members (guests "
            + "too when guest comments are enabled); nothing is stored.")
    public CommentPreviewResponse preview(@NotNull @Valid CommentPreviewRequest request,
                                          @Valid @BeanParam MathFormParam math) {
        var doc = comments.preview(caller.get(), request.body());
        return new CommentPreviewResponse(doc.html(), doc.diagnostics()).inForm(math.form());
    }

    @PATCH
    @Path("/comments/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Edit your comment within 15 minutes (history kept for moderators)")
    public CommentResponse edit(@PathParam("id") long id, @NotNull @Valid CommentUpdateRequest request) {
        return comments.edit(caller.get(), id, request.body());
    }

    @DELETE
    @Path("/comments/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a comment (author or moderator); replies stay, the body disappears")
    public void delete(@PathParam("id") long id) {
        comments.delete(caller.get(), id);
    }

    @POST
    @Path("/comments/{id}/reports")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Report an approved comment to the moderators",
            description = "One open report per member and comment: reporting again while yours is open changes "
                    + "nothing and answers 200 with your first report (its reason stays). Reports close when a "
                    + "moderator keeps, rejects or marks the comment as spam.")
    @APIResponse(responseCode = "201", description = "Reported",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "200", description = "Already reported by you and still open; nothing changed",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "429", description = "Too many reports; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") long id, @NotNull @Valid ReportRequest request) {
        ReportService.Filed filed = reports.report(caller.get(), id, request);
        return filed.created()
                ? Response.created(URI.create("/api/v1/comments/" + id + "/reports/" + filed.report().id()))
                .entity(filed.report()).build()
                : Response.ok(filed.report()).build();
    }

    @PUT
    @Path("/comments/{id}/vote")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Vote for a comment (once; not your own)")
    public Map<String, Integer> vote(@PathParam("id") long id) {
        return Map.of("votes", comments.vote(caller.get(), id, true));
    }

    @DELETE
    @Path("/comments/{id}/vote")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Withdraw your vote")
    public Map<String, Integer> unvote(@PathParam("id") long id) {
        return Map.of("votes", comments.vote(caller.get(), id, false));
    }

    @GET
    @Path("/comments/recent")
    @PublicCache
    @Operation(summary = "Newest approved comments across the site")
    public List<RecentComment> recent(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return comments.recent(limit);
    }

    @GET
    @Path("/comments/counts")
    @PublicCache
    @Operation(summary = "Approved comment counts for up to 100 articles", description = "articleIds=1,2,3")
    public Map<Long, Long> counts(@QueryParam("articleIds") @NotNull @Size(max = 2000) String articleIds) {
        List<Long> ids;
        try {
            ids = Arrays.stream(articleIds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Long::parseLong).distinct().toList();
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("articleIds must be comma-separated numbers");
        }
        if (ids.isEmpty() || ids.size() > 100) {
            throw ProblemException.badRequest("articleIds must list 1 to 100 ids");
        }
        return comments.counts(ids);
    }
}
