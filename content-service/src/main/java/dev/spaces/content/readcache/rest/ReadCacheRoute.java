package dev.spaces.content.readcache.rest;

import dev.spaces.commons.http.PublicCacheFilter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers anonymous GETs from the {@link PublicReadCache} on the event loop, before the REST layer: a hit costs a
 * map lookup and a write, no worker thread, no transaction, no serialization. Anything else (a miss, a signed-in
 * caller, a generation that is not confirmed) goes on to the REST layer with a ticket naming the generation read
 * <em>before</em> the answer is computed, so an answer is never stored under a generation newer than its data.
 */
@ApplicationScoped
public class ReadCacheRoute {

    /** RoutingContext key of the {@link Ticket} of a request that may store its answer. */
    static final String TICKET = ReadCacheRoute.class.getName() + ".ticket";

    /** A request that may store its answer under {@code key} at {@code generation}. */
    record Ticket(String key, long generation) {
    }

    // the names as the REST layer writes them (HTTP does not care, people reading responses do)
    private static final String ETAG = "ETag";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String LAST_MODIFIED = "Last-Modified";
    private static final String CONTENT_TYPE = "Content-Type";

    private final PublicReadCache cache;

    public ReadCacheRoute(PublicReadCache cache) {
        this.cache = cache;
    }

    void register(@Observes Router router) {
        if (cache.enabled()) {
            router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
        }
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // signed-in callers may see drafts, previews and sources: never from (or into) the cache
        if (request.method() != HttpMethod.GET || request.headers().contains(HttpHeaders.AUTHORIZATION)
                || !isPublicApi(request.path())) {
            ctx.next();
            return;
        }
        long generation = cache.ticket();
        if (generation < 0) {
            ctx.next();
            return;
        }
        String key = PublicReadCache.key(request.uri());
        // RFC 9111 §5.2.1.4: no-cache asks for an answer from the origin (e.g. a downstream cache refetching
        // right after a purge); it is computed afresh and replaces the entry
        PublicReadCache.Entry entry = noCache(request) ? null : cache.lookup(key, generation);
        if (entry == null) {
            ctx.put(TICKET, new Ticket(key, generation));
            ctx.next();
            return;
        }
        cache.hit();
        HttpServerResponse response = ctx.response();
        response.putHeader(ETAG, entry.etag());
        response.putHeader(CACHE_CONTROL, entry.cacheControl());
        if (entry.lastModifiedHeader() != null) {
            response.putHeader(LAST_MODIFIED, entry.lastModifiedHeader());
        }
        var headers = entry.headers();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            response.putHeader(headers.get(i), headers.get(i + 1));
        }
        if (PublicCacheFilter.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), entry.etag(), entry.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(CONTENT_TYPE, entry.contentType());
        response.end(Buffer.buffer(entry.body()));
    }

    private static boolean noCache(HttpServerRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeader("Pragma");
        return (cacheControl != null && cacheControl.toLowerCase().contains("no-cache"))
                || (pragma != null && pragma.toLowerCase().contains("no-cache"));
    }

    /** The public API and feeds; never the management endpoints (/q/…). */
    private static boolean isPublicApi(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/feed") || path.equals("/sitemap.xml"));
    }
}
