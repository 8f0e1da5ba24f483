package dev.spaces.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook subscriber on loopback (the launcher allows 127.0.0.0/8 as a webhook target). It records every POST
 * and answers 204. {@link #stop()} closes the port (connections are refused, as with a crashed receiver);
 * {@link #start()} opens the same port again.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived: the three Standard Webhooks headers and the raw body. */
    public record Delivery(String id, String timestamp, String signature, String body, Instant receivedAt) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    public WebhookReceiver() throws IOException {
        bind(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/spaces";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Binds the port it had; a socket of the old server may linger briefly, so binding is retried. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                bind(port);
                return;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
    }

    private void bind(int wanted) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 50);
        created.createContext("/hooks/spaces", this::handle);
        created.start();
        server = created;
        port = created.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if ("POST".equals(exchange.getRequestMethod())) {
                var headers = exchange.getRequestHeaders();
                deliveries.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body, Instant.now()));
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
