package dev.spaces.content;

import dev.spaces.commons.testing.BarePost;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.token;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Endpoints whose body is optional answer a plain {@code curl -X POST} (no body, no Content-Type) as they answer an
 * empty JSON body; they used to answer 415 Unsupported Media Type.
 */
@QuarkusTest
class BodylessWritesTest {

    @Test
    void anAuthorPublishesUnpublishesAndRestoresWithBarePosts() {
        long id = ArticleLifecycleTest.create(author(), unique("Bare curl"), ArticleLifecycleTest.GOOD);
        String bearer = token("author", "author");

        BarePost.Answer published = BarePost.send("POST", "/api/v1/articles/" + id + "/publish", bearer);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.raw()).contains("\"status\":\"published\"");

        BarePost.Answer unpublished = BarePost.send("POST", "/api/v1/articles/" + id + "/unpublish", bearer);
        assertThat(unpublished.status()).as(unpublished.raw()).isEqualTo(200);

        BarePost.Answer restored = BarePost.send("POST", "/api/v1/articles/" + id + "/revisions/1/restore", bearer);
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        author().get("/api/v1/articles/" + id).then().body("status", equalTo("draft"));
    }

    @Test
    void anAuthorSharesADraftByPreviewLinkWithABarePost() {
        long id = ArticleLifecycleTest.create(author(), unique("Bare preview"), ArticleLifecycleTest.GOOD);
        BarePost.Answer link = BarePost.send("POST", "/api/v1/articles/" + id + "/preview-links",
                token("author", "author"));
        assertThat(link.status()).as(link.raw()).isEqualTo(201);
        assertThat(link.raw()).contains("\"token\":").contains("/preview/");
    }

    @Test
    void anAdminPingsAndRedeliversWithBarePosts() {
        long subscription = admin().body(Map.of("url", "http://127.0.0.1:9/hook", "events",
                        List.of("article.published")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        String bearer = token("admin", "admin");

        BarePost.Answer ping = BarePost.send("POST", "/api/v1/webhooks/" + subscription + "/ping", bearer);
        assertThat(ping.status()).as(ping.raw()).isEqualTo(202);
        BarePost.Answer rotated = BarePost.send("POST", "/api/v1/webhooks/" + subscription + "/rotate-secret", bearer);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        // reaches the resource: an unknown delivery is a 404 problem, not a 415
        BarePost.Answer missing = BarePost.send("POST",
                "/api/v1/webhooks/" + subscription + "/deliveries/999999999/redeliver", bearer);
        assertThat(missing.status()).as(missing.raw()).isEqualTo(404);
        assertThat(missing.isProblemJson()).isTrue();
    }

    @Test
    void aRequiredBodyThatIsMissingIsSaidToBeMissingNotAMediaTypeProblem() {
        BarePost.Answer answer = BarePost.send("POST", "/api/v1/articles", token("author", "author"));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.isProblemJson()).isTrue();
        assertThat(answer.raw()).contains("This request needs a JSON body; none was sent");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsStillRefusedAs415() {
        io.restassured.RestAssured.given().auth().oauth2(token("author", "author"))
                .contentType("text/plain").body("{\"title\":\"x\",\"markdown\":\"y\"}")
                .post("/api/v1/articles").then().statusCode(415).contentType("application/problem+json");
    }
}
