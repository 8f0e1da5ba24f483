package dev.spaces.content.keycloak;

import dev.spaces.commons.testing.keycloak.AccessToken;
import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static dev.spaces.content.keycloak.ContentApi.createArticle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak runs with a fixed hostname (as ./spaces runs it), so the issuer of a token does not depend on the address
 * a client used to fetch it: one fetched from 127.0.0.1 used to carry that address as its issuer and was refused.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class KeycloakIssuerTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @Test
    void aTokenFetchedThrough127001IsAccepted() {
        assertThat(keycloak.baseUrl()).startsWith("http://127.0.0.1:");
        String token = keycloak.passwordGrantThrough(keycloak.baseUrl(), REALM, "spaces-cli", "author", "author");

        assertThat(AccessToken.parse(token).issuer()).isEqualTo(keycloak.issuer(REALM)).startsWith("http://localhost:");
        createArticle(token, "经 127.0.0.1 取得的令牌").statusCode(201);
    }

    @Test
    void tokensFetchedThroughEitherAddressCarryTheSameIssuer() {
        String viaLoopbackAddress = keycloak.passwordGrantThrough(keycloak.baseUrl(), REALM, "spaces-cli", "editor",
                "editor");
        String viaHostname = keycloak.passwordGrantThrough(keycloak.hostnameUrl(), REALM, "spaces-cli", "editor",
                "editor");

        assertThat(AccessToken.parse(viaLoopbackAddress).issuer()).isEqualTo(AccessToken.parse(viaHostname).issuer());
        createArticle(viaHostname, "经 localhost 取得的令牌").statusCode(201);
    }
}
