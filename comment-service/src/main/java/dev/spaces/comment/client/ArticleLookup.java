package dev.spaces.comment.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.comment.config.ClientsConfig;
import dev.spaces.commons.client.CallGuards;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks content-service whether an article is published, through a guard (timeout, retries with backoff, circuit
 * breaker) and a short cache, so a slow or failing content-service neither blocks comment threads nor is hammered.
 * When it cannot answer, callers get 503 rather than a wrong 404.
 */
@ApplicationScoped
public class ArticleLookup {

    private static final Logger LOG = Logger.getLogger(ArticleLookup.class);

    private final ContentClient content;
    private final Guard guard;
    private final Cache<Long, Optional<PublishedArticle>> cache;
    private final Map<Long, CompletableFuture<Optional<PublishedArticle>>> inFlight = new ConcurrentHashMap<>();

    public ArticleLookup(@RestClient ContentClient content, CommentConfig config, ClientsConfig clients) {
        this.content = content;
        this.guard = CallGuards.create("content-service article lookup", clients.contentLookup(),
                UpstreamUnavailable.class);
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.articleCacheTtl()).maximumSize(10_000).build();
    }

    /**
     * The published article, or empty when it does not exist or is not published. Concurrent misses for one article
     * share a single lookup, so a burst of comments after the entry expires asks content-service once (the lookup
     * runs outside the cache's locks, so other articles never wait for it).
     */
    public Optional<PublishedArticle> published(long articleId) {
        Optional<PublishedArticle> cached = cache.getIfPresent(articleId);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Optional<PublishedArticle>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<PublishedArticle>> running = inFlight.putIfAbsent(articleId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Optional<PublishedArticle> found = lookUp(articleId);
            cache.put(articleId, found);
            mine.complete(found);
            return found;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(articleId, mine);
        }
    }

    private Optional<PublishedArticle> lookUp(long articleId) {
        try {
            return guard.call(() -> fetch(articleId), optionalType());
        } catch (Exception e) {
            LOG.warnf("content-service could not tell whether article %d is published: %s", articleId, e.toString());
            throw new ProblemException(503, "upstream-unavailable", "Service unavailable",
                    "Articles cannot be checked right now; try again shortly").withHeader("Retry-After", "5");
        }
    }

    /**
     * [comment import] Forgets what is known of an article: an import asks about articles that content-service is
     * importing in the same job, and a cached "not published" would keep their threads at 404 for the cache's life.
     */
    public void forget(long articleId) {
        cache.invalidate(articleId);
    }

        public PublishedArticle requirePublished(long articleId) {
        return published(articleId).orElseThrow(() -> ProblemException.notFound("Article " + articleId));
    }

    private Optional<PublishedArticle> fetch(long articleId) {
        try (Response response = content.article(articleId)) {
            if (response.getStatus() == 200) {
                return Optional.of(response.readEntity(PublishedArticle.class));
            }
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            throw new UpstreamUnavailable("content-service answered " + response.getStatus());
        } catch (WebApplicationException e) {
            // the client's default mapper turns 4xx/5xx into exceptions
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw new UpstreamUnavailable("content-service answered " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new UpstreamUnavailable(e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Optional<PublishedArticle>> optionalType() {
        return (Class) Optional.class;
    }

    /** content-service did not answer usefully (down, 5xx, timeout): worth a retry, counts for the breaker. */
    static final class UpstreamUnavailable extends RuntimeException {
        UpstreamUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
