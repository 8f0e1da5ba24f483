package dev.spaces.gateway.rest;

import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.client.UpstreamFailure;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.CachedResponse;
import dev.spaces.gateway.domain.EdgeCaller;
import dev.spaces.gateway.domain.Route;
import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.service.ResponseCache;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Forwards one request with Vert.x http-proxy: headers are rewritten by the library (hop-by-hop dropped,
 * X-Forwarded-Host added) and bodies are piped with back-pressure in both directions, so large feeds stream
 * through without being buffered. Around it: per-route timeout, GET retries and the upstream's circuit breaker
 * ({@link UpstreamClients#guarded}), and the anonymous response cache.
 */
@ApplicationScoped
public class ProxyForwarder {

    private static final Logger LOG = Logger.getLogger(ProxyForwarder.class);
    /** Not stored with a cached response: per-connection, per-response, or recomputed when served. */
    private static final Set<String> UNCACHED_HEADERS = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "date", "age", "set-cookie", "x-cache", "x-request-id");

    private static final CharSequence DATE = HttpHeaders.createOptimized("Date");
    private static final CharSequence AGE = HttpHeaders.createOptimized("Age");
    private static final CharSequence X_CACHE = HttpHeaders.createOptimized("X-Cache");

    private final UpstreamClients clients;
    private final ResponseCache cache;
    private final GatewayConfig config;
    private final Problems problems;

    public ProxyForwarder(UpstreamClients clients, ResponseCache cache, GatewayConfig config, Problems problems) {
        this.clients = clients;
        this.cache = cache;
        this.config = config;
        this.problems = problems;
    }

    /** Expects the request paused (its body not yet read); answers it one way or another. */
    public void forward(HttpServerRequest request, Route route, EdgeCaller caller) {
        Upstream upstream = route.upstream();
        HttpMethod method = request.method();
        boolean bodiless = bodiless(request);
        boolean idempotent = bodiless && (method == HttpMethod.GET || method == HttpMethod.HEAD);
        // Only anonymous GETs share answers; a token (even one we could not read) means a personal answer.
        boolean cacheable = cache.enabled() && method == HttpMethod.GET && bodiless && !caller.authenticated()
                && request.getHeader("Authorization") == null && request.getHeader("Cookie") == null;
        String key = cacheable ? ResponseCache.key(upstream, request.uri(), request.headers()) : null;
        if (cacheable) {
            CachedResponse hit = cache.get(key);
            if (hit != null) {
                request.resume();
                serve(request, hit, "HIT");
                return;
            }
        }

        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        MultiMap headers = proxyRequest.headers();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
        if (!headers.contains("X-Forwarded-Proto")) {
            headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        }
        if (cacheable) {
            // fetch the full answer so it can be stored; conditionals are then answered here
            headers.remove("If-None-Match");
            headers.remove("If-Modified-Since");
            // from the origin, not from a service's own read cache: right after a purge, a replica that has not yet
            // seen the write could otherwise hand back the old answer, which would then be kept here for its lifetime
            headers.set("Cache-Control", "no-cache");
        }
        proxyRequest.setAuthority(clients.authority(upstream));

        AtomicBoolean tooLarge = new AtomicBoolean();
        if (!bodiless && contentLength(request.headers()) < 0) {
            // chunked upload of unknown size: count while streaming and stop at the limit
            proxyRequest.setBody(Body.body(new LimitedStream(request, config.maxBodySize().asLongValue(), tooLarge), -1));
        }
        Duration timeout = config.routeClass(route.routeClass()).timeout();
        int retries = idempotent ? config.resilience().getRetries() : 0;
        Supplier<Future<ProxyResponse>> attempt = () -> {
            if (idempotent) {
                proxyRequest.setBody(Body.body(Buffer.buffer())); // a fresh (empty) body per attempt
            }
            return clients.request(upstream, method, proxyRequest.getURI(), timeout).compose(proxyRequest::send);
        };
        if (idempotent) {
            request.resume();
        }
        HttpServerResponse edgeResponse = request.response();
        clients.guarded(upstream, retries, attempt, response -> UpstreamFailure.isUpstreamOutage(response.getStatusCode(),
                                response.headers().get(HttpHeaders.RETRY_AFTER)),
                        ProxyResponse::release, edgeResponse::closed)
                .onSuccess(response -> respond(request, response, cacheable ? key : null, upstream))
                .onFailure(error -> fail(request, proxyRequest, error, upstream, tooLarge.get()));
    }

    private void respond(HttpServerRequest request, ProxyResponse response, String cacheKey, Upstream upstream) {
        if (gone(request)) {
            response.release();
            return;
        }
        if (cacheKey != null && response.getStatusCode() == 200) {
            OptionalLong lifetime = cache.lifetimeMillis(response.headers());
            long length = contentLength(response.headers());
            if (lifetime.isPresent() && length >= 0 && length <= cache.maxEntryBytes()) {
                collect(response.getBody().stream(), length).onComplete(ar -> {
                    if (ar.failed()) {
                        request.response().reset();
                        return;
                    }
                    CachedResponse entry = new CachedResponse(upstream, 200, storable(response.headers()), ar.result(),
                            response.headers().get("ETag"),
                            System.currentTimeMillis() - ResponseCache.upstreamAgeMillis(response.headers()),
                            lifetime.getAsLong());
                    cache.put(cacheKey, entry);
                    serve(request, entry, "MISS");
                });
                return;
            }
        }
        try {
            response.send();
        } catch (IllegalStateException e) {
            // the client left between the upstream's headers and its body: nobody to answer
            LOG.debugf("%s %s: client gone before the response was sent", request.method(), request.path());
            response.release();
        }
    }

    /** The client disconnected (or the answer was already given): nothing more may be written. */
    private static boolean gone(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        return response.closed() || response.ended();
    }

    private void fail(HttpServerRequest request, ProxyRequest proxyRequest, Throwable error, Upstream upstream,
                      boolean tooLarge) {
        proxyRequest.release();
        if (error instanceof UpstreamClients.ClientGone || gone(request)) {
            // the client hung up (the proxy then resets the upstream request): not an upstream failure
            LOG.debugf("%s %s: client gone while %s was answering", request.method(), request.path(), upstream.id());
            return;
        }
        if (tooLarge) {
            problems.send(request, 413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + config.maxBodySize().asLongValue() + " bytes",
                    Map.of("Connection", "close"));
            return;
        }
        UpstreamFailure failure = UpstreamFailure.of(error);
        LOG.warnf("%s %s → %s failed (%s): %s", request.method(), request.path(), upstream.id(), failure,
                String.valueOf(error.getMessage()));
        String detail = switch (failure) {
            case UNAVAILABLE -> "The " + upstream.id() + " service is not reachable right now; try again shortly";
            case TIMEOUT -> "The " + upstream.id() + " service did not answer in time";
            case BAD_GATEWAY -> "The " + upstream.id() + " service sent no usable answer";
        };
        Map<String, String> headers = failure == UpstreamFailure.UNAVAILABLE
                ? Map.of("Retry-After", Long.toString(Math.max(1, config.resilience().breakerResetTimeout().toSeconds())))
                : Map.of();
        problems.send(request, failure.status(), failure.type(), failure.title(), detail, headers);
    }

    /** Answers from a cached entry, or 304 when the client already holds it. */
    private static void serve(HttpServerRequest request, CachedResponse entry, String cacheStatus) {
        if (gone(request)) {
            return;
        }
        HttpServerResponse response = request.response();
        boolean notModified = ResponseCache.matches(request.getHeader("If-None-Match"), entry.etag());
        response.setStatusCode(notModified ? 304 : entry.status());
        for (Map.Entry<String, String> header : entry.headers()) {
            if (!notModified || !header.getKey().equalsIgnoreCase("content-type")) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        long now = System.currentTimeMillis();
        // RFC 9110 §6.6.1: an origin's Date is not stored (it would be stale), so a cache answer states its own
        response.putHeader(DATE, HttpDates.format(now));
        response.putHeader(AGE, Long.toString(entry.ageSeconds(now)));
        response.putHeader(X_CACHE, cacheStatus);
        if (notModified || request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(entry.body());
        }
    }

    private static List<Map.Entry<String, String>> storable(MultiMap headers) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (!UNCACHED_HEADERS.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                kept.add(Map.entry(header.getKey(), header.getValue()));
            }
        }
        return List.copyOf(kept);
    }

    private static Future<Buffer> collect(ReadStream<Buffer> stream, long length) {
        Buffer body = Buffer.buffer((int) length);
        io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
        stream.handler(body::appendBuffer);
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(v -> promise.tryComplete(body));
        stream.resume();
        return promise.future();
    }

    static boolean bodiless(HttpServerRequest request) {
        return contentLength(request.headers()) <= 0 && !request.headers().contains("Transfer-Encoding");
    }

    static long contentLength(MultiMap headers) {
        String value = headers.get("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Passes a request body through while counting; past the limit it fails the stream (the upload is cut). */
    private static final class LimitedStream implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long limit;
        private final AtomicBoolean exceeded;
        private long seen;
        private Handler<Throwable> exceptionHandler;

        LimitedStream(ReadStream<Buffer> source, long limit, AtomicBoolean exceeded) {
            this.source = source;
            this.limit = limit;
            this.exceeded = exceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (exceeded.get()) {
                    return;
                }
                seen += chunk.length();
                if (seen > limit) {
                    exceeded.set(true);
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("request body over the limit"));
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler);
            return this;
        }
    }
}
