package dev.spaces.content.keycloak;

import dev.spaces.commons.testing.keycloak.KeycloakTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * content-service verifying tokens of a real Keycloak (realm spaces, demo users, test-only clients) instead of the
 * test key: its own application instance; every test class with this profile shares one Keycloak.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    /** Leeway on exp (production: 60 s), so that expiry shows within seconds. */
    static final int CLOCK_SKEW_SECONDS = 1;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class,
                Map.of(KeycloakTestResource.PARTIAL_IMPORTS, "keycloak/test-clients.json")));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.token.lifespan-grace", String.valueOf(CLOCK_SKEW_SECONDS));
    }
}
