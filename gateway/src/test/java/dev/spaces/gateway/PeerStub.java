package dev.spaces.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another gateway replica as far as purge events go: a Vert.x server that records every forwarded event and can
 * fail the first attempts of each. The gateway under test gets a fixed port and a peer list naming the stub and
 * itself (which it must skip).
 */
public class PeerStub implements QuarkusTestResourceLifecycleManager {

    /** One POST /internal/events as the peer received it. */
    public record Forwarded(String id, String timestamp, String signature, String relayedBy, String body) {
    }

    public static final List<Forwarded> received = new CopyOnWriteArrayList<>();
    /** Answer 503 to this many attempts of each webhook-id before taking it. */
    public static volatile int failFirst;
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    public static int gatewayPort;

    private Vertx vertx;

    public static void reset() {
        received.clear();
        attempts.clear();
        failFirst = 0;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String id = request.getHeader("webhook-id");
            if (attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() <= failFirst) {
                request.response().setStatusCode(503).end();
                return;
            }
            received.add(new Forwarded(id, request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"),
                    request.getHeader("spaces-relayed-by"), body.toString()));
            request.response().setStatusCode(204).end();
        }));
        int peerPort = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
        try (ServerSocket socket = new ServerSocket(0)) {
            gatewayPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.http.test-port", String.valueOf(gatewayPort),
                "spaces.gateway.cache.peers", "127.0.0.1:" + peerPort + ",127.0.0.1:" + gatewayPort,
                "spaces.gateway.cache.peer-timeout", "PT1S");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
