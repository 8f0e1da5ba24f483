package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 4: writes without a token, members on others' comments, authors on others' articles. */
@Order(4)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {

    private final Api api;
    private long sampleArticle;
    private long aliceComment;

    AuthorizationIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void fixtures() {
        // a seed article ("构造一个显式的、总是可逆的矩阵"): its author is the blog's, not the demo author
        sampleArticle = 8;
        assertThat(api.anonymous().get("/api/v1/articles/{id}", sampleArticle).jsonPath().getString("author.id"))
                .isNotEqualTo(subject(api.token("author")));
        Response posted = api.json(api.as("alice"), Map.of("body", "权限测试用的评论 $a^2+b^2=c^2$"))
                .post("/api/v1/articles/{id}/comments", sampleArticle);
        assertThat(posted.statusCode()).isEqualTo(201);
        aliceComment = posted.jsonPath().getLong("id");
    }

    @Test
    @Order(1)
    void anonymousWritesAre401() {
        Map<String, Object> article = Map.of("title", "匿名文章", "markdown", "不应保存");
        assertUnauthorized(api.json(api.anonymous(), article).post("/api/v1/articles"));
        assertUnauthorized(api.json(api.anonymous(), article).put("/api/v1/articles/{id}", sampleArticle));
        assertUnauthorized(api.json(api.anonymous(), Map.of()).post("/api/v1/articles/{id}/publish", sampleArticle));
        assertUnauthorized(api.anonymous().delete("/api/v1/articles/{id}", sampleArticle));
        assertUnauthorized(api.json(api.anonymous(), Map.of("body", "匿名评论"))
                .post("/api/v1/articles/{id}/comments", sampleArticle));
        assertUnauthorized(api.json(api.anonymous(), Map.of("body", "改掉"))
                .patch("/api/v1/comments/{id}", aliceComment));
        assertUnauthorized(api.anonymous().put("/api/v1/comments/{id}/vote", aliceComment));
        assertUnauthorized(api.json(api.anonymous(), Map.of("url", "https://example.com/hook",
                "events", List.of("article.published"))).post("/api/v1/webhooks"));
        assertUnauthorized(api.anonymous().get("/api/v1/moderation/comments"));
        // a forged or garbled token is refused at the edge, also on reads
        assertUnauthorized(api.anonymous().header("Authorization", "Bearer not.a.token").get("/api/v1/articles"));
        String alice = api.token("alice");
        String tampered = alice.substring(0, alice.lastIndexOf('.') + 1) + "AAAA" + alice.substring(alice.lastIndexOf('.') + 5);
        assertUnauthorized(api.anonymous().header("Authorization", "Bearer " + tampered).get("/api/v1/articles"));

        assertThat(api.as("author").get("/api/v1/articles/{id}", sampleArticle).jsonPath().getString("title"))
                .as("nothing was changed").isNotEqualTo("匿名文章");
    }

    @Test
    @Order(2)
    void aMemberCannotEditOrDeleteAnothersComment() {
        Response edit = api.json(api.as("bob"), Map.of("body", "bob 改了 alice 的评论"))
                .patch("/api/v1/comments/{id}", aliceComment);
        assertThat(edit.statusCode()).isIn(403, 404);
        assertThat(edit.contentType()).startsWith("application/problem+json");
        Response delete = api.as("bob").delete("/api/v1/comments/{id}", aliceComment);
        assertThat(delete.statusCode()).isIn(403, 404);

        Response own = api.as("alice").get("/api/v1/articles/{id}/comments", sampleArticle);
        String body = own.jsonPath().getString("items.find { it.id == " + aliceComment + " }.bodyHtml");
        assertThat(body).contains("权限测试用的评论").doesNotContain("bob");
        // and the author may: the 403/404 above is about ownership
        Response byAlice = api.json(api.as("alice"), Map.of("body", "权限测试用的评论(已编辑)$a^2+b^2=c^2$"))
                .patch("/api/v1/comments/{id}", aliceComment);
        assertThat(byAlice.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void anAuthorCannotEditAnothersArticle() {
        Response current = api.as("author").get("/api/v1/articles/{id}", sampleArticle);
        String etag = current.header("ETag");
        Map<String, Object> change = new HashMap<>();
        change.put("title", "作者改了别人的文章");
        change.put("markdown", "不应保存");
        Response put = api.json(api.as("author"), change).header("If-Match", etag)
                .put("/api/v1/articles/{id}", sampleArticle);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(put.jsonPath().getInt("status")).isEqualTo(403);
        assertThat(api.json(api.as("author"), Map.of())
                .post("/api/v1/articles/{id}/unpublish", sampleArticle).statusCode()).isEqualTo(403);
        assertThat(api.as("author").delete("/api/v1/articles/{id}", sampleArticle).statusCode()).isEqualTo(403);

        Response after = api.anonymous().get("/api/v1/articles/{id}", sampleArticle);
        assertThat(after.jsonPath().getString("title")).isEqualTo(current.jsonPath().getString("title"));
        assertThat(after.jsonPath().getString("status")).isEqualTo("published");
    }

    @Test
    @Order(4)
    void membersCannotWriteArticlesAndDraftsStayPrivate() {
        Response byMember = api.json(api.as("alice"), Map.of("title", "会员的文章", "markdown", "内容"))
                .post("/api/v1/articles");
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(api.as("alice").get("/api/v1/moderation/comments").statusCode()).isEqualTo(403);
        assertThat(api.as("author").get("/api/v1/webhooks").statusCode()).isEqualTo(403);

        long draft = Articles.draft(api, "author", "作者的草稿", "草稿内容 $x$", List.of());
        assertThat(api.as("alice").get("/api/v1/articles/{id}", draft).statusCode()).isEqualTo(404);
        assertThat(api.as("editor").get("/api/v1/articles/{id}", draft).statusCode()).isEqualTo(200);
    }

    /** The token's subject (the article author id content-service records). */
    private static String subject(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString("sub");
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
