package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ArticleLifecycleTest {

    static final String GOOD = "# 标题\n\n设 $\\boldsymbol{x}\\in\\mathbb{R}^n$,则\n\n$$\\frac{\\partial L}{\\partial w} = 0$$\n";
    static final String BAD = "好的 $x^2$ 与坏的 $\\frac{a}{b$ 以及 $\\foo y$\n";

    static long create(io.restassured.specification.RequestSpecification who, String title, String markdown) {
        return who.body(article(title, markdown)).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createPublished(String title, String markdown) {
        long id = create(author(), title, markdown);
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void draftIsPrivateUntilPublished() {
        String title = unique("草稿 Draft");
        ExtractableResponse<Response> created = author().body(article(title, GOOD)).post("/api/v1/articles")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/articles/"))
                .body("status", equalTo("draft"))
                .body("formulas", hasSize(2))
                .body("formulas[0].mode", equalTo("inline"))
                .body("formulas[1].mode", equalTo("display"))
                .body("html", containsString("math display"))
                .body("markdown", equalTo(GOOD))
                .extract();
        long id = created.jsonPath().getLong("id");
        String slug = created.jsonPath().getString("slug");

        anonymous().get("/api/v1/articles/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        anonymous().get("/api/v1/articles/slug/" + slug).then().statusCode(404);
        as("other", "author").get("/api/v1/articles/" + id).then().statusCode(404);
        author().get("/api/v1/articles/" + id).then().statusCode(200);
        editor().get("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().get("/api/v1/articles?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));

        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", notNullValue());
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo(title))
                .body("markdown", nullValue())
                .body("citationUrl", equalTo("/api/v1/articles/" + id + "/citation"));
        anonymous().get("/api/v1/articles/slug/" + slug).then().statusCode(200).body("id", equalTo((int) id));

        author().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200).body("status", equalTo("draft"));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void updateNeedsCurrentVersion() {
        long id = create(author(), unique("Versioned"), GOOD);
        String etag = author().get("/api/v1/articles/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> change = article(unique("Changed"), GOOD + "\n更多内容。\n");

        author().body(change).put("/api/v1/articles/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        author().header("If-Match", "\"999\"").body(change).put("/api/v1/articles/" + id).then().statusCode(412)
                .body("currentVersion", notNullValue());
        author().header("If-Match", etag).body(change).put("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo(change.get("title")));
        // The same (now stale) ETag again: 412, and the stored article keeps the first change.
        author().header("If-Match", etag).body(article("Lost update", GOOD)).put("/api/v1/articles/" + id)
                .then().statusCode(412);
        author().get("/api/v1/articles/" + id).then().body("title", equalTo(change.get("title")));
    }

    @Test
    void revisionsAreKeptAndRestorable() {
        String first = unique("第一版");
        long id = create(author(), first, "初稿 $a+b$\n");
        long version = author().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(article(unique("第二版"), "二稿 $c+d$\n"))
                .put("/api/v1/articles/" + id).then().statusCode(200);

        author().get("/api/v1/articles/" + id + "/revisions").then().statusCode(200)
                .body("", hasSize(2)).body("[0].number", equalTo(2)).body("[1].title", equalTo(first))
                .body("[0].markdown", nullValue());
        author().get("/api/v1/articles/" + id + "/revisions/1").then().statusCode(200)
                .body("markdown", equalTo("初稿 $a+b$\n"));
        author().get("/api/v1/articles/" + id + "/revisions/9").then().statusCode(404);
        author().post("/api/v1/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("title", equalTo(first)).body("markdown", equalTo("初稿 $a+b$\n"));
        author().get("/api/v1/articles/" + id + "/revisions").then().body("", hasSize(3))
                .body("[0].note", equalTo("restored revision 1"));
        as("stranger", "author").get("/api/v1/articles/" + id + "/revisions").then().statusCode(404);
        anonymous().get("/api/v1/articles/" + id + "/revisions").then().statusCode(401);
    }

    @Test
    void aRestoreNamingAStaleVersionIsRefusedAndChangesNothing() {
        String first = unique("旧版");
        long id = create(author(), first, "旧稿 $a$\n");
        String read = author().get("/api/v1/articles/" + id).then().extract().header("ETag");
        // someone else saves after this tab read the article
        String theirs = unique("别人的版本");
        int current = editor().header("If-Match", read).body(article(theirs, "别人写的 $b$\n"))
                .put("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath().getInt("version");

        author().header("If-Match", read).post("/api/v1/articles/" + id + "/revisions/1/restore")
                .then().statusCode(412).contentType("application/problem+json")
                .body("status", equalTo(412)).body("currentVersion", notNullValue());
        author().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("version", equalTo(current))
                .body("title", equalTo(theirs)).body("markdown", equalTo("别人写的 $b$\n"));
        author().get("/api/v1/articles/" + id + "/revisions").then().body("", hasSize(2));

        // naming the current version restores
        author().header("If-Match", "\"" + current + "\"").post("/api/v1/articles/" + id + "/revisions/1/restore")
                .then().statusCode(200).body("version", not(equalTo(current)))
                .body("title", equalTo(first)).body("markdown", equalTo("旧稿 $a$\n"));
    }

    @Test
    void badLatexIsAllowedInDraftsButBlocksPublishing() {
        ExtractableResponse<Response> created = author().body(article(unique("Bad math"), BAD))
                .post("/api/v1/articles").then().statusCode(201)
                .body("diagnostics", hasSize(2))
                .body("diagnostics[0].index", equalTo(1))
                .body("diagnostics[0].line", equalTo(1))
                .body("diagnostics[1].index", equalTo(2))
                .extract();
        long id = created.jsonPath().getLong("id");
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://spaces.dev/problems/invalid-latex"))
                .body("formulas", hasSize(2))
                .body("formulas[0].index", equalTo(1))
                .body("formulas[0].column", notNullValue())
                .body("formulas[0].message", notNullValue());
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void publishedArticleCannotTakeBadLatex() {
        long id = createPublished(unique("Good math"), GOOD);
        long version = author().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(article(unique("Broken"), BAD))
                .put("/api/v1/articles/" + id).then().statusCode(422).body("formulas", hasSize(2));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("formulas", hasSize(2))
                .body("diagnostics", nullValue());
    }

    @Test
    void schedulingPublishesOnTime() {
        long id = create(author(), unique("Scheduled"), GOOD);
        Instant at = Instant.now().plusSeconds(2);
        author().body(Map.of("publishAt", at.toString())).post("/api/v1/articles/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("scheduled"));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("status", equalTo("published")));
    }

    @Test
    void authorsEditOnlyTheirOwn() {
        long id = createPublished(unique("Mine"), GOOD);
        long version = author().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        Map<String, Object> change = article(unique("Theirs"), GOOD);
        as("intruder", "author").header("If-Match", "\"" + version + "\"").body(change)
                .put("/api/v1/articles/" + id).then().statusCode(403).contentType("application/problem+json");
        as("member", "member").header("If-Match", "\"" + version + "\"").body(change)
                .put("/api/v1/articles/" + id).then().statusCode(403);
        anonymous().header("If-Match", "\"" + version + "\"").body(change)
                .put("/api/v1/articles/" + id).then().statusCode(401).contentType("application/problem+json");
        as("intruder", "author").delete("/api/v1/articles/" + id).then().statusCode(403);
        as("intruder", "author").post("/api/v1/articles/" + id + "/unpublish").then().statusCode(403);
        as("member", "member").body(article("x", "y")).post("/api/v1/articles").then().statusCode(403);
        anonymous().body(article("x", "y")).post("/api/v1/articles").then().statusCode(401);
        editor().header("If-Match", "\"" + version + "\"").body(change).put("/api/v1/articles/" + id)
                .then().statusCode(200);
        admin().delete("/api/v1/articles/" + id).then().statusCode(204);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        editor().get("/api/v1/articles/" + id).then().statusCode(200).body("status", equalTo("archived"));
    }

    @Test
    void slugsAreUniqueAndChineseFriendly() {
        String title = unique("变分自编码器 VAE");
        String slug = author().body(article(title, GOOD)).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getString("slug");
        assertThat(slug).startsWith("变分自编码器-vae-");
        author().body(Map.of("title", "Another", "markdown", "x", "slug", slug)).post("/api/v1/articles")
                .then().statusCode(409).contentType("application/problem+json");
        author().body(Map.of("title", "Bad slug", "markdown", "x", "slug", "Has Spaces/And Slash"))
                .post("/api/v1/articles").then().statusCode(422).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void outboxRowsAreWrittenWithTheChange() {
        long id = createPublished(unique("Evented"), GOOD);
        long version = author().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(article(unique("Evented again"), GOOD))
                .put("/api/v1/articles/" + id).then().statusCode(200);
        author().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        author().delete("/api/v1/articles/" + id).then().statusCode(204);

        List<Map<String, Object>> events = OutboxProbe.eventsFor(id);
        assertThat(events).extracting(e -> e.get("type")).containsExactly(
                "article.published", "article.updated", "article.unpublished", "article.deleted");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("id")).isNotNull();
            assertThat(e.get("occurred_at")).isNotNull();
            assertThat((String) e.get("payload")).contains("\"id\": " + id).contains("\"schemaVersion\": 1");
        });
        assertThat(events).extracting(e -> ((Number) e.get("aggregate_version")).longValue()).isSorted();
    }
}
