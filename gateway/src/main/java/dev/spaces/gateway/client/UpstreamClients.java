package dev.spaces.gateway.client;

import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Pooled keep-alive HTTP clients for all upstreams, and one circuit breaker per upstream that every call to it
 * (proxied or composed) goes through, so a dead service is detected once and failed fast everywhere.
 * <p>
 * Each event loop has a client (a pool) of its own. Vert.x opens a connection on the event loop that asked for it,
 * but one shared pool hands any idle connection to any caller: a request arriving on one loop would then be written
 * and answered on another, and every hop between the two threads is a task hand-off plus an eventfd wake-up
 * (measured: about half of the proxy path's CPU). With a pool per loop, a proxied request stays on one thread.
 */
@ApplicationScoped
public class UpstreamClients {

    private static final Logger LOG = Logger.getLogger(UpstreamClients.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final HttpClientOptions options;
    private final PoolOptions loopPool;
    /** For callers off the event loops (worker threads); event-loop callers use their own loop's client. */
    private final HttpClient shared;
    private final Map<Thread, HttpClient> loopClients = new ConcurrentHashMap<>();
    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);
    private final Map<Upstream, HostAndPort> authorities = new EnumMap<>(Upstream.class);

    public UpstreamClients(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.http().keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) config.http().connectTimeout().toMillis())
                .setTcpNoDelay(true)
                // bodies pass through as the upstream encoded them
                .setDecompressionSupported(false);
        // the per-upstream connection limit is shared out among the loops (the server spreads clients evenly)
        int loops = Math.max(1, (int) StreamSupport.stream(vertx.nettyEventLoopGroup().spliterator(), false).count());
        int perLoop = Math.max(1, (config.http().maxConnectionsPerUpstream() + loops - 1) / loops);
        this.loopPool = new PoolOptions().setHttp1MaxSize(perLoop);
        this.shared = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(config.http().maxConnectionsPerUpstream()));
        GatewayConfig.Resilience resilience = config.resilience();
        for (Upstream upstream : Upstream.values()) {
            CircuitBreakerOptions breakerOptions = new CircuitBreakerOptions()
                    .setMaxFailures(resilience.breakerMaxFailures())
                    .setFailuresRollingWindow(resilience.breakerFailureWindow().toMillis())
                    .setResetTimeout(resilience.breakerResetTimeout().toMillis())
                    .setTimeout(-1) // timeouts are per route, on the request itself
                    .setNotificationAddress(null);
            CircuitBreaker breaker = CircuitBreaker.create("upstream-" + upstream.id(), vertx, breakerOptions)
                    .openHandler(v -> LOG.warnf("Circuit to %s opened: failing fast", upstream.id()))
                    .closeHandler(v -> LOG.infof("Circuit to %s closed", upstream.id()))
                    // an attempt cut short because its client left says nothing about the service
                    .failurePolicy(outcome -> outcome.failed() && !(outcome.cause() instanceof ClientGone));
            breakers.put(upstream, breaker);
            URI url = config.url(upstream);
            authorities.put(upstream, HostAndPort.create(url.getHost(), port(url)));
        }
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
        loopClients.values().forEach(HttpClient::close);
        shared.close();
    }

    /** The calling event loop's client (created on first use), or the shared one off the event loops. */
    HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        return loopClients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(options, loopPool));
    }

    public HostAndPort authority(Upstream upstream) {
        return authorities.get(upstream);
    }

    public CircuitBreakerState state(Upstream upstream) {
        return breakers.get(upstream).state();
    }

    /** A request to the upstream whose response must start within {@code timeout} (and never pause longer). */
    public Future<HttpClientRequest> request(Upstream upstream, HttpMethod method, String uri, Duration timeout) {
        URI base = config.url(upstream);
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port(base))
                .setSsl("https".equalsIgnoreCase(base.getScheme()))
                .setURI(uri)
                .setIdleTimeout(timeout.toMillis());
        return client().request(request);
    }

    /**
     * Runs attempts through the upstream's circuit breaker. A result that {@code isFailure} (a 502/503/504 answer)
     * counts against the breaker; when {@code retries} remain, failed attempts are retried after a short backoff —
     * callers pass retries only for idempotent requests. When all attempts fail with a result, the last result is
     * returned (the upstream's own error passes through); {@code discard} releases results that are dropped.
     * <p>
     * Once {@code abandoned} says the caller's own client has gone, a failed attempt fails with {@link ClientGone}:
     * the proxy resets the upstream request when its client disconnects, and such a reset is neither counted
     * against the circuit nor retried. (The breaker treats an uncounted outcome like a success and resets its
     * failure count; the next real failure counts again.)
     */
    public <T> Future<T> guarded(Upstream upstream, int retries, Supplier<Future<T>> attempt,
                                 Function<T, Boolean> isFailure, Consumer<T> discard, BooleanSupplier abandoned) {
        if (abandoned.getAsBoolean()) {
            return Future.failedFuture(new ClientGone(null));
        }
        CircuitBreaker breaker = breakers.get(upstream);
        Future<T> outcome = breaker.<T>execute(promise -> attempt.get().onComplete(ar -> {
            // a stream reset on HTTP/1.1 is always our own: the proxy resets the upstream request when its client
            // leaves, and that failure may be seen before the edge response reports itself closed
            if (ar.failed() && (abandoned.getAsBoolean() || ar.cause() instanceof StreamResetException)) {
                promise.fail(new ClientGone(ar.cause()));
            } else if (ar.succeeded() && isFailure.apply(ar.result())) {
                promise.fail(new FailedResult(ar.result()));
            } else {
                promise.handle(ar);
            }
        }));
        return outcome.recover(error -> {
            boolean retryable = retries > 0 && breaker.state() != CircuitBreakerState.OPEN
                    && !abandoned.getAsBoolean()
                    && (error instanceof FailedResult || UpstreamFailure.isConnectionFailure(error));
            if (retryable) {
                if (error instanceof FailedResult failed) {
                    discard.accept(failed.<T>result());
                }
                Promise<T> next = Promise.promise();
                vertx.setTimer(Math.max(1, config.resilience().retryBackoff().toMillis()),
                        id -> guarded(upstream, retries - 1, attempt, isFailure, discard, abandoned).onComplete(next));
                return next.future();
            }
            if (error instanceof FailedResult failed) {
                return Future.succeededFuture(failed.result());
            }
            return Future.failedFuture(error);
        });
    }

    /** A buffered GET (for composition, OpenAPI and probes), guarded and retried like proxied GETs. */
    public Future<Reply> get(Upstream upstream, String uri, MultiMap headers, Duration timeout) {
        return guarded(upstream, config.resilience().getRetries(), () -> fetch(upstream, uri, headers, timeout),
                reply -> UpstreamFailure.isUpstreamOutage(reply.status(), reply.headers().get(HttpHeaders.RETRY_AFTER)), reply -> { }, () -> false);
    }

    /** A buffered GET outside the breaker: health probes must see the upstream even while its circuit is open. */
    public Future<Reply> probe(Upstream upstream, String uri, Duration timeout) {
        return fetch(upstream, uri, MultiMap.caseInsensitiveMultiMap(), timeout);
    }

    private Future<Reply> fetch(Upstream upstream, String uri, MultiMap headers, Duration timeout) {
        return request(upstream, HttpMethod.GET, uri, timeout)
                .compose(request -> {
                    request.headers().addAll(headers);
                    return request.send();
                })
                .compose(response -> response.body()
                        .map(body -> new Reply(response.statusCode(), response.headers(), body)));
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** A whole upstream response. */
    public record Reply(int status, MultiMap headers, Buffer body) {
    }

    /** An attempt that failed after its client had disconnected: not the upstream's fault. */
    public static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super("client disconnected", cause, false, false);
        }
    }

    /** Carries a response the breaker must count as a failure. */
    private static final class FailedResult extends RuntimeException {
        private final Object result;

        FailedResult(Object result) {
            super(null, null, false, false);
            this.result = result;
        }

        @SuppressWarnings("unchecked")
        <T> T result() {
            return (T) result;
        }
    }
}
