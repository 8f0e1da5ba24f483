package dev.spaces.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The four services (the reader site too) as WireMock servers on fixed ports (so a test can stop one and start it again). In front of
 * content's WireMock sits a small Vert.x server that serves one path itself — {@code /feed/large}, a 50 MB body
 * whose rest is held back until the test has seen the first bytes — and passes everything else to WireMock.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final long LARGE_FEED_BYTES = 50L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    public static WireMockServer content;
    public static WireMockServer comment;
    public static WireMockServer search;
    public static WireMockServer site;
    /** Released by the streaming test once the first bytes reached it through the gateway. */
    public static volatile CountDownLatch releaseLargeFeed = new CountDownLatch(1);
    public static final AtomicBoolean largeFeedFinished = new AtomicBoolean();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        content = wiremock();
        comment = wiremock();
        search = wiremock();
        site = wiremock();
        resetAll();
        vertx = Vertx.vertx();
        // pooled like the gateway's own client, so concurrent requests reach WireMock concurrently
        HttpProxy toWireMock = HttpProxy.reverseProxy(vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(64)))
                .origin(content.port(), "localhost");
        HttpServer front = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/feed/large")) {
                streamLargeFeed(request.response());
            } else {
                toWireMock.handle(request);
            }
        });
        int frontPort = front.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
        return Map.of(
                "spaces.gateway.upstreams.content", "http://localhost:" + frontPort,
                "spaces.gateway.upstreams.comment", comment.baseUrl(),
                "spaces.gateway.upstreams.search", search.baseUrl(),
                "spaces.gateway.upstreams.site", site.baseUrl());
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[]{content, comment, search, site}) {
            if (server != null) {
                server.stop();
            }
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Back to the default stubs: health, OpenAPI and an echo of which service answered. */
    public static void resetAll() {
        stubDefaults(content, "content");
        stubDefaults(comment, "comment");
        stubDefaults(search, "search");
        stubDefaults(site, "site");
    }

    private static void stubDefaults(WireMockServer server, String name) {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"service\":\"" + name + "\"}")));
        server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));
        server.stubFor(get(urlEqualTo("/q/openapi?format=json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(openApi(name))));
    }

    private static String openApi(String name) {
        return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},"
                + "\"paths\":{\"/api/v1/" + name + "-only\":{\"get\":{\"operationId\":\"" + name + "Only\","
                + "\"summary\":\"Only in " + name + "\",\"responses\":{\"200\":{\"description\":\"OK\"}}}}},"
                + "\"components\":{\"schemas\":{\"" + name + "Thing\":{\"type\":\"object\"}}}}";
    }

    private static WireMockServer wiremock() {
        // Content-Length on every stubbed body: the gateway caches only responses of known size
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(freePort())
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER).containerThreads(64));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void streamLargeFeed(HttpServerResponse response) {
        largeFeedFinished.set(false);
        response.setChunked(true).putHeader("Content-Type", "application/rss+xml");
        AtomicLong sent = new AtomicLong();
        response.write(pattern(0));
        sent.addAndGet(CHUNK);
        CountDownLatch latch = releaseLargeFeed;
        // the response's own event loop: pumping (and registering the drain handler) anywhere else races with the
        // drain event and can miss it, which hung this test once in CI
        io.vertx.core.Context responseContext = Vertx.currentContext();
        // wait for the test off the event loop, then stream the rest with back-pressure
        CompletableFuture.runAsync(() -> {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).thenRun(() -> responseContext.runOnContext(v -> pump(response, sent)));
    }

    private static void pump(HttpServerResponse response, AtomicLong sent) {
        while (sent.get() < LARGE_FEED_BYTES) {
            if (response.writeQueueFull()) {
                response.drainHandler(v -> pump(response, sent));
                return;
            }
            response.write(pattern(sent.get()));
            sent.addAndGet(CHUNK);
        }
        response.end().onSuccess(v -> largeFeedFinished.set(true));
    }

    /** Chunk content derived from its offset, so the receiver can check every byte. */
    static Buffer pattern(long offset) {
        byte[] bytes = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            bytes[i] = expectedByte(offset + i);
        }
        return Buffer.buffer(bytes);
    }

    static byte expectedByte(long position) {
        return (byte) ('a' + (position % 26));
    }
}
