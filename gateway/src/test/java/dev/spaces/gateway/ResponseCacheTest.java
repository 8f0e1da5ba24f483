package dev.spaces.gateway;

import dev.spaces.commons.testing.TestTokens;
import dev.spaces.commons.webhooks.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class ResponseCacheTest extends GatewayTest {

    /** The %test secret (spaces.gateway.events.secrets). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private void stubArticle(long id, String title, String etag) {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/" + id)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withHeader("ETag", etag)
                .withBody("{\"id\":" + id + ",\"title\":\"" + title + "\"}")));
    }

    @Test
    void secondAnonymousGetIsServedFromCacheUntilAPublishEventPurgesIt() {
        stubArticle(101, "v1", "\"v1\"");
        client().get("/api/v1/articles/101").then().statusCode(200).header("X-Cache", "MISS").body("title", equalTo("v1"));
        String date = client().get("/api/v1/articles/101").then().statusCode(200).header("X-Cache", "HIT")
                .header("ETag", "\"v1\"").header("Cache-Control", "public, max-age=60").body("title", equalTo("v1"))
                .header("Age", matchesPattern("\\d+"))
                .extract().header("Date");
        // RFC 9110 IMF-fixdate, stated by the cache itself
        assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        Instant served = DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
        assertThat(Duration.between(served, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        UpstreamStubs.content.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/articles/101")));

        // the gateway answers conditional requests itself
        client().header("If-None-Match", "\"v1\"").get("/api/v1/articles/101").then().statusCode(304)
                .header("ETag", "\"v1\"");
        UpstreamStubs.content.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/articles/101")));

        stubArticle(101, "v2", "\"v2\"");
        sendEvent("{\"type\":\"article.updated\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"id\":101,\"slug\":\"a\"}}")
                .then().statusCode(204);
        client().get("/api/v1/articles/101").then().statusCode(200).header("X-Cache", "MISS").body("title", equalTo("v2"));
        client().header("If-None-Match", "\"v1\"").get("/api/v1/articles/101").then().statusCode(200)
                .body("title", equalTo("v2"));
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/101")));
        // each fill asked the origin, past any read cache of the service (the purge may have outrun a replica)
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/101"))
                .withHeader("Cache-Control", com.github.tomakehurst.wiremock.client.WireMock.equalTo("no-cache")));
    }

    @Test
    void authenticatedAndUncacheableAnswersAreNeverStored() {
        stubArticle(102, "draft", "\"d\"");
        String token = TestTokens.token("author", "author");
        client().auth().oauth2(token).get("/api/v1/articles/102").then().statusCode(200);
        client().auth().oauth2(token).get("/api/v1/articles/102").then().statusCode(200);
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/102")));
        // an anonymous reader neither gets the signed-in answer from the cache nor shares one
        client().get("/api/v1/articles/102").then().header("X-Cache", "MISS");
        UpstreamStubs.content.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/articles/102")));

        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/103")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "private, max-age=60").withBody("{}")));
        client().get("/api/v1/articles/103").then().statusCode(200);
        client().get("/api/v1/articles/103").then().statusCode(200);
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/103")));
    }

    @Test
    void siteAndPageEventsPurgeContentAnswersAndLeaveCommentOnes() {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/site")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withBody("{\"name\":\"Spaces\"}")));
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/pages/about")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withBody("{\"slug\":\"about\"}")));
        UpstreamStubs.comment.stubFor(get(urlPathEqualTo("/api/v1/members/77")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withBody("{\"id\":77}")));
        for (String path : List.of("/api/v1/site", "/api/v1/pages/about", "/api/v1/members/77")) {
            client().get(path).then().statusCode(200);
            client().get(path).then().statusCode(200).header("X-Cache", "HIT");
        }

        sendEvent("{\"type\":\"site.updated\",\"data\":{\"version\":2}}").then().statusCode(204);
        client().get("/api/v1/site").then().statusCode(200).header("X-Cache", "MISS");
        client().get("/api/v1/pages/about").then().statusCode(200).header("X-Cache", "MISS");
        client().get("/api/v1/members/77").then().statusCode(200).header("X-Cache", "HIT");

        client().get("/api/v1/pages/about").then().header("X-Cache", "HIT");
        sendEvent("{\"type\":\"page.deleted\",\"data\":{\"slug\":\"about\"}}").then().statusCode(204);
        client().get("/api/v1/pages/about").then().statusCode(200).header("X-Cache", "MISS");
        client().get("/api/v1/members/77").then().statusCode(200).header("X-Cache", "HIT");
        UpstreamStubs.comment.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/members/77")));
    }

    @Test
    void unsignedOrForgedEventsAreRejectedAndPurgeNothing() {
        stubArticle(104, "kept", "\"k\"");
        client().get("/api/v1/articles/104").then().header("X-Cache", "MISS");
        String body = "{\"type\":\"article.updated\",\"data\":{\"id\":104}}";
        RestAssured.given().contentType("application/json").body(body).post("/internal/events")
                .then().statusCode(401).contentType("application/problem+json");
        long now = System.currentTimeMillis() / 1000;
        String forged = StandardWebhooks.sign(StandardWebhooks.newSecret(), "msg_1", now, body);
        RestAssured.given().contentType("application/json").header(StandardWebhooks.ID_HEADER, "msg_1")
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhooks.SIGNATURE_HEADER, forged).body(body).post("/internal/events")
                .then().statusCode(401);
        client().get("/api/v1/articles/104").then().header("X-Cache", "HIT");
        // a signed event that is not about content purges nothing
        sendEvent("{\"type\":\"webhook.ping\",\"data\":{}}").then().statusCode(204);
        client().get("/api/v1/articles/104").then().header("X-Cache", "HIT");
        sendEvent("not json").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void entriesNeverOutliveTheUpstreamsMaxAgeCountingItsAge() {
        // an answer already as old as its max-age (an upstream cache used it up) is not stored at all
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/105")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withHeader("Age", "60").withBody("{}")));
        client().get("/api/v1/articles/105").then().statusCode(200);
        client().get("/api/v1/articles/105").then().statusCode(200);
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/105")));
        // one with time left is stored for what is left, and its Age keeps counting from the upstream's
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/106")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withHeader("Age", "45").withBody("{}")));
        client().get("/api/v1/articles/106").then().statusCode(200);
        String age = client().get("/api/v1/articles/106").then().statusCode(200).header("X-Cache", "HIT")
                .extract().header("Age");
        assertThat(Long.parseLong(age)).isBetween(45L, 60L);
    }

    private io.restassured.response.Response sendEvent(String body) {
        String id = "msg_" + UUID.randomUUID();
        long now = System.currentTimeMillis() / 1000;
        return RestAssured.given().contentType("application/json")
                .header(StandardWebhooks.ID_HEADER, id)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.signatureHeader(List.of(SECRET), id, now, body))
                .body(body).post("/internal/events");
    }
}
