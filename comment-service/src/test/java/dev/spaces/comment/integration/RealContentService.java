package dev.spaces.comment.integration;

import dev.spaces.commons.testing.services.PackagedService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real content-service, as packaged by the reactor before this module, on its own embedded PostgreSQL and
 * trusting the test token key and sharing the internal events secret with this service's relay. Started after (and so overriding) the stub's address.
 */
public class RealContentService implements QuarkusTestResourceLifecycleManager {

    static String baseUrl;
    /** The internal events secret both services share (SPACES_INTERNAL_EVENTS_SECRET). */
    static final String INTERNAL_EVENTS_SECRET = dev.spaces.commons.webhooks.StandardWebhooks.newSecret();

    private PackagedService service;

    @Override
    public Map<String, String> start() {
        service = PackagedService.start("content-service", "SPACES_CONTENT_PORT", "SPACES_CONTENT_DB_URL", Map.of(
                "SPACES_INTERNAL_EVENTS_SECRET", INTERNAL_EVENTS_SECRET,
                // the tests' webhook subscriber listens on loopback
                "SPACES_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8"));
        baseUrl = service.baseUrl();
        return Map.of("quarkus.rest-client.content.url", baseUrl,
                "spaces.events.relay.secret", INTERNAL_EVENTS_SECRET);
    }

    /** Later than the stub, so this address wins. */
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
