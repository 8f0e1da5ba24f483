package dev.spaces.search.client;

import dev.spaces.commons.client.CallGuards;
import dev.spaces.search.config.ClientsConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * content-service's search feed behind a guard (timeout, retries with backoff, circuit breaker): a slow or failing
 * content-service makes callers fail fast with {@link ContentUnavailable} (an event is then answered 503 and
 * redelivered; a reconcile run is retried later) instead of piling up threads.
 */
@ApplicationScoped
public class ContentDocuments {

    private final ContentClient content;
    /** Lookups for single events. */
    private final Guard documentLookups;
    /** The bulk feed (reconcile), with a breaker of its own (see {@link ClientsConfig#contentFeed()}). */
    private final Guard feed;

    public ContentDocuments(@RestClient ContentClient content, ClientsConfig clients) {
        this.content = content;
        this.documentLookups = CallGuards.create("content-service search documents", clients.contentDocuments(),
                ContentUnavailable.class);
        this.feed = CallGuards.create("content-service search feed", clients.contentFeed(), ContentUnavailable.class);
    }

    /** The current document, or empty when the article is not published (or does not exist). */
    public Optional<SearchDocument> document(long id) {
        return guarded(documentLookups, () -> {
            try (Response response = content.document(id)) {
                if (response.getStatus() == 200) {
                    return Optional.of(response.readEntity(SearchDocument.class));
                }
                if (response.getStatus() == 404) {
                    return Optional.empty();
                }
                throw new ContentUnavailable("content-service answered " + response.getStatus());
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public DocumentPage documents(long after, int size) {
        return guarded(feed, () -> content.documents(after, size));
    }

    public VersionPage versions(long after, int size) {
        return guarded(feed, () -> content.versions(after, size));
    }

    @SuppressWarnings("unchecked")
    private static <T> T guarded(Guard guard, Callable<T> call) {
        try {
            return (T) guard.call(() -> {
                try {
                    return call.call();
                } catch (WebApplicationException e) {
                    // the client's default mapper turns 4xx/5xx into exceptions
                    throw new ContentUnavailable("content-service answered " + e.getResponse().getStatus());
                } catch (ProcessingException e) {
                    throw new ContentUnavailable(String.valueOf(e.getMessage()));
                }
            }, Object.class);
        } catch (ContentUnavailable e) {
            throw e;
        } catch (Exception e) {
            throw new ContentUnavailable(e.toString());
        }
    }

    /** content-service did not answer usefully (down, 5xx, timeout, breaker open). */
    public static final class ContentUnavailable extends RuntimeException {
        public ContentUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
