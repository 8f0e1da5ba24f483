package dev.spaces.gateway.rest;

import dev.spaces.commons.http.ClientAddresses;
import dev.spaces.commons.security.TokenRejection;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.EdgeCaller;
import dev.spaces.gateway.domain.Route;
import dev.spaces.gateway.domain.RouteTable;
import dev.spaces.gateway.domain.OldLinks;
import dev.spaces.gateway.service.EdgeAuthenticator;
import dev.spaces.gateway.service.OldLinkRedirects;
import dev.spaces.gateway.service.RateLimiter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.Map;
import java.util.Optional;

/**
 * The gateway's request pipeline on the Vert.x router. {@link #edge} runs first for every request (request id, MDC,
 * security headers, body limit); Quarkus's CORS filter follows (it answers preflights); then {@link #gate} takes
 * the API namespace: routing, edge token validation, rate limits, and hand-off to the proxy or to the gateway's
 * own endpoints (page composition).
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Quarkus filters run at order -priority (CORS 300, authentication 200): edge before them, gate after. */
    static final int EDGE_ORDER = -1000;
    static final int GATE_ORDER = -10;
    /** Oversize uploads up to this size are read and dropped so the client sees the 413; bigger ones are cut. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** Header names and fixed values as pre-encoded ASCII: written on every response. */
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence STRICT_TRANSPORT_SECURITY =
            HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence RATE_LIMIT_POLICY = HttpHeaders.createOptimized("RateLimit-Policy");
    private static final CharSequence RATE_LIMIT = HttpHeaders.createOptimized("RateLimit");
    /**
     * The header a reader-site request's {@code Origin} travels under to the site: only the gateway sets it (a
     * client's own copy is dropped), and Quarkus' CORS filter does not read it.
     */
    static final String SITE_ORIGIN = "X-Spaces-Origin";
    /** The metrics uri tag of every old-link redirect (one series, whatever the old address). */
    private static final String OLD_LINK_TEMPLATE = "/{old-link}";
    /** Read by Quarkus Micrometer as the request's uri tag (what RESTEasy sets for its own endpoints). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final CharSequence referrerPolicy;
    private final CharSequence contentSecurityPolicy;
    private final CharSequence strictTransportSecurity;
    private final GatewayConfig config;
    private final EdgeAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ProxyForwarder forwarder;
    private final Problems problems;
    private final ClientAddresses clientAddresses;
    private final StudioRoutes studio;
    private final OldLinkRedirects oldLinks;

    public EdgeRoutes(GatewayConfig config, EdgeAuthenticator authenticator, RateLimiter rateLimiter,
                      ProxyForwarder forwarder, Problems problems, StudioRoutes studio, OldLinkRedirects oldLinks) {
        this.oldLinks = oldLinks;
        this.config = config;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.forwarder = forwarder;
        this.problems = problems;
        this.clientAddresses = new ClientAddresses(config.trustedProxies());
        this.studio = studio;
        this.referrerPolicy = HttpHeaders.createOptimized(config.securityHeaders().referrerPolicy());
        this.contentSecurityPolicy = HttpHeaders.createOptimized(config.securityHeaders().contentSecurityPolicy());
        this.strictTransportSecurity = HttpHeaders.createOptimized(config.securityHeaders().strictTransportSecurity());
    }

    void install(@Observes Router router) {
        router.route().order(EDGE_ORDER).handler(this::edge);
        router.route().order(GATE_ORDER).handler(this::gate);
    }

    void edge(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId); // seen by the proxy and the JAX-RS endpoints alike
        MDC.put(RequestIds.MDC_KEY, requestId);
        boolean https = isHttps(request);
        String path = request.path();
        boolean studioPage = StudioRoutes.isStudio(path);
        // reader-site pages bring their own Content-Security-Policy (they load the site's stylesheet and script)
        boolean sitePage = RouteTable.isSitePath(path);
        boolean api = !studioPage && !path.startsWith("/q/") && !sitePage;
        if (sitePage) {
            moveOriginToSite(request.headers());
        }
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set(REQUEST_ID, requestId);
            headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
            // a reader-site page keeps its own: with no-referrer, browsers send "Origin: null" on the page's form
            // posts (Fetch §3.1: a non-CORS POST under no-referrer), which CORS and the site's same-origin check refuse
            if (!sitePage || !headers.contains(REFERRER_POLICY)) {
                headers.set(REFERRER_POLICY, referrerPolicy);
            }
            headers.set(FRAME_OPTIONS, DENY);
            if (studioPage) {
                studio.decorate(path, headers); // a web app: its own CSP and caching
            } else if (api) {
                // the API serves data, never pages: nothing may be loaded or framed (Swagger UI under /q/ needs scripts)
                headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
            }
            if (https) {
                headers.set(STRICT_TRANSPORT_SECURITY, strictTransportSecurity);
            }
        });
        if (request.uri().length() > config.maxUrlLength()) {
            refuse(request, 414, "uri-too-long", "URI too long", "The request's URL is " + request.uri().length()
                    + " characters long; at most " + config.maxUrlLength() + " are accepted", Map.of());
            return;
        }
        long headerSize = headerSize(request.headers());
        if (headerSize > config.maxHeaderSize().asLongValue()) {
            refuse(request, 431, "header-fields-too-large", "Request header fields too large", "The request's "
                    + "header fields take " + headerSize + " bytes; at most " + config.maxHeaderSize().asLongValue()
                    + " are accepted", Map.of());
            return;
        }
        long declared = ProxyForwarder.contentLength(request.headers());
        long limit = config.maxBodySize(request.path());
        if (declared > limit) {
            rejectOversize(request, declared, limit);
            return;
        }
        ctx.next();
    }

    /**
     * The reader site's pages are not a cross-origin API: its form posts are checked by the site itself, which answers
     * a forged cross-site post with a page saying why in words. Quarkus' CORS filter runs after this handler and would
     * answer such a post first, with an empty 403 the reader cannot make sense of; so the Origin goes to the site under
     * {@link #SITE_ORIGIN}, which that filter does not read.
     */
    static void moveOriginToSite(MultiMap headers) {
        headers.remove(SITE_ORIGIN);
        String origin = headers.get(HttpHeaders.ORIGIN);
        if (origin != null) {
            headers.remove(HttpHeaders.ORIGIN);
            headers.set(SITE_ORIGIN, origin);
        }
    }

    void gate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        if (!RouteTable.isProxiedNamespace(path) || isPreflight(request)) {
            ctx.next();
            return;
        }
        HttpMethod method = request.method();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        Optional<Route> resolved = RouteTable.resolve(path, safe);
        if (resolved.isEmpty()) {
            refuse(request, 404, "not-found", "Not Found", "No resource exists at this address", Map.of());
            return;
        }
        Route route = resolved.get();
        // one metrics series per route rule, not per article id
        ((HttpServerRequestInternal) request).context().putLocal(URL_PATH_TEMPLATE, route.template());
        request.pause(); // the body waits for the proxy (or is dropped) while the token is checked
        authenticator.authenticate(request.getHeader("Authorization")).onComplete(ar -> {
            EdgeCaller caller = ar.succeeded() ? ar.result() : EdgeCaller.rejected(TokenRejection.UNVERIFIABLE);
            if (caller.invalid() && !caller.rejection().tokenAtFault()) {
                // Keycloak's keys out of reach: the token may be fine, so retry rather than sign in again
                refuse(request, 503, "identity-provider-unavailable", "Service unavailable",
                        caller.rejection().detail(),
                        Map.of("Retry-After", String.valueOf(TokenRejection.RETRY_AFTER_SECONDS)));
                return;
            }
            if (caller.invalid() || (route.requiresToken() && !caller.authenticated())) {
                // the detail names the check that failed (issuer, audience, expiry, signature, malformed), as the
                // services' 401s do (commons TokenRejection)
                refuse(request, 401, "unauthorized", "Unauthorized", caller.invalid()
                                ? caller.rejection().detail() : "A valid bearer token is required",
                        Map.of("WWW-Authenticate", caller.invalid() ? "Bearer error=\"invalid_token\"" : "Bearer"));
                return;
            }
            String client = clientAddresses.resolve(
                    request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress(),
                    request.getHeader("X-Forwarded-For"));
            RateLimiter.Decision decision = rateLimiter.consume(route.routeClass(), caller.subject(), client);
            ctx.response().putHeader(RATE_LIMIT_POLICY, decision.policyHeader());
            ctx.response().putHeader(RATE_LIMIT, decision.rateLimitHeader());
            if (!decision.allowed()) {
                refuse(request, 429, "rate-limited", "Too many requests",
                        "Rate limit for " + decision.policy() + " reached; retry in " + decision.retryAfterSeconds() + " s",
                        Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())));
                return;
            }
            // old links (a Typecho or WordPress blog's addresses) after the rate limit, so slug lookups count too
            Optional<OldLinks.Match> oldLink = method == HttpMethod.GET || method == HttpMethod.HEAD
                    ? oldLinks.match(path, request.query()) : Optional.empty();
            if (oldLink.isPresent()) {
                redirectOldLink(ctx, route, caller, oldLink.get());
                return;
            }
            proceed(ctx, route, caller);
        });
    }

    private void proceed(RoutingContext ctx, Route route, EdgeCaller caller) {
        if (route.local()) {
            ctx.request().resume();
            ctx.next();
        } else {
            forwarder.forward(ctx.request(), route, caller);
        }
    }

    /** 301 to the old address's new home, answered here; an unknown slug goes on to the site as it is. */
    private void redirectOldLink(RoutingContext ctx, Route route, EdgeCaller caller, OldLinks.Match match) {
        HttpServerRequest request = ctx.request();
        oldLinks.answer(match, request.getHeader(RequestIds.HEADER)).onComplete(ar -> {
            if (ar.failed() || ar.result().isEmpty()) {
                proceed(ctx, route, caller);
                return;
            }
            OldLinkRedirects.Answer answer = ar.result().get();
            ((HttpServerRequestInternal) request).context().putLocal(URL_PATH_TEMPLATE, OLD_LINK_TEMPLATE);
            request.resume();
            if (request.response().closed() || request.response().headWritten()) {
                return;
            }
            request.response().setStatusCode(answer.status())
                    .putHeader(HttpHeaders.LOCATION, answer.location())
                    .putHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl())
                    .putHeader(HttpHeaders.CONTENT_LENGTH, "0")
                    .end();
        });
    }

    /** Answers without forwarding; an unread body is dropped, and cut off (connection closed) when it is large. */
    private void refuse(HttpServerRequest request, int status, String type, String title, String detail,
                        Map<String, String> headers) {
        if (ProxyForwarder.bodiless(request)) {
            request.resume();
            problems.send(request, status, type, title, detail, headers);
            return;
        }
        Map<String, String> closing = new java.util.HashMap<>(headers);
        closing.put("Connection", "close");
        problems.send(request, status, type, title, detail, closing);
        request.resume();
    }

    /** As the codec counts them: each field's name and value, plus ": " and CRLF. */
    static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private void rejectOversize(HttpServerRequest request, long declared, long limit) {
        String detail = "The request body exceeds " + limit + " bytes";
        if (declared <= DRAIN_LIMIT && !"100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // read and drop the body, then answer: the client gets the 413 instead of a broken pipe
            request.handler(chunk -> { });
            request.endHandler(v -> problems.send(request, 413, "payload-too-large", "Payload too large", detail));
            request.resume();
            return;
        }
        problems.send(request, 413, "payload-too-large", "Payload too large", detail, Map.of("Connection", "close"));
    }

    private boolean isHttps(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null || request.remoteAddress() == null) {
            return false;
        }
        // only a trusted proxy may say the client used https
        return "https".equalsIgnoreCase(proto.strip()) && trustedPeer(request.remoteAddress().hostAddress());
    }

    /** ClientAddresses believes a forwarded hop only from a trusted proxy: probe it with a documentation address. */
    private boolean trustedPeer(String peer) {
        return !clientAddresses.resolve(peer, "192.0.2.1").equals(peer);
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }
}
