package dev.spaces.site.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Who is reading: the signed-in reader of this request (quarkus-oidc's session cookie, refreshed when its tokens
 * expired), or null. Only a request that carries the session cookie is looked at: an anonymous request never
 * touches the sign-in machinery, so its answer gets no Set-Cookie and stays cacheable by the gateway. Resolve it on
 * the request's thread (not inside {@link Parallel}): the identity belongs to the request.
 */
@RequestScoped
public class Viewers {

    /** quarkus-oidc's session cookie for the default tenant (and its chunks, {@code q_session_chunk_N}). */
    static final String SESSION_COOKIE = "q_session";
    private static final Logger LOG = Logger.getLogger(Viewers.class);

    private final CurrentIdentityAssociation identities;
    private final RoutingContext request;
    private Viewer viewer;
    private boolean resolved;

    public Viewers(CurrentIdentityAssociation identities, RoutingContext request) {
        this.identities = identities;
        this.request = request;
    }

    /** A signed-in reader: the name the header shows, and the access token their comments are sent with. */
    public record Viewer(String name, String accessToken, String idToken) {
    }

    public Viewer current() {
        if (!resolved) {
            resolved = true;
            viewer = hasSessionCookie() ? resolve() : null;
        }
        return viewer;
    }

    /** The name for the frame's header, or null. */
    public String name() {
        Viewer current = current();
        return current == null ? null : current.name();
    }

    public String accessToken() {
        Viewer current = current();
        return current == null ? null : current.accessToken();
    }

    private boolean hasSessionCookie() {
        for (Cookie cookie : request.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }

    private Viewer resolve() {
        try {
            SecurityIdentity identity = identities.getDeferredIdentity().await().atMost(Duration.ofSeconds(10));
            if (identity == null || identity.isAnonymous()) {
                return null;
            }
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            if (access == null) {
                return null;
            }
            String name = identity.getPrincipal().getName();
            String idToken = null;
            if (identity.getPrincipal() instanceof JsonWebToken id) {
                idToken = id.getRawToken();
                name = firstOf(id.getClaim("name"), id.getClaim("preferred_username"), name);
            }
            return new Viewer(name, access.getToken(), idToken);
        } catch (RuntimeException e) {
            // an expired session that could not be refreshed (Keycloak down): the page is shown signed out
            LOG.debugf("session not usable: %s", e.toString());
            return null;
        }
    }

    private static String firstOf(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate != null && !candidate.toString().isBlank()) {
                return candidate.toString();
            }
        }
        return null;
    }
}
