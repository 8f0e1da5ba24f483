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
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.ReadStream;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Forwards one request to its upstream on the plain Vert.x HTTP client. Request headers are copied minus the
 * hop-by-hop ones (RFC 9110 §7.6.1), with X-Forwarded-For/-Proto/-Host set; request bodies are piped with
 * back-pressure. An answer of known length up to {@code spaces.gateway.http.buffered-response-max-size} is read whole
 * and written with one {@code end(buffer)}: piped piece by piece, a 20 KB body cost several writes and flushes
 * to the client, each one a syscall. Longer answers and those of unknown length (large feeds, chunked) stream
 * through with back-pressure, so they are never held in memory. Around it: per-route timeout, GET retries and the
 * upstream's circuit breaker ({@link UpstreamClients#guarded}), and the anonymous response cache.
 */
@ApplicationScoped
public class ProxyForwarder {

    private static final Logger LOG = Logger.getLogger(ProxyForwarder.class);
    /** RFC 9110 §7.6.1: meant for one connection only, never forwarded (plus whatever Connection names). */
    private static final CharSequence[] HOP_BY_HOP = {HttpHeaders.CONNECTION, HttpHeaders.KEEP_ALIVE,
            HttpHeaders.PROXY_AUTHENTICATE, HttpHeaders.PROXY_AUTHORIZATION, HttpHeaders.createOptimized("TE"),
            HttpHeaders.createOptimized("Trailer"), HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE};
    /** Not stored with a cached response: hop-by-hop, per-response, or recomputed when served. */
    private static final Set<String> UNCACHED_HEADERS = Stream.concat(
            Arrays.stream(HOP_BY_HOP).map(name -> name.toString().toLowerCase(Locale.ROOT)),
            Stream.of("content-length", "date", "age", "set-cookie", "x-cache", "x-request-id"))
            .collect(Collectors.toUnmodifiableSet());

    private static final CharSequence DATE = HttpHeaders.createOptimized("Date");
    private static final CharSequence AGE = HttpHeaders.createOptimized("Age");
    private static final CharSequence X_CACHE = HttpHeaders.createOptimized("X-Cache");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final UpstreamClients clients;
    private final ResponseCache cache;
    private final GatewayConfig config;
    private final Problems problems;
    private final long bufferedMax;
    private final Vertx vertx;

    public ProxyForwarder(UpstreamClients clients, ResponseCache cache, GatewayConfig config, Problems problems,
                          Vertx vertx) {
        this.vertx = vertx;
        this.clients = clients;
        this.cache = cache;
        this.config = config;
        this.problems = problems;
        this.bufferedMax = config.http().bufferedResponseMaxSize().asLongValue();
    }

    /** Expects the request paused (its body not yet read); answers it one way or another. */
    public void forward(HttpServerRequest request, Route route, EdgeCaller caller) {
        Upstream upstream = route.upstream();
        HttpMethod method = request.method();
        boolean bodiless = bodiless(request);
        boolean idempotent = bodiless && (method == HttpMethod.GET || method == HttpMethod.HEAD);
        // Only anonymous GETs share answers; a token (even one we could not read) means a personal answer.
        // A range is answered by the service (206): a stored whole answer would turn it into a 200 of the whole body
        boolean cacheable = cache.enabled() && method == HttpMethod.GET && bodiless && !caller.authenticated()
                && request.getHeader("Authorization") == null && request.getHeader("Cookie") == null
                && request.getHeader("Range") == null;
        String uri = asciiTarget(request.uri());
        String key = cacheable ? ResponseCache.key(upstream, uri, request.headers()) : null;
        if (cacheable) {
            CachedResponse hit = cache.get(key);
            if (hit != null) {
                request.resume();
                serve(request, hit, "HIT");
                return;
            }
        }

        MultiMap headers = upstreamHeaders(request, clients.authority(upstream));
        if (cacheable) {
            // fetch the full answer so it can be stored; conditionals are then answered here
            headers.remove(HttpHeaders.IF_NONE_MATCH);
            headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
            // from the origin, not from a service's own read cache: right after a purge, a replica that has not yet
            // seen the write could otherwise hand back the old answer, which would then be kept here for its lifetime
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            // every entry is stored as identity and makes its own gzip copy (see ResponseCache#key)
            headers.set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
        }
        AtomicBoolean tooLarge = new AtomicBoolean();
        ReadStream<Buffer> body;
        if (bodiless) {
            body = null;
            request.resume(); // nothing to read but the end of the request
        } else if (contentLength(request.headers()) < 0) {
            // chunked upload of unknown size: count while streaming and stop at the limit
            body = new LimitedStream(request, config.maxBodySize(request.path()), tooLarge);
        } else {
            body = request; // its Content-Length was copied and checked against the limit at the edge
        }
        Duration timeout = config.routeClass(route.routeClass()).timeout();
        int retries = idempotent ? config.resilience().getRetries() : 0;
        Supplier<Future<HttpClientResponse>> attempt = () -> clients.request(upstream, method, uri, timeout)
                .compose(upstreamRequest -> send(upstreamRequest, headers, body));
        HttpServerResponse edgeResponse = request.response();
        clients.guarded(upstream, retries, attempt, response -> UpstreamFailure.isUpstreamOutage(response.statusCode(),
                                response.getHeader(HttpHeaders.RETRY_AFTER)),
                        this::discard, edgeResponse::closed)
                .onSuccess(response -> respond(request, response, cacheable ? key : null, upstream))
                .onFailure(error -> fail(request, error, upstream, tooLarge.get()));
    }

