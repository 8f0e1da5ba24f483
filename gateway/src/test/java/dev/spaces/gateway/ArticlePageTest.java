package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ArticlePageTest extends GatewayTest {

    private static final String ARTICLE = "{\"id\":12,\"title\":\"熵的意义\",\"series\":{\"slug\":\"s\",\"title\":\"系列\","
            + "\"position\":2,\"parts\":3,\"previous\":{\"id\":11,\"slug\":\"p\",\"title\":\"上一篇\"},"
            + "\"next\":{\"id\":13,\"slug\":\"n\",\"title\":\"下一篇\"}}}";

    private void stubParts(boolean commentsFail) {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/12")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(ARTICLE)));
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/12/related")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":20,\"title\":\"相关\"}]")));
        UpstreamStubs.comment.stubFor(get(urlEqualTo("/api/v1/comments/counts?articleIds=12")).willReturn(commentsFail
                ? aResponse().withStatus(500)
                : aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"12\":7}")));
    }

    @Test
    void composesArticleCommentCountSeriesAndRelated() {
        stubParts(false);
        client().header("X-Request-Id", "page-req-1").get("/api/v1/articles/12/page").then().statusCode(200)
                .body("article.title", equalTo("熵的意义"))
                .body("series.previous.id", equalTo(11))
                .body("series.next.id", equalTo(13))
                .body("commentCount", equalTo(7))
                .body("related.id", contains(20))
                .body("degraded", empty());
        UpstreamStubs.content.verify(getRequestedFor(urlPathEqualTo("/api/v1/articles/12/related"))
                .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("page-req-1")));
    }

    @Test
    void aFailingPartDegradesThePage() {
        stubParts(true);
        client().get("/api/v1/articles/12/page").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("article.id", equalTo(12))
                .body("$", not(hasKey("commentCount")))
                .body("related.id", contains(20))
                .body("degraded", contains("commentCount"));

        UpstreamStubs.comment.stop();
        try {
            UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/12/related"))
                    .willReturn(aResponse().withStatus(200).withBody("not json")));
            client().get("/api/v1/articles/12/page").then().statusCode(200)
                    .body("article.id", equalTo(12))
                    .body("degraded", contains("commentCount", "related"));
        } finally {
            UpstreamStubs.comment.start();
            UpstreamStubs.resetAll();
        }
    }

    @Test
    void aMissingArticleIsTheArticlesAnswer() {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/404")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        client().get("/api/v1/articles/404/page").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"));
        client().get("/api/v1/articles/0/page").then().statusCode(400);
    }
}
