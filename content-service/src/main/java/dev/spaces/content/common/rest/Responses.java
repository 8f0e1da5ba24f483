package dev.spaces.content.common.rest;

import dev.spaces.commons.http.PageLinks;
import dev.spaces.commons.http.PageResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Response shapes more than one feature's resources answer with, so every list pages and caches alike. */
public final class Responses {

    private Responses() {
    }

    /** A page with its {@code Link} header (RFC 8288: first/prev/next/last) and {@code X-Total-Count}. */
    public static Response page(PageResponse<?> result, UriInfo uri) {
        return Response.ok(result).header("Link", PageLinks.header(uri, result))
                .header("X-Total-Count", result.total()).build();
    }

    /** Indexers read right after an event; a shared cache must not hand them an older copy. */
    public static Response fresh(Object entity) {
        return Response.ok(entity).header("Cache-Control", "no-cache").build();
    }
}