    /**
     * The request target with every non-ASCII byte percent-encoded. Clients such as curl send a query like
     * {@code ?q=梯度} as raw UTF-8 (RFC 3986 wants it encoded); the server reads those bytes as ISO-8859-1 characters,
     * and forwarded as they are, the upstream decoded them into mojibake (a search found nothing). Encoding them as
     * {@code %E6%A2%AF…} hands the upstream the UTF-8 the client meant, and raw and encoded forms share cache entries.
     */
    static String asciiTarget(String uri) {
        int i = 0;
        while (i < uri.length() && uri.charAt(i) < 0x80) {
            i++;
        }
        if (i == uri.length()) {
            return uri;
        }
        StringBuilder encoded = new StringBuilder(uri.length() + 32).append(uri, 0, i);
        for (; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x80) {
                encoded.append(c);
            } else if (c <= 0xFF) { // one raw byte of the request line
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else { // not from the wire, but never forward it raw
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        return encoded.toString();
    }

    /** The request's headers for the upstream: hop-by-hop ones dropped, X-Forwarded-* set, Host left to the client. */
    static MultiMap upstreamHeaders(HttpServerRequest request, HostAndPort upstreamAuthority) {
        MultiMap headers = HttpHeaders.headers().addAll(request.headers());
        removeHopByHop(headers);
        headers.remove(HttpHeaders.HOST); // the client sets the upstream's authority
        String requestId = request.getHeader(RequestIds.HEADER);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId); // set at the edge; no Connection header may drop it
        }
        String forwardedFor = request.getHeader(X_FORWARDED_FOR);
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        headers.set(X_FORWARDED_FOR, forwardedFor == null ? peer : forwardedFor + ", " + peer);
        if (!headers.contains(X_FORWARDED_PROTO)) {
            headers.set(X_FORWARDED_PROTO, request.scheme() == null ? "http" : request.scheme());
        }
        // the authority the client asked for, when it is not the upstream's own (as http-proxy did: replaced, not
        // appended, so a client cannot choose what the services see)
        HostAndPort authority = request.authority();
        if (authority == null) {
            headers.remove(X_FORWARDED_HOST);
        } else if (!authority.host().equals(upstreamAuthority.host()) || authority.port() != upstreamAuthority.port()) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        return headers;
    }

