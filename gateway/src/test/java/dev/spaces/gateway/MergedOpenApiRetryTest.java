package dev.spaces.gateway;

import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.service.OpenApiAggregator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A service the gateway has no OpenAPI document of (it was down or starting when the gateway started) is asked again
 * within seconds, not at the next full refresh: until then clients generated from the merged document lack its
 * operations.
 */
@QuarkusTest
@TestProfile(MergedOpenApiRetryTest.SlowRefresh.class)
class MergedOpenApiRetryTest extends GatewayTest {

    public static class SlowRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.gateway.openapi.refresh-interval", "PT1H",
                    "spaces.gateway.openapi.missing-retry-interval", "PT1S");
        }
    }

    @Test
    void aServiceThatWasDownAppearsInTheMergedDocumentSoonAfterItAnswers() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/content-only'", notNullValue()));
        UpstreamStubs.content.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withStatus(503)));
        OpenApiAggregator.forget(Upstream.CONTENT);
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/content-only'", nullValue())
                .body("paths.'/api/v1/comment-only'", notNullValue());

        UpstreamStubs.resetAll(); // content-service answers again; the next full refresh is an hour away
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/content-only'.get.operationId", notNullValue()));
    }
}
