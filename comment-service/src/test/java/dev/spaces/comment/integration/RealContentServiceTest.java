package dev.spaces.comment.integration;

import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.comment.TestSupport.member;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * comment-service asking the real content-service (not the stub) whether articles are published: a draft is 404,
 * a published article takes comments, lends its title to "recent" and its author to the badge, and is 404 again
 * once unpublished. The generous waits cover the cache TTL and the first KaTeX load; they assert no speed.
 */
@QuarkusTest
@TestProfile(RealContentServiceTest.WithRealContentService.class)
class RealContentServiceTest {

    public static class WithRealContentService implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealContentService.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.comment.article-cache-ttl", "PT0.1S");
        }
    }

    private static io.restassured.specification.RequestSpecification content(String user, String role) {
        return RestAssured.given().baseUri(RealContentService.baseUrl).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.token(user, role));
    }

    @Test
    void publishedArticlesTakeCommentsUnpublishedDoNot() {
        String title = "真实内容服务上的文章";
        long id = content("author", "author").body(Map.of("title", title, "markdown", "正文 $x^2$"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        member("real-reader").body(Map.of("body", "草稿还不能评论")).post("/api/v1/articles/" + id + "/comments")
                .then().statusCode(404);

        content("author", "author").post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                member("real-reader").body(Map.of("body", "发布后可以评论 $\\nabla f$"))
                        .post("/api/v1/articles/" + id + "/comments").then().statusCode(201));
        TestTokens.as("moderator", "moderator").body(Map.of("body", "版主也来了"))
                .post("/api/v1/articles/" + id + "/comments").then().statusCode(201);
        RestAssured.given().get("/api/v1/comments/recent?limit=1").then().statusCode(200)
                .body("[0].articleTitle", equalTo(title));
        // the author's own comment carries the author badge: the subject comes from the real article
        long byAuthor = TestTokens.as("author", "member").body(Map.of("body", "作者本人"))
                .post("/api/v1/articles/" + id + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestTokens.as("moderator", "moderator").body(Map.of("action", "approve"))
                .post("/api/v1/comments/" + byAuthor + "/moderation").then().statusCode(200);
        RestAssured.given().get("/api/v1/articles/" + id + "/comments?limit=50").then().statusCode(200)
                .body("items.find { it.id == " + byAuthor + " }.author.badges[0]", equalTo("author"));

        content("author", "author").post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                member("real-reader").body(Map.of("body", "撤回后不能评论")).post("/api/v1/articles/" + id + "/comments")
                        .then().statusCode(404));
    }
}
