package dev.spaces.gateway;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.testing.TestTokens;
import dev.spaces.commons.testing.services.TestJwks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway as deployed (keys from a JWKS URL, not the test key) starts while the identity provider is not up yet,
 * as in Kubernetes where nothing orders the pods: signed-in requests are answered 503 meanwhile (the token could not
 * be checked: retry), anonymous ones are served, and once the JWKS answers the same token passes — no restart.
 */
@QuarkusTest
@TestProfile(KeycloakDownAtStartTest.KeycloakNotUpYet.class)
class KeycloakDownAtStartTest extends GatewayTest {

    /**
     * Nobody listens here while the gateway starts. Kept in a system property: the profile and the test run in
     * different class loaders, each with its own statics.
     */
    static final int JWKS_PORT = jwksPort();

    public static class KeycloakNotUpYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String realm = "http://127.0.0.1:" + JWKS_PORT + "/realms/spaces";
            return Map.of(
                    "quarkus.oidc.public-key", "",
                    "quarkus.oidc.auth-server-url", realm,
                    "quarkus.oidc.jwks-path", "http://127.0.0.1:" + JWKS_PORT + "/jwks");
        }
    }

    @Test
    void theGatewayStartsWithoutItsIdentityProviderAndTrustsTokensOnceTheKeysAreThere() {
        String token = TestTokens.token("alice", "member");
        client().get("/api/v1/articles/1").then().statusCode(200);
        client().auth().oauth2(token).get("/api/v1/members/me")
                .then().statusCode(503).header("Retry-After", "5")
                .body("detail", equalTo(TokenRejection.UNVERIFIABLE.detail()));

        try (TestJwks keys = TestJwks.start(Path.of("src/test/resources/test-jwt/publicKey.pem"), JWKS_PORT)) {
            client().auth().oauth2(token).get("/api/v1/members/me").then().statusCode(200);
        }
    }

    private static synchronized int jwksPort() {
        String key = "spaces.test.down-jwks-port";
        if (System.getProperty(key) == null) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                System.setProperty(key, String.valueOf(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Integer.parseInt(System.getProperty(key));
    }
}
