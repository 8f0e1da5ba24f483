package dev.spaces.gateway;

import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** %test allows 5 searches per client (and 10 per token subject) per hour. */
@QuarkusTest
class RateLimitTest extends GatewayTest {

    @Test
    void searchesBeyondTheQuotaAre429WithRateLimitHeaders() {
        for (int i = 5; i >= 1; i--) {
            client().get("/api/v1/search?q=熵").then().statusCode(200)
                    .header("RateLimit-Policy", "\"search\";q=5;w=3600")
                    .header("RateLimit", matchesPattern("\"search\";r=" + (i - 1) + ";t=\\d+"));
        }
        client().get("/api/v1/search?q=熵").then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit-Policy", "\"search\";q=5;w=3600")
                .header("RateLimit", matchesPattern("\"search\";r=0;t=[1-9]\\d*"));
        UpstreamStubs.search.verify(5, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/search")));

        // other clients and other route classes have their own buckets
        io.restassured.RestAssured.given().header("X-Forwarded-For", clientAddress + "1")
                .get("/api/v1/search?q=熵").then().statusCode(200);
        client().get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void signedInCallersAreCountedBySubjectNotAddress() {
        String token = TestTokens.token("quota-" + clientAddress, "member");
        for (int i = 0; i < 10; i++) {
            // a different address each time: the subject's bucket still fills
            io.restassured.RestAssured.given().header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .auth().oauth2(token).get("/api/v1/search?q=x").then().statusCode(200);
        }
        io.restassured.RestAssured.given().header("X-Forwarded-For", "203.0.113.99").auth().oauth2(token)
                .get("/api/v1/search?q=x").then().statusCode(429);
    }
}
