package dev.spaces.site.client;

import dev.spaces.site.api.CommentThreads;
import dev.spaces.site.config.ClientsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** What the site reads from comment-service, every call guarded. */
@ApplicationScoped
public class CommentReader {

    private final CommentApi api;
    private final GuardedCalls calls;

    public CommentReader(@RestClient CommentApi api, ClientsConfig clients) {
        this.api = api;
        this.calls = new GuardedCalls("comment-service", clients.commentReads());
    }

    /** @param accessToken the signed-in reader's token (their own pending comments are included), or null */
    public CommentThreads threads(long articleId, String sort, String cursor, int limit, String accessToken) {
        return calls.call("comments of article " + articleId, () -> api.threads(articleId, sort, cursor, limit,
                accessToken == null ? null : "Bearer " + accessToken));
    }

    public Map<Long, Long> counts(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        String ids = articleIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return calls.call("comment counts", () -> api.counts(ids));
    }
}
