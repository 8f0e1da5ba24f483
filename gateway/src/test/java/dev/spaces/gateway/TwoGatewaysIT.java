package dev.spaces.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.spaces.commons.testing.services.PackagedService;
import dev.spaces.commons.webhooks.StandardWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real gateway replicas (the packaged jar, run twice) that list each other — and themselves — as peers,
 * in front of one content-service stand-in: an event delivered to replica A purges replica B's cache too, and a
 * forged event sent to B with the relay mark is refused. Runs after packaging (failsafe).
 */
class TwoGatewaysIT {

    private static final String SECRET = StandardWebhooks.newSecret();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile String title = "v1";
    private static HttpServer upstream;
    private static PackagedService a;
    private static PackagedService b;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        upstream.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = (path.equals("/api/v1/articles/7") ? "{\"id\":7,\"title\":\"" + title + "\"}"
                        : "{\"status\":\"UP\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (path.startsWith("/api/")) {
                    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        upstream.start();
        String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
        int portA = PackagedService.freePort();
        int portB = PackagedService.freePort();
        Map<String, String> env = Map.of(
                "SPACES_CONTENT_URL", upstreamUrl, "SPACES_COMMENT_URL", upstreamUrl, "SPACES_SEARCH_URL", upstreamUrl,
                "SPACES_GATEWAY_WEBHOOK_SECRET", SECRET,
                "SPACES_GATEWAY_CACHE_PEERS", "127.0.0.1:" + portA + ",127.0.0.1:" + portB);
        a = PackagedService.start("gateway", portA, "SPACES_GATEWAY_PORT", null, env, Map.of());
        b = PackagedService.start("gateway", portB, "SPACES_GATEWAY_PORT", null, env, Map.of());
    }

    @AfterAll
    static void stop() {
        for (PackagedService gateway : new PackagedService[]{a, b}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void anEventToOneReplicaPurgesTheOther() throws Exception {
        assertThat(get(a)).isEqualTo("MISS v1");
        assertThat(get(b)).isEqualTo("MISS v1");
        assertThat(get(b)).isEqualTo("HIT v1");
        title = "v2";
        assertThat(get(b)).as("B serves its cached copy until purged").isEqualTo("HIT v1");

        String body = "{\"type\":\"article.updated\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"id\":7}}";
        assertThat(post(a, body, SECRET, null)).isEqualTo(204);
        assertThat(get(a)).isEqualTo("MISS v2");
        await().atMost(Duration.ofSeconds(20)).until(() -> get(b).endsWith("v2"));

        // a forged event with the relay mark is refused and purges nothing
        title = "v3";
        assertThat(get(b)).isEqualTo("HIT v2");
        assertThat(post(b, body, StandardWebhooks.newSecret(), "127.0.0.1:" + a.baseUrl().replaceAll(".*:", "")))
                .isEqualTo(401);
        assertThat(get(b)).isEqualTo("HIT v2");
        // and each replica passed the one event on to the other only (never to itself, never back)
        await().atMost(Duration.ofSeconds(20)).until(() -> metric(a, "delivered") == 1.0);
        assertThat(metric(b, "delivered")).isEqualTo(0.0);
    }

    /** "X-Cache title" of GET /api/v1/articles/7 through a replica. */
    private static String get(PackagedService gateway) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/articles/7"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String title = response.body().replaceAll(".*\"title\":\"([^\"]*)\".*", "$1");
        return response.headers().firstValue("X-Cache").orElse("?") + " " + title;
    }

    private static int post(PackagedService gateway, String body, String secret, String relayedBy) throws Exception {
        String id = "msg_" + UUID.randomUUID();
        long now = System.currentTimeMillis() / 1000;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/internal/events"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header(StandardWebhooks.ID_HEADER, id)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.signatureHeader(List.of(secret), id, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (relayedBy != null) {
            request.header("spaces-relayed-by", relayedBy);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double metric(PackagedService gateway, String outcome) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("spaces_gateway_cache_peer_forwards_total{")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
