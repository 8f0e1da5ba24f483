package dev.spaces.site.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.site.api.ProblemDetail;
import dev.spaces.site.config.ClientsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A signed-in reader's comment, sent to comment-service with their access token. Guarded like every call (timeout,
 * breaker) but with its own policy, {@code spaces.clients.comment-writes}, whose retries are 0: a POST that timed out
 * may have been stored, and sending it again would post the comment twice.
 * <p>
 * A refusal (4xx) is the reader's business, not a failure of the service: it comes back as an {@link Outcome} with
 * the problem's words, so that the form can show them with the text kept, and it does not count against the breaker.
 * 5xx, timeouts and an open breaker are {@link UpstreamUnavailable}.
 */
@ApplicationScoped
public class CommentWriter {

    private final CommentApi api;
    private final GuardedCalls calls;
    private final ObjectMapper json;

    public CommentWriter(@RestClient CommentApi api, ClientsConfig clients, ObjectMapper json) {
        this.api = api;
        this.calls = new GuardedCalls("comment-service", clients.commentWrites());
        this.json = json;
    }

    /**
     * What came of a post: {@code status} 201 with the new comment's id (null when the service accepted it without
     * storing it, 202); or a refusal's status with its problem and, for 429, the seconds to wait.
     */
    public record Outcome(int status, Long commentId, ProblemDetail problem, Long retryAfterSeconds) {

        public boolean posted() {
            return status == 201 || status == 202;
        }
    }

    /**
     * @param forwardedFor the reader's address chain as the gateway gave it, so that comment-service limits each
     *                     reader's network rather than the site's
     */
    public Outcome post(long articleId, String body, Long parentId, String accessToken, String forwardedFor) {
        return calls.call("a new comment on article " + articleId, () -> {
            // Chinese field messages: the reader sees them as they are
            return outcome(answer(() -> api.post(articleId, new CommentApi.NewComment(body, parentId),
                    "Bearer " + accessToken, "zh-CN", forwardedFor)));
        });
    }

    /** A preview: the rendered HTML (status 200), or a refusal's status and problem (422 too long, 401…). */
    public record Preview(int status, String html, ProblemDetail problem) {

        public boolean rendered() {
            return status == 200;
        }
    }

    /**
     * The comment rendered by comment-service as posting it would render it: its comment policy (what a comment may
     * contain) and its limits, so the preview shows what will be posted. Saves nothing; sent once like a post.
     */
    public Preview preview(String body, String accessToken) {
        return calls.call("a comment preview", () -> {
            Response response = answer(() -> api.preview(new CommentApi.CommentText(body), "Bearer " + accessToken,
                    "zh-CN"));
            int status = response.getStatus();
            if (status >= 500) {
                throw new WebApplicationException(response);
            }
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status == 200) {
                return new Preview(status, read(text).path("html").asText(""), null);
            }
            return new Preview(status, null, problem(text, status));
        });
    }

    /** The service's answer whatever its status (the REST client throws for 4xx and 5xx). */
    private static Response answer(java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private Outcome outcome(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            throw new WebApplicationException(response); // GuardedCalls: the service failed, the breaker counts it
        }
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status == 201 || status == 202) {
            JsonNode id = read(text).path("id");
            return new Outcome(status, id.isNumber() ? id.asLong() : null, null, null);
        }
        ProblemDetail problem = problem(text, status);
        Long wait = null;
        if (status == 429) {
            wait = retryAfter(response.getHeaderString("Retry-After"));
        }
        return new Outcome(status, null, problem, wait);
    }

    private ProblemDetail problem(String text, int status) {
        try {
            ProblemDetail problem = json.readValue(text, ProblemDetail.class);
            return problem == null ? new ProblemDetail(null, status, null, null) : problem;
        } catch (Exception e) {
            return new ProblemDetail(null, status, null, null); // not a problem document: the status says enough
        }
    }

    private JsonNode read(String text) {
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    /** Retry-After in seconds (RFC 9110 also allows a date; comment-service sends seconds). */
    static Long retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
