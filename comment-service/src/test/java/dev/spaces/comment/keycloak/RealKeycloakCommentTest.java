package dev.spaces.comment.keycloak;

import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import dev.spaces.commons.testing.keycloak.KeycloakTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The comment flows with tokens of the real Keycloak realm (demo users via the spaces-cli client). */
@QuarkusTest
@TestProfile(RealKeycloakCommentTest.RealKeycloak.class)
class RealKeycloakCommentTest {

    public static class RealKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakTestResource.class));
        }
    }

    private static final String PATH = "/api/v1/articles/" + ARTICLE + "/comments";

    @InjectKeycloak
    KeycloakServer keycloak;

    private RequestSpecification as(String user) {
        return RestAssured.given().contentType(ContentType.JSON)
                .auth().oauth2(keycloak.passwordGrant(REALM, "spaces-cli", user, user));
    }

    @Test
    void membersCommentModeratorsApproveOthersCannotTouch() {
        as("alice").get("/api/v1/members/me").then().statusCode(200).body("displayName", equalTo("Alice Liddell"));
        long first = as("alice").body(Map.of("body", "真实 Keycloak 的评论 $\\nabla f$")).post(PATH).then()
                .statusCode(201).body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        as("bob").body(Map.of("action", "approve")).post("/api/v1/comments/" + first + "/moderation").then()
                .statusCode(403);
        as("moderator").get("/api/v1/moderation/comments?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) first));
        as("moderator").body(Map.of("action", "approve")).post("/api/v1/comments/" + first + "/moderation").then()
                .statusCode(200).body("status", nullValue());
        as("bob").put("/api/v1/comments/" + first + "/vote").then().statusCode(200).body("votes", equalTo(1));
        as("bob").body(Map.of("body", "篡改")).patch("/api/v1/comments/" + first).then().statusCode(403);
        as("bob").delete("/api/v1/comments/" + first).then().statusCode(403);
        as("alice").body(Map.of("body", "作者自己改 $\\nabla g$")).patch("/api/v1/comments/" + first).then()
                .statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("body", "匿名")).post(PATH).then()
                .statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2("not.a.token").body(Map.of("body", "伪造"))
                .post(PATH).then().statusCode(401);
    }
}
