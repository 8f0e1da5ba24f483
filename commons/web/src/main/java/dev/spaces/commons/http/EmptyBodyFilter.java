package dev.spaces.commons.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * A write with no body at all ({@code curl -X POST …/publish}) declares no media type. JAX-RS would then match it
 * against {@code @Consumes(application/json)} as {@code application/octet-stream} and answer 415, although an absent
 * body is exactly what an endpoint with an optional body (publish, unpublish, restore, redeliver, ping…) expects.
 * An empty request carries no representation, so calling it JSON changes nothing it says: the JSON reader turns an
 * empty body into {@code null}, which an optional parameter accepts and a required one ({@code @NotNull}) refuses
 * with the usual 422. A request that has a body keeps whatever type it declared (or none: that stays a 415).
 */
@Provider
@PreMatching
public class EmptyBodyFilter implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Override
    public void filter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && hasNoBody(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** HTTP/1.1 (RFC 9112 §6.3): no Transfer-Encoding and no Content-Length, or a length of 0, means no body. */
    private static boolean hasNoBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return false;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length == null || length.strip().equals("0");
    }
}
