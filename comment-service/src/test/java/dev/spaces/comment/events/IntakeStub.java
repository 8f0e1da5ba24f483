package dev.spaces.comment.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for content-service (a JDK HttpServer, no WireMock): articles 1–3 are published, and
 * {@code POST /api/v1/webhooks/events} verifies each Standard Webhooks signature with commons
 * {@link StandardWebhooks#verify} and accepts each webhook-id once, as the real intake does. It can be stopped
 * (connection refused) and started again on the same port, refuse everything, lose its first answer for every
 * message (so the relay must redeliver), or hold each request until another one is in flight.
 */
public class IntakeStub implements QuarkusTestResourceLifecycleManager {

    public enum Mode {
        /** 204 for every valid delivery. */
        ACCEPT,
        /** 503 without taking anything. */
        REFUSE,
        /** Takes a new message, then answers 503 as if the answer were lost; a repeat gets 204. */
        LOSE_FIRST_ANSWER,
        /** Like ACCEPT, but each request waits (≤ 2 s, within the relay's timeout) until a second one is in flight. */
        PAIR
    }

    /** One request that reached the intake with a valid signature. */
    public record Delivery(String webhookId, String timestamp, String body, String type, long dataId) {
    }

    public static final String SECRET = StandardWebhooks.newSecret();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTICLE = Pattern.compile("/api/v1/articles/(\\d+)");

    public static volatile Mode mode = Mode.ACCEPT;
    /** Every verified request, in arrival order (repeats included). */
    public static final List<Delivery> requests = new CopyOnWriteArrayList<>();
    /** The first accepted body per webhook-id, i.e. what a deduplicating intake keeps. */
    public static final Map<String, Delivery> accepted = new ConcurrentHashMap<>();
    /** Webhook-ids in the order they were first accepted. */
    public static final List<String> acceptOrder = new CopyOnWriteArrayList<>();
    /** Requests whose signature did not verify (there must be none). */
    public static final List<String> invalid = new CopyOnWriteArrayList<>();
    /** Webhook-ids that arrived while the same id was still being handled. */
    public static final Set<String> concurrentDuplicates = ConcurrentHashMap.newKeySet();
    public static final AtomicInteger maxInFlight = new AtomicInteger();

    private static final Set<String> inFlightIds = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final Object PAIRING = new Object();
    private static volatile HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        startServer();
        return Map.of("quarkus.rest-client.content.url", "http://127.0.0.1:" + port,
                "spaces.events.relay.secret", SECRET);
    }

    /** Later than the global WireMock stub, so this address wins. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Forgets everything received and goes back to {@link Mode#ACCEPT}. */
    public static void reset() {
        mode = Mode.ACCEPT;
        requests.clear();
        accepted.clear();
        acceptOrder.clear();
        invalid.clear();
        concurrentDuplicates.clear();
        maxInFlight.set(0);
    }

    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                created.setExecutor(Executors.newCachedThreadPool());
                created.createContext("/", IntakeStub::handle);
                created.start();
                port = created.getAddress().getPort();
                server = created;
                return;
            } catch (BindException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UncheckedIOException(e);
                }
                Thread.onSpinWait(); // the old socket is still being released
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Connection refused from now on (until {@link #startServer()}). */
    public static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher article = ARTICLE.matcher(path);
            if (exchange.getRequestMethod().equals("GET") && article.matches()) {
                long id = Long.parseLong(article.group(1));
                if (id >= 1 && id <= 3) {
                    respond(exchange, 200, "{\"id\":" + id + ",\"slug\":\"a" + id + "\",\"title\":\"文章" + id
                            + "\",\"status\":\"published\",\"author\":{\"id\":\"sub-author\",\"name\":\"作者\"}}");
                } else {
                    respond(exchange, 404, "{\"status\":404}");
                }
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/webhooks/events")) {
                intake(exchange);
                return;
            }
            respond(exchange, 404, "{\"status\":404}");
        }
    }

    private static void intake(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst(StandardWebhooks.ID_HEADER);
        String timestamp = exchange.getRequestHeaders().getFirst(StandardWebhooks.TIMESTAMP_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(StandardWebhooks.SIGNATURE_HEADER);
        Mode current = mode;
        if (current == Mode.REFUSE) {
            respond(exchange, 503, "{\"status\":503}");
            return;
        }
        try {
            StandardWebhooks.verify(List.of(SECRET), id, timestamp, signature, body, Instant.now(),
                    StandardWebhooks.DEFAULT_TOLERANCE);
        } catch (WebhookVerificationException e) {
            invalid.add(id + ": " + e.getMessage());
            respond(exchange, 401, "{\"status\":401}");
            return;
        }
        if (!inFlightIds.add(id)) {
            concurrentDuplicates.add(id);
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (current == Mode.PAIR) {
                awaitPartner();
            }
            JsonNode envelope = JSON.readTree(body);
            Delivery delivery = new Delivery(id, timestamp, body, envelope.path("type").asText(),
                    envelope.path("data").path("id").asLong());
            requests.add(delivery);
            boolean first = accepted.putIfAbsent(id, delivery) == null;
            if (first) {
                acceptOrder.add(id);
            }
            respond(exchange, first && current == Mode.LOSE_FIRST_ANSWER ? 503 : 204, null);
        } finally {
            inFlight.decrementAndGet();
            inFlightIds.remove(id);
            synchronized (PAIRING) {
                PAIRING.notifyAll();
            }
        }
    }

    private static void awaitPartner() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        synchronized (PAIRING) {
            PAIRING.notifyAll();
            while (maxInFlight.get() < 2 && inFlight.get() < 2 && System.nanoTime() < deadline) {
                try {
                    PAIRING.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
