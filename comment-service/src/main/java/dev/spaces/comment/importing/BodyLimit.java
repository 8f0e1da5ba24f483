package dev.spaces.comment.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Quarkus has one body limit for every path (quarkus.http.limits.max-body-size), and the comment import takes a whole
 * blog's comments. So the global limit is the import's, and this first handler gives every other path its old limit
 * back: a body announced larger than {@code spaces.comment-import.other-paths-max-body-size} is answered 413 from its
 * Content-Length alone, before any of it is read, as Quarkus' own limit did.
 */
@ApplicationScoped
public class BodyLimit {

    static final String IMPORT_PATH = "/api/v1/comments/import";

    private final long otherPaths;

    public BodyLimit(CommentImportConfig config) {
        this.otherPaths = config.otherPathsMaxBodySize().asLongValue();
    }

    void install(@Observes Filters filters) {
        // a high priority: before authentication and before anything reads the body
        filters.register(rc -> {
            String announced = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null && !IMPORT_PATH.equals(rc.normalizedPath()) && tooLong(announced)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"" + dev.spaces.commons.problem.Problem.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                                + "\"status\":413,\"detail\":\"The request body may be at most " + otherPaths
                                + " bytes\"}");
                return;
            }
            rc.next();
        }, 10_000);
    }

    private boolean tooLong(String announced) {
        try {
            return Long.parseLong(announced.strip()) > otherPaths;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
