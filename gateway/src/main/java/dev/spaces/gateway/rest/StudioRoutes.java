package dev.spaces.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Map;

/**
 * Studio at {@code /studio}: its files are the studio jar's {@code META-INF/resources/studio/**}, served by Quarkus's
 * static resource handler; this adds what that handler cannot know. {@code /studio} redirects to {@code /studio/}
 * (the app's base, and the redirect URI Keycloak sends the code back to); {@code /studio/config.json} tells the app
 * where to log in; and {@link #decorate} gives every Studio response its caching and its Content-Security-Policy.
 * The app routes on the URL's fragment ({@code #/articles/12}), so no path beyond its files needs a fallback.
 */
@ApplicationScoped
public class StudioRoutes {

    public static final String BASE = "/studio/";
    /** Vite names these files after their content: a changed file is a new URL, so they never need revalidating. */
    private static final String ASSETS = BASE + "assets/";
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence IMMUTABLE = HttpHeaders.createOptimized("public, max-age=31536000, immutable");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    /** After the edge (request id, limits) and the gate (which passes non-API paths on), before static files. */
    static final int ORDER = EdgeRoutes.GATE_ORDER + 1;

    private final CharSequence contentSecurityPolicy;
    private final String config;

    public StudioRoutes(GatewayConfig gateway, ObjectMapper json) throws JsonProcessingException {
        URI issuer = gateway.studio().issuer();
        String keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        // Scripts only from Studio's own files (no inline script, no eval). Styles may be inline: CodeMirror writes
        // its theme into <style> elements and the server's MathML carries style attributes. Requests go to the API
        // (same origin) and to Keycloak (discovery, token exchange and refresh); forms and frames nowhere else.
        this.contentSecurityPolicy = HttpHeaders.createOptimized(String.join("; ",
                "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self' " + keycloak,
                "form-action 'self' " + keycloak, "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'"));
        this.config = json.writeValueAsString(Map.of("issuer", issuer.toString(),
                "clientId", gateway.studio().clientId()));
    }

    void install(@Observes Router router) {
        router.get("/studio").order(ORDER).handler(this::redirectToBase);
        router.get(BASE + "config.json").order(ORDER).handler(this::config);
    }

    public static boolean isStudio(String path) {
        return path.equals("/studio") || path.startsWith(BASE);
    }

    /** Caching and CSP of a Studio response (called by the edge as the response's headers are written). */
    void decorate(String path, MultiMap headers) {
        headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        headers.set(CACHE_CONTROL, path.startsWith(ASSETS) ? IMMUTABLE : NO_CACHE);
    }

    private void redirectToBase(RoutingContext ctx) {
        if (!ctx.request().path().equals("/studio")) {
            ctx.next(); // Vert.x matches "/studio/" here too: that one is the static index page
            return;
        }
        String query = ctx.request().query();
        ctx.response().setStatusCode(301)
                .putHeader(HttpHeaders.LOCATION, query == null ? BASE : BASE + "?" + query).end();
    }

    private void config(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(config);
    }
}
