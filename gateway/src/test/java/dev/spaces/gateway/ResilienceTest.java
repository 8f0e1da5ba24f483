package dev.spaces.gateway;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ResilienceTest extends GatewayTest {

    @Test
    void slowUpstreamIs504AfterTheRouteTimeout() {
        // reads time out after 2 s in %test
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/41"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000).withBody("{}")));
        client().get("/api/v1/articles/41").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://spaces.dev/problems/upstream-timeout"))
                .body("requestId", notNullValue());
        // a timeout is not retried: the client waits one timeout, not three
        UpstreamStubs.content.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/articles/41")));
    }

    @Test
    void idempotentGetsAreRetriedWritesAreNot() {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/archive")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/archive")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("[]")));
        client().get("/api/v1/archive").then().statusCode(200);
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/archive")));

        UpstreamStubs.content.stubFor(post(urlPathEqualTo("/api/v1/articles/5/publish"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":503,\"title\":\"Service unavailable\"}")));
        client().auth().oauth2(TestTokens.token("editor", "editor")).contentType("application/json").body("{}")
                .post("/api/v1/articles/5/publish")
                .then().statusCode(503).body("title", equalTo("Service unavailable")); // the service's own problem
        UpstreamStubs.content.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/articles/5/publish")));
    }

    @Test
    void loadSheddingPassesThroughWithoutRetriesOrOpeningTheCircuit() {
        UpstreamStubs.content.resetRequests();
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/popular")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Busy\"}")));
        for (int i = 0; i < 12; i++) { // more than the breaker's failure threshold
            client().get("/api/v1/articles/popular")
                    .then().statusCode(503).header("Retry-After", "1").body("title", equalTo("Busy"));
        }
        UpstreamStubs.content.verify(12, getRequestedFor(urlPathEqualTo("/api/v1/articles/popular"))); // none retried
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/popular")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        client().get("/api/v1/articles/popular").then().statusCode(200); // the circuit stayed closed
    }

    @Test
    void aReaderOfTheSiteGetsAPageInWordsWhenTheSiteIsDownButAClientOfTheApiStillGetsJson() {
        UpstreamStubs.site.stop();
        try {
            client().header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").get("/archives/12")
                    .then().statusCode(503).contentType(containsString("text/html"))
                    .header("Retry-After", notNullValue())
                    .body(containsString("网站暂时无法打开")).body(containsString("返回首页"))
                    .body(org.hamcrest.Matchers.not(containsString("{\"type\"")));
            client().header("Accept", "application/json").get("/archives/12")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            UpstreamStubs.site.start();
            UpstreamStubs.resetAll();
        }
    }

    @Test
    void upstreamDownIs503AndReadinessSaysSo() {
        UpstreamStubs.comment.stop();
        try {
            // connection refused: answered at once as 503 (not 504: nothing was waited for)
            client().get("/api/v1/comments/recent").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://spaces.dev/problems/upstream-unavailable"))
                    .body("detail", containsString("comment"));
            // enough failures open the circuit: still 503, without trying the upstream
            for (int i = 0; i < 12; i++) {
                client().get("/api/v1/comments/recent").then().statusCode(503);
            }
            // other upstreams are unaffected
            client().get("/api/v1/articles/1").then().statusCode(200);
            // comment-service is optional for readiness (default required: content) but is reported
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    RestAssured.get("/q/health/ready").then().statusCode(200)
                            .body("checks.find { it.name == 'upstreams' }.data.comment", containsString("unavailable")));
        } finally {
            UpstreamStubs.comment.start();
            UpstreamStubs.resetAll();
        }
        // the circuit half-opens after its reset timeout and closes on success
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                client().get("/api/v1/comments/recent").then().statusCode(200));
    }

    @Test
    void readinessFollowsRequiredUpstreams() {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                RestAssured.get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'upstreams' }.data.content", containsString("503")));
        UpstreamStubs.resetAll();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                RestAssured.get("/q/health/ready").then().statusCode(200));
    }
}
