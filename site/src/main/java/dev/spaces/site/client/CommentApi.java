package dev.spaces.site.client;

import dev.spaces.site.api.CommentThreads;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** comment-service's public API. Called only through {@link CommentReader}. */
@RegisterRestClient(configKey = "comment")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CommentApi {

    /** Approved threads, plus the caller's own pending comments when {@code authorization} carries their token. */
    @GET
    @Path("/articles/{id}/comments")
    CommentThreads threads(@PathParam("id") long articleId, @QueryParam("sort") String sort,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
                           @HeaderParam("Authorization") String authorization);

    /** Approved comments per article, for up to 100 articles. */
    @GET
    @Path("/comments/counts")
    Map<Long, Long> counts(@QueryParam("articleIds") String articleIds);

    // ---- comments: a signed-in reader's comment, with their access token (through CommentWriter, never retried)
    @POST
    @Path("/articles/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@PathParam("id") long articleId, NewComment comment,
                  @HeaderParam("Authorization") String authorization,
                  @HeaderParam("Accept-Language") String acceptLanguage,
                  @HeaderParam("X-Forwarded-For") String forwardedFor);

    /** The body comment-service takes: Markdown + LaTeX, and the comment it replies to. */
    record NewComment(String body, Long parentId) {
    }

    /** The comment rendered as posting it would render it (comment policy and limits), nothing stored. */
    @POST
    @Path("/comments/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Response preview(CommentText comment, @HeaderParam("Authorization") String authorization,
                     @HeaderParam("Accept-Language") String acceptLanguage);

    /** The body of a preview. */
    record CommentText(String body) {
    }
}
