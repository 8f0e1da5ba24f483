package dev.spaces.content.keycloak;

import dev.spaces.commons.testing.keycloak.AccessToken;
import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.AUDIENCE;
import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.unique;
import static dev.spaces.content.keycloak.ContentApi.MARKDOWN;
import static dev.spaces.content.keycloak.ContentApi.createArticle;
import static dev.spaces.content.keycloak.ContentApi.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Demo users of the real realm, signed in with password grants, doing what their realm roles allow. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class RealKeycloakRolesTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @Test
    void authorWritesAndPublishesUnderTheNameFromTheToken() {
        long id = createArticle(demoUser("author"), "Keycloak 作者")
                .statusCode(201).body("author.name", equalTo("Aubrey Author"))
                .extract().jsonPath().getLong("id");

        withToken(demoUser("author")).post("/api/v1/articles/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void memberAndModeratorMayNotWriteArticles() {
        createArticle(demoUser("alice"), "Member").statusCode(403);
        createArticle(demoUser("moderator"), "Moderator").statusCode(403);
    }

    @Test
    void editorUpdatesAnAuthorsArticle() {
        long id = createArticle(demoUser("author"), "待编辑").statusCode(201).extract().jsonPath().getLong("id");
        String editor = demoUser("editor");
        long version = withToken(editor).get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath().getLong("version");

        String edited = unique("编辑改过");
        withToken(editor).header("If-Match", "\"" + version + "\"").body(article(edited, MARKDOWN))
                .put("/api/v1/articles/" + id)
                .then().statusCode(200).body("title", equalTo(edited)).body("author.name", equalTo("Aubrey Author"));
    }

    @Test
    void onlyAdminImports() {
        withToken(demoUser("admin")).body("[]").post("/api/v1/import").then().statusCode(200);
        withToken(demoUser("editor")).body("[]").post("/api/v1/import").then().statusCode(403);
    }

    @Test
    void serviceAccountIsAcceptedButIsNoAuthor() {
        String token = keycloak.clientCredentialsGrant(REALM, "spaces-service", "dev-only-spaces-service-secret");
        assertThat(AccessToken.parse(token).audiences()).contains(AUDIENCE);

        createArticle(token, "Service").statusCode(403);
    }

    /** Demo users' passwords are their usernames; spaces-cli is the demo client that allows password grants. */
    private String demoUser(String username) {
        return keycloak.passwordGrant(REALM, "spaces-cli", username, username);
    }
}
