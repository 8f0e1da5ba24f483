package dev.spaces.gateway.domain;

/**
 * Where a request goes and how it is guarded.
 *
 * @param upstream      the owning service, or {@code null} when the gateway answers itself
 * @param routeClass    timeout and rate-limit class
 * @param requiresToken a bearer token must be present (it is always validated when present)
 */
public record Route(Upstream upstream, RouteClass routeClass, boolean requiresToken) {

    public boolean local() {
        return upstream == null;
    }
}
