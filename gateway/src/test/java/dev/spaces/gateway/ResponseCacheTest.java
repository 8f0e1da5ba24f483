package dev.spaces.gateway;

import dev.spaces.commons.testing.TestTokens;
import dev.spaces.commons.webhooks.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    @Test
    void browsersThatTakeGzipGetTheCachedPagesGzipCopyAndOtherClientsTheSameEntryAsIs() throws Exception {
        // a page as the site renders it: long, repetitive markup (MathML) that gzip shrinks many times over
        String page = "<!doctype html><html lang=\"zh-CN\"><title>梯度下降</title><main>"
                + "<p>步长 <math><mi>η</mi><mo>&gt;</mo><mn>0</mn></math> 时</p>".repeat(400) + "</main></html>";
        UpstreamStubs.site.stubFor(get(urlPathEqualTo("/archives/7")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html;charset=UTF-8")
                .withHeader("Cache-Control", "public, max-age=60").withHeader("ETag", "\"p7\"")
                .withHeader("Vary", "Accept-Language").withBody(page)));
        byte[] identity = raw().header("Accept-Encoding", "gzip, deflate, br, zstd").get("/archives/7").then()
                .statusCode(200).header("X-Cache", "MISS").header("Vary", "Accept-Language, Accept-Encoding")
                .extract().asByteArray();
        assertThat(new String(identity, StandardCharsets.UTF_8)).isEqualTo(page); // the first answer, before the copy

        // the copy is made off the event loop: within moments every gzip-taking client gets it
        io.restassured.response.Response gzipped = null;
        for (int i = 0; i < 100; i++) {
            gzipped = raw().header("Accept-Encoding", "gzip, deflate, br, zstd").get("/archives/7");
            if ("gzip".equals(gzipped.header("Content-Encoding"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("X-Cache")).isEqualTo("HIT");
        assertThat(gzipped.header("ETag")).isEqualTo("W/\"p7\"");
        assertThat(gzipped.header("Vary")).isEqualTo("Accept-Language, Accept-Encoding");
        byte[] compressed = gzipped.asByteArray();
        assertThat(Long.parseLong(gzipped.header("Content-Length"))).isEqualTo(compressed.length);
        assertThat(compressed.length).isLessThan(page.getBytes(StandardCharsets.UTF_8).length / 10);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(page);
        }
        // a client that does not take gzip (none, or refused with q=0) gets the identity copy of the same entry
        for (String acceptEncoding : new String[]{null, "identity", "gzip;q=0, br"}) {
            var request = raw();
            if (acceptEncoding != null) {
                request.header("Accept-Encoding", acceptEncoding);
            }
            var plain = request.get("/archives/7");
            assertThat(plain.header("Content-Encoding")).as(acceptEncoding).isNull();
            assertThat(plain.header("X-Cache")).isEqualTo("HIT");
            assertThat(plain.header("ETag")).isEqualTo("\"p7\"");
            assertThat(plain.asString()).isEqualTo(page);
        }
        // conditional GETs hold under either form of the tag (weak comparison)
        raw().header("Accept-Encoding", "gzip").header("If-None-Match", "W/\"p7\"").get("/archives/7").then()
                .statusCode(304).header("ETag", "W/\"p7\"").header("Content-Encoding", (String) null);
        raw().header("If-None-Match", "W/\"p7\"").get("/archives/7").then().statusCode(304);
        // one fill served them all, and it asked the site for identity whatever the browser sent
        UpstreamStubs.site.verify(1, getRequestedFor(urlPathEqualTo("/archives/7")));
        UpstreamStubs.site.verify(1, getRequestedFor(urlPathEqualTo("/archives/7"))
                .withHeader("Accept-Encoding", com.github.tomakehurst.wiremock.client.WireMock.equalTo("identity")));
    }

    @Test
    void smallAnswersImagesAndAnswersTheUpstreamEncodedItselfGetNoGzipCopy() throws Exception {
        stubArticle(107, "short", "\"s\""); // a few dozen bytes: not worth a copy
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/media/1/photo.png")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "image/png")
                .withHeader("Cache-Control", "public, max-age=60").withBody(new byte[4096])));
        for (String path : List.of("/api/v1/articles/107", "/api/v1/media/1/photo.png")) {
            for (int i = 0; i < 3; i++) {
                var answer = raw().header("Accept-Encoding", "gzip").get(path);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.header("Content-Encoding")).as(path).isNull();
                assertThat(answer.header("Vary")).as(path).isNull();
                Thread.sleep(30);
            }
        }
        // an upstream that gzips although asked for identity: its answer is passed on and never stored
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"id\":108}".getBytes(StandardCharsets.UTF_8));
        }
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/108")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withHeader("Cache-Control", "public, max-age=60").withBody(zipped.toByteArray())));
        raw().header("Accept-Encoding", "gzip").get("/api/v1/articles/108").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        raw().header("Accept-Encoding", "gzip").get("/api/v1/articles/108").then().statusCode(200)
                .header("X-Cache", (String) null);
        UpstreamStubs.content.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/articles/108")));
    }

    /** This test's client with RestAssured's own Accept-Encoding and decoding off: the bytes as sent. */
    private io.restassured.specification.RequestSpecification raw() {
        return client().config(io.restassured.config.RestAssuredConfig.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()));
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
