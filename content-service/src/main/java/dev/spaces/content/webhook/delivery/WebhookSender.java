package dev.spaces.content.webhook.delivery;

import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookTargetPolicy.RefusedTarget;
import dev.spaces.commons.webhooks.WebhookTargetPolicy.Target;
import dev.spaces.commons.webhooks.WebhookTargetPolicy;
import dev.spaces.content.webhook.WebhookConfig;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed delivery. Every attempt resolves the host and checks every address against the SSRF policy,
 * then connects to exactly that address (Host header and TLS name stay the URL's host), so DNS rebinding cannot
 * redirect it. Redirects are never followed: a 3xx is a failed attempt. Only the status code of the answer matters;
 * its body is discarded (and the connection dropped if it is large).
 */
@ApplicationScoped
public class WebhookSender {

    /** Result of one attempt; {@code statusCode} is null when no HTTP answer came. */
    public record Outcome(Integer statusCode, String error, int durationMs, boolean refused) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** Worth holding the whole queue back: nothing answered, or the receiver says it is overloaded or down. */
        public boolean receiverUnavailable() {
            return statusCode == null || statusCode == 408 || statusCode == 429 || statusCode >= 500;
        }
    }

    private static final long MAX_DISCARDED_BODY = 64 * 1024;

    private final WebhookTargetPolicy policy;
    private final HttpClient client;
    private final WebhookConfig config;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.config = config;
        this.policy = new WebhookTargetPolicy(config.allowedPrivateNetworks().orElse(List.of()));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(4)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTryUseCompression(false));
    }

    /** Syntax and address check of a URL as it is now; throws {@link RefusedTarget} with a showable reason. */
    public void check(String url) {
        policy.resolve(url);
    }

    public Outcome send(String url, List<String> secrets, String messageId, String body) {
        long started = System.nanoTime();
        Target target;
        try {
            target = policy.resolve(url);
        } catch (RefusedTarget e) {
            return new Outcome(null, "refused: " + e.getMessage(), elapsed(started), true);
        }
        long timestamp = Instant.now().getEpochSecond();
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.addresses().getFirst(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.totalTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Spaces-Webhooks/1.0")
                .putHeader(StandardWebhooks.ID_HEADER, messageId)
                .putHeader(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE_HEADER,
                        StandardWebhooks.signatureHeader(secrets, messageId, timestamp, body));
        Promise<Integer> status = Promise.promise();
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        client.request(options).onFailure(status::tryFail).onSuccess(req -> {
            request.set(req);
            req.send(Buffer.buffer(body)).onFailure(status::tryFail).onSuccess(response -> {
                AtomicLong received = new AtomicLong();
                response.exceptionHandler(ignored -> { });
                response.handler(chunk -> {
                    if (received.addAndGet(chunk.length()) > MAX_DISCARDED_BODY) {
                        req.connection().close();
                    }
                });
                status.tryComplete(response.statusCode());
            });
        });
        try {
            int code = status.future().toCompletionStage().toCompletableFuture()
                    .get(config.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            String error = code >= 300 && code < 400 ? "redirects are not followed" : null;
            return new Outcome(code, error, elapsed(started), false);
        } catch (TimeoutException e) {
            HttpClientRequest pending = request.get();
            if (pending != null) {
                pending.reset();
            }
            status.tryFail("timed out");
            return new Outcome(null, "timed out after " + config.totalTimeout().toMillis() + " ms", elapsed(started),
                    false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, describe(cause), elapsed(started), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(started), false);
        }
    }

    /** Connection problems in words, without class names or stack traces (they are shown to admins). */
    private static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof java.net.ConnectException || message.contains("Connection refused")) {
            return "connection refused";
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException || message.contains("connection timed out")) {
            return "connect timed out";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed";
        }
        if (message.contains("closed") || message.contains("reset")) {
            return "connection closed by the receiver";
        }
        return "request failed";
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
