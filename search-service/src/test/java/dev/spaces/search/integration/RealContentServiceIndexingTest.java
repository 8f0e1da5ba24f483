package dev.spaces.search.integration;

import dev.spaces.commons.testing.TestTokens;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.spaces.search.support.SearchTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end, with nothing stubbed: an author publishes, edits and unpublishes in the real content-service; its
 * outbox relay delivers signed webhooks to this search-service, which fetches the document and indexes it in the real
 * Elasticsearch node. The deadlines are generous because they wait on real processes; they assert no speed
 * (publish→searchable latency is measured by the benchmark). Runs last: its own profile restarts the application
 * with fresh resources, and with the module's ordered classes Quarkus cannot switch back to the default profile.
 */
@Order(Integer.MAX_VALUE)
@QuarkusTest
@TestProfile(RealContentServiceIndexingTest.WithRealContentService.class)
class RealContentServiceIndexingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    public static class WithRealContentService implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealContentService.class));
        }
    }

    @Test
    void publishUpdateAndUnpublishReachTheIndexThroughWebhooks() {
        String first = word();
        String second = word();
        long id = author().body(Map.of("title", "范数的平方 " + first,
                        "markdown", "两点距离的平方写作 $\\left\\|\\mathbf{x} - \\mathbf{y}\\right\\|^{2}$，关键词 " + first + "。"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(searchIds(first)).as("a draft is not searchable").doesNotContain(id);

        author().body(Map.of()).post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        await(DEADLINE, () -> searchIds(first).contains(id));
        // the formula as a reader would type it finds the article's typeset spelling
        assertThat(searchIds("$\\|x-y\\|^2$")).contains(id);

        ExtractableResponse<Response> current = author().get("/api/v1/articles/" + id).then().statusCode(200).extract();
        author().header("If-Match", current.header("ETag"))
                .body(Map.of("title", "范数的平方 " + second, "markdown", "改写后的正文，关键词 " + second + "。"))
                .put("/api/v1/articles/" + id).then().statusCode(200);
        await(DEADLINE, () -> searchIds(second).contains(id) && !searchIds(first).contains(id));

        author().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        await(DEADLINE, () -> !searchIds(second).contains(id));
    }

    private static List<Long> searchIds(String q) {
        return SearchTestSupport.searchIds(q, 10);
    }

    private static RequestSpecification author() {
        return RestAssured.given().baseUri(RealContentService.baseUrl).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.token("search-e2e-author", "author"));
    }

    /** A Latin word no other article contains. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "x");
    }
}
