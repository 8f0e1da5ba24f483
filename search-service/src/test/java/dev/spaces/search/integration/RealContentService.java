package dev.spaces.search.integration;

import dev.spaces.commons.testing.services.PackagedService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The real content-service, packaged by the reactor, with this search-service as its system webhook subscriber:
 * events reach the search index through the same outbox relay, signing and delivery a deployment uses. The
 * search-service's own test port is fixed here, before either starts, so the subscription can name it.
 */
public class RealContentService implements QuarkusTestResourceLifecycleManager {

    static String baseUrl;

    private PackagedService service;

    @Override
    public Map<String, String> start() {
        int searchPort;
        try {
            searchPort = PackagedService.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = PackagedService.start("content-service", "SPACES_CONTENT_PORT", "SPACES_CONTENT_DB_URL",
                Map.of("SPACES_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8,::1/128"),
                Map.of("spaces.webhooks.system.search.url", "http://127.0.0.1:" + searchPort + "/api/v1/search/events",
                        "spaces.webhooks.system.search.events",
                        "article.published,article.updated,article.unpublished,article.deleted",
                        "spaces.webhooks.system.search.secret", SearchTestSupport.SECRET,
                        // until this app listens, deliveries fail; retry soon rather than on the production schedule
                        "spaces.webhooks.retry-schedule", "PT0.5S,PT1S,PT2S,PT4S,PT8S,PT15S,PT30S"));
        baseUrl = service.baseUrl();
        return Map.of("quarkus.http.test-port", String.valueOf(searchPort),
                "quarkus.rest-client.content.url", baseUrl);
    }

    /** After the fake content-service, so this address wins. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (service != null) {
            service.close();
        }
    }
}
