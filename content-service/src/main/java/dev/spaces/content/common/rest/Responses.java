package dev.spaces.content.common.rest;

import dev.spaces.commons.http.PageLinks;
import dev.spaces.commons.http.PageResponse;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * Response shapes more than one feature's resources answer with, so every list pages and caches alike. Typed
 * ({@link RestResponse}), so that the OpenAPI document names each answer's schema.
 */
public final class Responses {

    private Responses() {
    }

    /** A page with its {@code Link} header (RFC 8288: first/prev/next/last) and {@code X-Total-Count}. */
    public static <T> RestResponse<PageResponse<T>> page(PageResponse<T> result, UriInfo uri) {
        return RestResponse.ResponseBuilder.ok(result).header("Link", PageLinks.header(uri, result))
                .header("X-Total-Count", result.total()).build();
    }

    /** 201 with the new resource's address in {@code Location} and the resource as the body. */
    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(entity).build();
    }

    /** Indexers read right after an event; a shared cache must not hand them an older copy. */
    public static <T> RestResponse<T> fresh(T entity) {
        return RestResponse.ResponseBuilder.ok(entity).header("Cache-Control", "no-cache").build();
    }
}
