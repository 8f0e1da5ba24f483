package dev.spaces.content.keycloak;

import dev.spaces.commons.testing.keycloak.AccessToken;
import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import dev.spaces.commons.testing.keycloak.SelfRegistration;
import dev.spaces.commons.testing.keycloak.SelfRegistration.NewUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.AUDIENCE;
import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static dev.spaces.content.keycloak.ContentApi.createArticle;
import static org.assertj.core.api.Assertions.assertThat;

/** The realm file's promises for the web front-end: open registration, member by default, PKCE required. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class SpacesRealmTest {

    static final String WEB_CLIENT = "spaces-web";
    static final String WEB_REDIRECT = "http://localhost:5173/callback";

    @InjectKeycloak
    KeycloakServer keycloak;

    @Test
    void visitorRegistersThroughTheWebClientAndBecomesAMember() {
        String username = "reader" + System.nanoTime();
        String token = SelfRegistration.register(keycloak, REALM, WEB_CLIENT, WEB_REDIRECT,
                new NewUser(username, username + "@example.test", "新", "读者", "a long passphrase 42"));

        AccessToken claims = AccessToken.parse(token);
        assertThat(claims.preferredUsername()).isEqualTo(username);
        assertThat(claims.realmRoles()).contains("member").doesNotContain("author", "editor", "admin", "moderator");
        assertThat(claims.audiences()).contains(AUDIENCE);
        // accepted as a caller (403, not 401), but members do not write articles
        createArticle(token, "New reader").statusCode(403);
    }

    @Test
    void webClientRefusesAnAuthorizationRequestWithoutPkce() throws IOException, InterruptedException {
        URI withoutChallenge = URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/auth"
                + "?response_type=code&scope=openid&client_id=" + WEB_CLIENT
                + "&redirect_uri=" + URLEncoder.encode(WEB_REDIRECT, StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(withoutChallenge).build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString()
                    .startsWith(WEB_REDIRECT).contains("error=invalid_request").contains("code_challenge");
        }
    }
}
