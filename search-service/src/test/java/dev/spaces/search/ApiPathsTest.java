package dev.spaces.search;

import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's paths are the documented ones; the first release's {@code /api/v1/search/search…} paths still
 * answer the same (hidden aliases) so that nothing calling them breaks.
 */
@QuarkusTest
class ApiPathsTest {

    @BeforeEach
    void searchIsWarm() {
        SearchTestSupport.awaitSearchable();
    }

    @Test
    void theIssuePathsAreDocumentedAndTheOldOnesAreNot() {
        Map<String, Object> paths = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/v1/search", "/api/v1/search/formulas", "/api/v1/search/suggest",
                        "/api/v1/search/reindex", "/api/v1/search/reindex/{jobId}", "/api/v1/search/events")
                .doesNotContainKeys("/api/v1/search/search", "/api/v1/search/search/formulas", "/api/v1/search/search/suggest");
    }

    @Test
    void theOldPathsAnswerLikeTheNewOnes() {
        long id = 700_001;
        SearchDocument plain = SearchTestSupport.article(id, 1, "路径别名测试", "别名路径与新路径给出同样的结果。");
        FakeContentService.publish(new SearchDocument(id, 1, plain.slug(), plain.title(), plain.text(),
                List.of("\\beth_{7} \\oplus \\aleph_{3}"), plain.excerpt(), plain.category(), plain.tags(), null,
                plain.author(), plain.publishedAt(), plain.updatedAt(), 0, plain.url()));
        SearchTestSupport.sendEvent("article.published", id, 1).then().statusCode(204);

        // the corpus may still be loading (the start-up reconcile): compare the best hit, which is ours
        assertThat(get("/api/v1/search", "q", "别名路径").getLong("hits[0].id")).isEqualTo(id);
        assertThat(get("/api/v1/search/search", "q", "别名路径").getLong("hits[0].id")).isEqualTo(id);
        assertThat(get("/api/v1/search/formulas", "latex", "\\beth_{7} \\oplus \\aleph_{3}").getLong("hits[0].id")).isEqualTo(id);
        assertThat(get("/api/v1/search/search/formulas", "latex", "\\beth_{7} \\oplus \\aleph_{3}").getLong("hits[0].id")).isEqualTo(id);
        assertThat(get("/api/v1/search/suggest", "q", "路径别").getLong("suggestions[0].id")).isEqualTo(id);
        assertThat(get("/api/v1/search/search/suggest", "q", "路径别").getLong("suggestions[0].id")).isEqualTo(id);
        // the same validation too
        RestAssured.given().queryParam("q", "").get("/api/v1/search/search").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void withTheResultCacheOffEverySearchGoesThroughTheRestLayer() {
        // this profile runs with the cache off: the route answering hits before the REST layer is not installed
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/search", "q", "梯度下降").getLong("total")).isNotNegative();
        }
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("spaces_search_cache_route_hits_total 0.0")
                .contains("spaces_search_cache_requests_total{result=\"hit\"} 0.0");
    }

    /** A 503 is the right answer while a cold node outlasts the search timeout; this test is about routing. */
    private static JsonPath get(String path, String param, String value) {
        AtomicReference<JsonPath> json = new AtomicReference<>();
        SearchTestSupport.await(Duration.ofMinutes(2), () -> {
            var response = RestAssured.given().queryParam(param, value).queryParam("size", 5).get(path);
            assertThat(response.statusCode()).as(path).isIn(200, 503);
            json.set(response.jsonPath());
            return response.statusCode() == 200;
        });
        return json.get();
    }
}
