package dev.spaces.content;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.testing.services.TestJwks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.token;
import static dev.spaces.content.TestSupport.unique;
import static org.hamcrest.Matchers.equalTo;

/**
 * content-service as deployed (keys from a JWKS URL, not the test key) starts while Keycloak is not up yet, as in
 * Kubernetes where nothing orders the pods: public reads work, a signed-in write is answered 503 (the token could
 * not be checked: retry), and once the JWKS answers the same token is accepted — no restart.
 */
@QuarkusTest
@TestProfile(KeycloakDownAtStartTest.KeycloakNotUpYet.class)
class KeycloakDownAtStartTest {

    /** Nobody listens here while the service starts (a system property: profile and test have their own statics). */
    static final int JWKS_PORT = jwksPort();

    public static class KeycloakNotUpYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.public-key", "",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + JWKS_PORT + "/realms/spaces",
                    "quarkus.oidc.jwks-path", "http://127.0.0.1:" + JWKS_PORT + "/jwks");
        }
    }

    @Test
    void theServiceStartsWithoutKeycloakAndTrustsTokensOnceTheKeysAreThere() {
        String author = token("author", "author");
        anonymous().get("/api/v1/articles").then().statusCode(200);
        RestAssured.given().auth().oauth2(author).contentType("application/json")
                .body(article(unique("Keycloak 未就绪"), "x")).post("/api/v1/articles")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", equalTo(TokenRejection.UNVERIFIABLE.detail()));

        try (TestJwks keys = TestJwks.start(Path.of("src/test/resources/test-jwt/publicKey.pem"), JWKS_PORT)) {
            RestAssured.given().auth().oauth2(author).contentType("application/json")
                    .body(article(unique("Keycloak 已就绪"), "x")).post("/api/v1/articles")
                    .then().statusCode(201);
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
