package dev.spaces.content.readcache.rest;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.http.PublicCacheFilter;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the answer of an anonymous {@code @PublicCache} GET that missed the read cache: the bytes and strong ETag
 * that {@link PublicCacheFilter} computed for this answer (runs after it: response filters run in descending
 * priority), under the generation the request's ticket was issued at. Answers that vary by request header
 * ({@code Vary}), set cookies, or carry query parameters the method does not declare are not kept.
 */
@Provider
@PublicCache
@Priority(Priorities.USER - 100)
public class ReadCacheStoreFilter implements ContainerResponseFilter {

    private static final Set<String> OWN_HEADERS = Set.of("etag", "cache-control", "last-modified", "content-type",
            "content-length", "transfer-encoding", "connection", "date");

    private final PublicReadCache cache;
    private final CurrentVertxRequest currentRequest;
    private final Map<Method, Set<String>> declaredParameters = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    public ReadCacheStoreFilter(PublicReadCache cache, CurrentVertxRequest currentRequest) {
        this.cache = cache;
        this.currentRequest = currentRequest;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!cache.enabled() || !"GET".equals(request.getMethod())) {
            return;
        }
        RoutingContext routing = currentRequest.getCurrent();
        ReadCacheRoute.Ticket ticket = routing == null ? null : routing.get(ReadCacheRoute.TICKET);
        if (ticket == null) {
            cache.bypass(); // signed in, or no confirmed generation
            return;
        }
        cache.miss();
        if (!(request.getProperty(PublicCacheFilter.REPRESENTATION) instanceof PublicCacheFilter.Representation r)
                || (response.getStatus() != 200 && response.getStatus() != 304)
                || response.getHeaders().containsKey(HttpHeaders.VARY)
                || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)
                || !onlyDeclaredParameters(request)) {
            return;
        }
        List<String> headers = new ArrayList<>();
        for (var header : response.getStringHeaders().entrySet()) {
            if (!OWN_HEADERS.contains(header.getKey().toLowerCase()) && header.getValue().size() == 1) {
                headers.add(header.getKey());
                headers.add(header.getValue().getFirst());
            }
        }
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        cache.store(ticket.key(), new PublicReadCache.Entry(ticket.generation(), r.body(), r.etag(), r.lastModified(),
                r.lastModified() == null ? null : PublicCacheFilter.httpDate(r.lastModified()), r.mediaType(),
                cacheControl == null ? "no-cache" : cacheControl, List.copyOf(headers)));
    }

    /** {@code ?page=1&junk=…} answers like {@code ?page=1}: keeping it would let anyone fill the cache with copies. */
    private boolean onlyDeclaredParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return true;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        Set<String> declared = declaredParameters.computeIfAbsent(method, ReadCacheStoreFilter::queryParameters);
        for (var parameter : query.entrySet()) {
            if (!declared.contains(parameter.getKey()) || parameter.getValue().size() != 1) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new java.util.HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                // a group of parameters such as ?math=: its fields carry the names
                for (Field field : parameter.getType().getFields()) {
                    QueryParam grouped = field.getAnnotation(QueryParam.class);
                    if (grouped != null) {
                        names.add(grouped.value());
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}
