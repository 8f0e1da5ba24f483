package dev.spaces.comment.integration;

import dev.spaces.commons.testing.services.PackagedService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The real content-service, as packaged by the reactor before this module, on its own embedded PostgreSQL and
 * trusting the test token key. Started after (and so overriding) the stub's address.
 */
public class RealContentService implements QuarkusTestResourceLifecycleManager {

    static String baseUrl;

    private PackagedService service;

    @Override
    public Map<String, String> start() {
        service = PackagedService.start("content-service", "SPACES_CONTENT_PORT", "SPACES_CONTENT_DB_URL", Map.of());
        baseUrl = service.baseUrl();
        return Map.of("quarkus.rest-client.content.url", baseUrl);
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
