package dev.spaces.gateway;

import dev.spaces.commons.webhooks.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purge event received by one replica is passed on to the others, as signed, marked as relayed; relayed events
 * are purged but not passed on again, the mark bypasses no verification, repeats are harmless and a failing peer
 * is retried. The peer is {@link PeerStub}; the peer list also names this gateway, which must skip itself.
 */
@QuarkusTest
@TestProfile(PeerFanOutTest.WithPeers.class)
class PeerFanOutTest extends GatewayTest {

    public static class WithPeers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PeerStub.class));
        }
    }

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeEach
    void resetPeer() {
        PeerStub.reset();
    }

    @Test
    void anEventIsPassedOnAsSignedToEveryOtherReplicaButNotToItself() {
        double before = metric("spaces_gateway_cache_peer_forwards_total", "delivered");
        String body = "{\"type\":\"article.published\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"id\":301}}";
        Signed event = sign(body);
        event.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(event.id)));
        PeerStub.Forwarded forwarded = PeerStub.received.stream().filter(f -> f.id().equals(event.id)).findFirst().orElseThrow();
        assertThat(forwarded.timestamp()).isEqualTo(Long.toString(event.timestamp));
        assertThat(forwarded.signature()).isEqualTo(event.signature);
        assertThat(forwarded.body()).isEqualTo(body);
        assertThat(forwarded.relayedBy()).isNotBlank();
        // exactly one forward: the stub, not this replica itself (its own entry is in the peer list)
        await().atMost(PATIENCE).until(() -> metric("spaces_gateway_cache_peer_forwards_total", "delivered") >= before + 1);
        Signed marker = sign("{\"type\":\"webhook.ping\",\"data\":{}}");
        marker.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(marker.id)));
        assertThat(metric("spaces_gateway_cache_peer_forwards_total", "delivered")).isEqualTo(before + 2);
        assertThat(PeerStub.received).extracting(PeerStub.Forwarded::id).containsExactly(event.id, marker.id);
    }

    @Test
    void aRelayedEventPurgesHereAndGoesNoFurther() {
        stubArticle(302);
        client().get("/api/v1/articles/302").then().header("X-Cache", "MISS");
        client().get("/api/v1/articles/302").then().header("X-Cache", "HIT");
        Signed relayed = sign("{\"type\":\"article.updated\",\"data\":{\"id\":302}}");
        relayed.post("10.0.0.9:8080").then().statusCode(204);
        client().get("/api/v1/articles/302").then().header("X-Cache", "MISS");
        // a later direct event is passed on; the relayed one before it never was
        Signed direct = sign("{\"type\":\"webhook.ping\",\"data\":{}}");
        direct.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(direct.id)));
        assertThat(PeerStub.received).extracting(PeerStub.Forwarded::id).containsExactly(direct.id);
    }

    @Test
    void theRelayMarkBypassesNoVerification() {
        stubArticle(303);
        client().get("/api/v1/articles/303").then().header("X-Cache", "MISS");
        String body = "{\"type\":\"article.updated\",\"data\":{\"id\":303}}";
        long now = System.currentTimeMillis() / 1000;
        RestAssured.given().contentType("application/json").header(StandardWebhooks.ID_HEADER, "msg_forged")
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(StandardWebhooks.newSecret(), "msg_forged", now, body))
                .header("spaces-relayed-by", "10.0.0.9:8080").body(body).post("/internal/events")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType("application/json").header("spaces-relayed-by", "10.0.0.9:8080").body(body)
                .post("/internal/events").then().statusCode(401);
        client().get("/api/v1/articles/303").then().header("X-Cache", "HIT");
    }

    @Test
    void aRepeatedEventChangesNothingAndIsPassedOnOnce() {
        Signed event = sign("{\"type\":\"article.updated\",\"data\":{\"id\":304}}");
        event.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(event.id)));
        stubArticle(304);
        client().get("/api/v1/articles/304").then().header("X-Cache", "MISS");
        // the same event again (content-service retrying, or a peer's forward crossing it): no purge, no forward
        event.post(null).then().statusCode(204);
        event.post("10.0.0.9:8080").then().statusCode(204);
        client().get("/api/v1/articles/304").then().header("X-Cache", "HIT");
        Signed marker = sign("{\"type\":\"webhook.ping\",\"data\":{}}");
        marker.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(marker.id)));
        assertThat(PeerStub.received).extracting(PeerStub.Forwarded::id).containsExactly(event.id, marker.id);
    }

    @Test
    void aFailingPeerIsRetried() {
        double retries = metric("spaces_gateway_cache_peer_retries_total", null);
        PeerStub.failFirst = 2;
        Signed event = sign("{\"type\":\"article.updated\",\"data\":{\"id\":305}}");
        event.post(null).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> PeerStub.received.stream().anyMatch(f -> f.id().equals(event.id)));
        assertThat(metric("spaces_gateway_cache_peer_retries_total", null)).isGreaterThanOrEqualTo(retries + 2);
    }

    private void stubArticle(long id) {
        UpstreamStubs.content.stubFor(get(urlPathEqualTo("/api/v1/articles/" + id)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=60").withBody("{\"id\":" + id + "}")));
    }

    private record Signed(String id, long timestamp, String signature, String body) {
        io.restassured.response.Response post(String relayedBy) {
            var request = RestAssured.given().contentType("application/json")
                    .header(StandardWebhooks.ID_HEADER, id)
                    .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(StandardWebhooks.SIGNATURE_HEADER, signature);
            if (relayedBy != null) {
                request.header("spaces-relayed-by", relayedBy);
            }
            return request.body(body).post("/internal/events");
        }
    }

    private static Signed sign(String body) {
        String id = "msg_" + UUID.randomUUID();
        long now = System.currentTimeMillis() / 1000;
        return new Signed(id, now, StandardWebhooks.signatureHeader(List.of(SECRET), id, now, body), body);
    }

    static double metric(String name, String outcome) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> outcome == null || l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
