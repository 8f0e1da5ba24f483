package dev.spaces.content.keycloak;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.testing.keycloak.AccessToken;
import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.AUDIENCE;
import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static dev.spaces.content.keycloak.ContentApi.createArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Tokens content-service must refuse (401, naming the failed check) although Keycloak issued something token-shaped. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class RealKeycloakRejectionsTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @Test
    void tokenOfAnotherRealmIsRefused() {
        String masterToken = keycloak.adminToken();
        assertThat(AccessToken.parse(masterToken).issuer()).isEqualTo(keycloak.issuer("master"));

        // signed with the master realm's key, which the spaces realm's JWKS does not publish
        assertCreateRefused(masterToken, TokenRejection.SIGNATURE);
    }

    @Test
    void garbageAndTamperedTokensAreRefused() {
        assertCreateRefused("not-a-jwt", TokenRejection.MALFORMED);

        String[] parts = keycloak.passwordGrant(REALM, "spaces-cli", "alice", "alice").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"member\"", "\"admin\"");
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(AccessToken.parse(promoted).realmRoles()).contains("admin");

        assertCreateRefused(promoted, TokenRejection.SIGNATURE);
    }

    @Test
    void tokenWithoutTheApiAudienceIsRefused() {
        String token = keycloak.passwordGrant(REALM, "spaces-test-no-audience", "author", "author");
        assertThat(AccessToken.parse(token).audiences()).doesNotContain(AUDIENCE);

        assertCreateRefused(token, TokenRejection.AUDIENCE);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = keycloak.passwordGrant(REALM, "spaces-test-short-lived", "author", "author");
        AccessToken claims = AccessToken.parse(token);
        assertThat(claims.audiences()).contains(AUDIENCE);

        Instant pastLeeway = claims.expiresAt().plusSeconds(RealKeycloakProfile.CLOCK_SKEW_SECONDS).plusMillis(500);
        await().until(() -> Instant.now().isAfter(pastLeeway));
        assertCreateRefused(token, TokenRejection.EXPIRED);
    }

    /** 401, and the problem names the check the token failed. */
    private static void assertCreateRefused(String token, TokenRejection rejection) {
        createArticle(token, "Refused").statusCode(401).body("detail", equalTo(rejection.detail()));
    }
}
