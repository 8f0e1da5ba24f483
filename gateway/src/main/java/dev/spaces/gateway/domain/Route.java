package dev.spaces.gateway.domain;

/**
 * Where a request goes and how it is guarded.
 *
 * @param upstream      the owning service, or {@code null} when the gateway answers itself
 * @param routeClass    timeout and rate-limit class
 * @param requiresToken a bearer token must be present (it is always validated when present)
 * @param template      the route's path template (e.g. {@code /api/v1/articles/{path}}): the metrics' uri tag
 */
public record Route(Upstream upstream, RouteClass routeClass, boolean requiresToken, String template) {

    public boolean local() {
        return upstream == null;
    }
}
