package dev.spaces.search;

import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.spaces.search.support.SearchTestSupport.searchIds;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Signed content events drive the index: publish, update, unpublish, in any order, never losing the newest. */
@QuarkusTest
class EventIndexingTest {

    @BeforeEach
    void searchIsWarm() {
        SearchTestSupport.awaitSearchable();
    }

    private static SearchDocument article(long id, long version, String title, String text, List<String> formulas) {
        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        return new SearchDocument(id, version, "article-" + id, title, text, formulas, text, new SearchDocument.Term("notes", "随笔"),
                List.of(new SearchDocument.Term("info", "信息论")), null, new SearchDocument.Author("a", "作者"), now, now,
                3, "https://spaces.test/" + id);
    }

    @Test
    void publishUpdateUnpublishThroughSignedEvents() {
        long id = 100_001;
        FakeContentService.publish(article(id, 1, "香农熵的直观理解", "信息量与不确定性：掷骰子的惊奇程度。", List.of("H(X) = -\\sum_x p(x)\\log p(x)")));
        sendEvent("article.published", id, 1).then().statusCode(204);
        assertThat(searchIds("惊奇程度", 5)).contains(id);
        assertThat(searchIds("$-\\sum_x p(x)\\log p(x)$", 5)).contains(id);

        FakeContentService.publish(article(id, 2, "香农熵的直观理解", "改写后的正文讲述哈夫曼编码。", List.of()));
        sendEvent("article.updated", id, 2).then().statusCode(204);
        assertThat(searchIds("哈夫曼编码", 5)).contains(id);
        assertThat(searchIds("惊奇程度", 5)).doesNotContain(id);

        // a late, older event re-fetches the current document: nothing regresses
        sendEvent("article.published", id, 1).then().statusCode(204);
        assertThat(searchIds("哈夫曼编码", 5)).contains(id);

        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 3).then().statusCode(204);
        assertThat(searchIds("哈夫曼编码", 5)).doesNotContain(id);
    }

    @Test
    void olderVersionNeverOverwritesNewer() {
        long id = 100_002;
        FakeContentService.publish(article(id, 5, "版本测试", "第五版的内容包含独角兽。", List.of()));
        sendEvent("article.updated", id, 5).then().statusCode(204);
        // content-service answering with an older document (a lagging replica) must not win over version 5
        FakeContentService.publish(article(id, 4, "版本测试", "第四版的内容包含麒麟。", List.of()));
        sendEvent("article.updated", id, 4).then().statusCode(204);
        assertThat(searchIds("独角兽", 5)).contains(id);
        assertThat(searchIds("麒麟", 5)).doesNotContain(id);
        FakeContentService.publish(article(id, 5, "版本测试", "第五版的内容包含独角兽。", List.of()));
    }

    @Test
    void lateEventsNeverResurrectOrRegressAndDeletesRemove() {
        long id = 100_005;
        FakeContentService.publish(article(id, 1, "迟到事件", "第一版提到了昆仑山。", List.of()));
        sendEvent("article.published", id, 1).then().statusCode(204);
        FakeContentService.publish(article(id, 2, "迟到事件", "第二版提到了天山。", List.of()));
        sendEvent("article.updated", id, 2).then().statusCode(204);
        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 3).then().statusCode(204);
        assertThat(searchIds("天山", 5)).doesNotContain(id);

        // redelivered out of order after the unpublish: content says 404, the delete tombstone (v3) holds
        sendEvent("article.published", id, 1).then().statusCode(204);
        sendEvent("article.updated", id, 2).then().statusCode(204);
        assertThat(searchIds("昆仑山", 5)).doesNotContain(id);
        assertThat(searchIds("天山", 5)).doesNotContain(id);

        FakeContentService.publish(article(id, 4, "迟到事件", "第四版重新发布，提到了祁连山。", List.of()));
        sendEvent("article.published", id, 4).then().statusCode(204);
        assertThat(searchIds("祁连山", 5)).contains(id);
        FakeContentService.unpublish(id);
        sendEvent("article.deleted", id, 5).then().statusCode(204);
        assertThat(searchIds("祁连山", 5)).doesNotContain(id);
    }

    @Test
    void unpublishingAnArticleNeverIndexedIsAcknowledged() {
        sendEvent("article.unpublished", 100_006, 2).then().statusCode(204);
        sendEvent("article.deleted", 100_007, 1).then().statusCode(204);
    }

    @Test
    void otherEventTypesAreAcknowledgedAndIgnored() {
        sendEvent("comment.created", 100_008, 1).then().statusCode(204);
    }

    @Test
    void badOrMissingSignatureIs401() {
        String body = "{\"type\":\"article.published\",\"data\":{\"id\":1,\"version\":1}}";
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/search/events")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        RestAssured.given().contentType(ContentType.JSON).body(body)
                .header("webhook-id", "msg_1").header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .post("/api/v1/search/events")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void reindexNeedsAdmin() {
        RestAssured.given().post("/api/v1/search/reindex").then().statusCode(401);
        dev.spaces.commons.testing.TestTokens.as("alice", "member").post("/api/v1/search/reindex").then().statusCode(403);
        RestAssured.given().get("/api/v1/search/reindex/some-job").then().statusCode(401);
        dev.spaces.commons.testing.TestTokens.as("alice", "member").get("/api/v1/search/reindex/some-job").then().statusCode(403);
        dev.spaces.commons.testing.TestTokens.as("root", "admin").get("/api/v1/search/reindex/no-such-job").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAClear4xxNever5xx() {
        RestAssured.given().queryParam("q", "").get("/api/v1/search").then().statusCode(422).contentType("application/problem+json");
        RestAssured.given().queryParam("q", "梯".repeat(1000)).get("/api/v1/search").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        RestAssured.given().queryParam("q", "梯度").queryParam("size", 51).get("/api/v1/search").then().statusCode(422);
        for (String nasty : List.of("$x^2", "a $ b $$", "title:(foo AND bar)~ OR \"", "{\"query\":1}", "\\", "[[[", "*?")) {
            RestAssured.given().queryParam("q", nasty).get("/api/v1/search").then().statusCode(200);
        }
        RestAssured.given().queryParam("latex", "\\frac{").get("/api/v1/search/formulas").then().statusCode(200);
        RestAssured.given().queryParam("q", "梯度").queryParam("sort", "bogus").get("/api/v1/search").then().statusCode(422);
    }

    @Test
    void searchResultsCarryHighlightsAndFacets() {
        long id = 100_003;
        FakeContentService.publish(article(id, 1, "<script>标题</script>里的熵", "这里讨论熵与<b>交叉熵</b>。", List.of()));
        SearchTestSupport.sendEvent("article.published", id, 1).then().statusCode(204);
        var json = RestAssured.given().queryParam("q", "熵").queryParam("category", "notes").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("hits.id", Long.class)).containsExactly(id);
        String title = json.getString("hits[0].titleHighlighted");
        assertThat(title).contains("<em>熵</em>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(json.getList("hits[0].fragments", String.class)).anyMatch(f -> f.contains("<em>熵</em>") && f.contains("&lt;b&gt;"));
        assertThat(json.getString("facets.category[0].key")).isEqualTo("notes");
        assertThat(json.getString("facets.year[0].key")).isEqualTo("2024");
    }

    @Test
    void suggestCompletesChineseAndLatinTitlePrefixes() {
        long id = 100_004;
        FakeContentService.publish(article(id, 1, "变分自编码器 VAE 入门", "正文", List.of()));
        sendEvent("article.published", id, 1).then().statusCode(204);
        RestAssured.given().queryParam("q", "变分自").get("/api/v1/search/suggest")
                .then().statusCode(200).body("suggestions.id", org.hamcrest.Matchers.hasItem((int) id));
        RestAssured.given().queryParam("q", "va").get("/api/v1/search/suggest")
                .then().statusCode(200).body("suggestions.id", org.hamcrest.Matchers.hasItem((int) id));
    }
}