    /** Drops the hop-by-hop headers, and those the Connection header names (RFC 9110 §7.6.1). */
    static void removeHopByHop(MultiMap headers) {
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.strip();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /** Sends one attempt; its response comes back paused, so no body byte is lost before it is wanted. */
    private static Future<HttpClientResponse> send(HttpClientRequest upstreamRequest, MultiMap headers,
                                                   ReadStream<Buffer> body) {
        upstreamRequest.headers().addAll(headers);
        Future<HttpClientResponse> response = upstreamRequest.response().map(r -> r.pause());
        if (body == null) {
            upstreamRequest.end();
        } else {
            if (!headers.contains(HttpHeaders.CONTENT_LENGTH)) {
                upstreamRequest.setChunked(true);
            }
            Pipe<Buffer> pipe = body.pipe();
            // a broken upload must not reach the service as a complete (shorter) body: reset instead of ending
            pipe.endOnFailure(false);
            pipe.to(upstreamRequest).onFailure(error -> upstreamRequest.reset());
        }
        return response;
    }

    private void respond(HttpServerRequest request, HttpClientResponse response, String cacheKey, Upstream upstream) {
        if (gone(request)) {
            discard(response);
            return;
        }
        int status = response.statusCode();
        MultiMap upstreamHeaders = response.headers();
        long length = contentLength(upstreamHeaders);
        if (cacheKey != null && status == 200) {
            OptionalLong lifetime = cache.lifetimeMillis(upstreamHeaders);
            if (lifetime.isPresent() && length >= 0 && length <= cache.maxEntryBytes()) {
                collect(response, length).onComplete(ar -> {
                    if (ar.failed()) {
                        request.response().reset();
                        return;
                    }
                    boolean compressible = cache.compressible(upstreamHeaders, length);
                    CachedResponse entry = new CachedResponse(upstream, 200,
                            storable(upstreamHeaders, compressible), ar.result(), null,
                            upstreamHeaders.get(HttpHeaders.ETAG),
                            System.currentTimeMillis() - ResponseCache.upstreamAgeMillis(upstreamHeaders),
                            lifetime.getAsLong());
                    cache.put(cacheKey, entry);
                    serve(request, entry, "MISS");
                    if (compressible) {
                        addGzipCopy(cacheKey, entry);
                    }
                });
                return;
            }
        }
        HttpServerResponse edge = request.response();
        edge.setStatusCode(status);
        MultiMap edgeHeaders = edge.headers();
        edgeHeaders.addAll(upstreamHeaders);
        removeHopByHop(edgeHeaders);
        if (!edgeHeaders.contains(DATE)) {
            edgeHeaders.set(DATE, HttpDates.format(System.currentTimeMillis()));
        }
        if (request.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200) {
            // no body, whatever the headers say (a HEAD answer keeps the Content-Length of the GET it describes)
            response.resume();
            end(request, edge, null);
        } else if (length >= 0 && length <= bufferedMax) {
            collect(response, length).onComplete(ar -> {
                if (ar.failed()) {
                    // the upstream broke off mid-body: a reset, so the client cannot take a truncated body as whole
                    edge.reset();
                } else {
                    end(request, edge, ar.result());
                }
            });
        } else {
            if (length < 0 && request.version() != HttpVersion.HTTP_1_0) {
                edge.setChunked(true); // an HTTP/1.0 client gets the body delimited by the connection's close
            }
            Pipe<Buffer> pipe = response.pipe();
            pipe.endOnFailure(false);
            pipe.to(edge).onFailure(error -> {
                // either side broke off: drop the upstream connection too, and never end a truncated body normally
                response.request().reset();
                edge.reset();
            });
        }
    }

    private static void end(HttpServerRequest request, HttpServerResponse edge, Buffer body) {
        if (gone(request)) {
            return; // the client left while the body was read
        }
        try {
            if (body == null) {
                edge.end();
            } else {
                edge.end(body);
            }
        } catch (IllegalStateException e) {
            // the client left between the check and the write: nobody to answer
            LOG.debugf("%s %s: client gone before the response was sent", request.method(), request.path());
        }
    }

    /** Drops an answer nobody will read: a short body is drained (the connection stays pooled), a long one cut. */
    private void discard(HttpClientResponse response) {
        long length = contentLength(response.headers());
        if (length >= 0 && length <= bufferedMax) {
            response.handler(null);
            response.resume();
        } else {
            response.request().reset();
        }
    }

    /** The client disconnected (or the answer was already given): nothing more may be written. */
    private static boolean gone(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        return response.closed() || response.ended();
    }

    private void fail(HttpServerRequest request, Throwable error, Upstream upstream, boolean tooLarge) {
        if (gone(request)) {
            request.resume(); // an unread body is dropped
            LOG.debugf("%s %s: client gone while %s was answering", request.method(), request.path(), upstream.id());
            return;
        }
        if (tooLarge) {
            // checked first: cutting the upload resets the upstream request, which looks like a client leaving
            rejectUpload(request);
            return;
        }
        if (error instanceof UpstreamClients.ClientGone) {
            // the client hung up (its upstream request was then reset): not an upstream failure
            LOG.debugf("%s %s: client gone while %s was answering", request.method(), request.path(), upstream.id());
            return;
        }
        request.resume(); // an unread body is dropped
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

    /**
     * A chunked upload went over the limit (the service never got it whole: its request was reset). As at the edge
     * for announced sizes, the rest is read and dropped so the client sees the 413 rather than a broken pipe; past
     * {@link EdgeRoutes#DRAIN_LIMIT} the connection is cut instead.
     */
    private void rejectUpload(HttpServerRequest request) {
        String detail = "The request body exceeds " + config.maxBodySize(request.path()) + " bytes";
        if (request.isEnded()) {
            problems.send(request, 413, "payload-too-large", "Payload too large", detail);
            return;
        }
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > EdgeRoutes.DRAIN_LIMIT && !gone(request)) {
                problems.send(request, 413, "payload-too-large", "Payload too large", detail,
                        Map.of("Connection", "close"));
            }
        });
        request.endHandler(v -> {
            if (!gone(request)) {
                problems.send(request, 413, "payload-too-large", "Payload too large", detail);
            }
        });
        request.resume();
    }

    /**
     * Deflating a 100 KB page at level 9 takes milliseconds: done on a worker, the first answers are the identity
     * copy until the gzip one is in place.
     */
    private void addGzipCopy(String key, CachedResponse entry) {
        vertx.executeBlocking(() -> cache.gzip(entry.body()), false).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warnf(ar.cause(), "could not gzip the cached answer %s", key.lines().findFirst().orElse(key));
            } else if (ar.result().length() < entry.body().length()) {
                cache.replace(key, entry, entry.withGzip(ar.result()));
            }
        });
    }

    /** Answers from a cached entry (its gzip copy when the client takes gzip), or 304 when the client holds it. */
    private static void serve(HttpServerRequest request, CachedResponse entry, String cacheStatus) {
        if (gone(request)) {
            return;
        }
        HttpServerResponse response = request.response();
        boolean gzip = entry.gzipBody() != null
                && PrecompressedAssets.accepts(request.getHeader(HttpHeaders.ACCEPT_ENCODING), "gzip");
        String etag = gzip ? entry.gzipEtag() : entry.etag();
        boolean notModified = ResponseCache.matches(request.getHeader("If-None-Match"), etag);
        response.setStatusCode(notModified ? 304 : entry.status());
        for (Map.Entry<String, String> header : entry.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("etag")) {
                response.headers().add(name, etag);
            } else if (!notModified || !name.equalsIgnoreCase("content-type")) {
                response.headers().add(name, header.getValue());
            }
        }
        if (gzip && !notModified) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        long now = System.currentTimeMillis();
        // RFC 9110 §6.6.1: an origin's Date is not stored (it would be stale), so a cache answer states its own
        response.putHeader(DATE, HttpDates.format(now));
        response.putHeader(AGE, Long.toString(entry.ageSeconds(now)));
        response.putHeader(X_CACHE, cacheStatus);
        if (notModified || request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(gzip ? entry.gzipBody() : entry.body());
        }
    }

    /** The headers kept with an entry; one that gets a gzip copy varies on Accept-Encoding (RFC 9110 §12.5.5). */
    private static List<Map.Entry<String, String>> storable(MultiMap headers, boolean negotiated) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        boolean varies = false;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (UNCACHED_HEADERS.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if (negotiated && name.equals("vary") && !varies) {
                varies = true;
                if (!value.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
                    value = value.isBlank() ? "Accept-Encoding" : value + ", Accept-Encoding";
                }
            }
            kept.add(Map.entry(header.getKey(), value));
        }
        if (negotiated && !varies) {
            kept.add(Map.entry("Vary", "Accept-Encoding"));
        }
        return List.copyOf(kept);
    }

    /** A whole body of the announced length (known to fit in memory), read from a paused stream. */
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
