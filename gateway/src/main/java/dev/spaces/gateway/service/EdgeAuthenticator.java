package dev.spaces.gateway.service;

import dev.spaces.gateway.domain.EdgeCaller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Validates bearer tokens at the edge with the same smallrye-jwt settings the services use (Keycloak JWKS,
 * issuer, audience), so a forged or expired token never reaches a service. The services validate again.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);
    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final Vertx vertx;

    public EdgeAuthenticator(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    /** The caller behind an Authorization header (absent header = anonymous; anything but a valid bearer = invalid). */
    public Future<EdgeCaller> authenticate(String authorization) {
        if (authorization == null) {
            return Future.succeededFuture(EdgeCaller.ANONYMOUS);
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.succeededFuture(EdgeCaller.INVALID);
        }
        String token = authorization.substring(BEARER.length()).strip();
        // Parsing may fetch the JWKS over the network (first use, key rotation): never on the event loop.
        return vertx.executeBlocking(() -> verify(token), false);
    }

    private EdgeCaller verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            return subject == null ? EdgeCaller.INVALID : new EdgeCaller(subject, false);
        } catch (ParseException e) {
            LOG.debugf("Rejected a bearer token at the edge: %s", e.getMessage());
            return EdgeCaller.INVALID;
        }
    }
}
