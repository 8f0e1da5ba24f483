package dev.spaces.gateway.service;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.security.VerifiedTokens;
import dev.spaces.gateway.domain.EdgeCaller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Validates bearer tokens at the edge with quarkus-oidc and the settings the services use (Keycloak JWKS, issuer,
 * audience, expiry), so a forged, foreign or expired token never reaches a service. The services validate again.
 *
 * <p>A token that validated is remembered until its {@code exp} ({@link VerifiedTokens}, the platform's one token
 * memo): a member's app sends the same token with every request for its whole lifetime. quarkus-oidc checks without
 * blocking (the JWKS is fetched on the event loop's HTTP client), so a first check no longer hops to a worker thread.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);
    private static final String BEARER = "bearer ";

    private final VerifiedTokens tokens;
    private final Counter remembered;
    private final Counter checked;

    public EdgeAuthenticator(VerifiedTokens tokens, MeterRegistry meters) {
        this.tokens = tokens;
        this.remembered = Counter.builder("spaces.gateway.token.validations").tag("result", "remembered")
                .description("Bearer tokens accepted because they validated before (until their exp)").register(meters);
        this.checked = Counter.builder("spaces.gateway.token.validations").tag("result", "checked")
                .description("Bearer tokens whose signature and claims were checked").register(meters);
    }

    /**
     * The caller behind an Authorization header: absent header = anonymous; a bearer token that validated = its
     * subject; anything else = rejected, with the check it failed.
     */
    public Future<EdgeCaller> authenticate(String authorization) {
        if (authorization == null) {
            return Future.succeededFuture(EdgeCaller.ANONYMOUS);
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.succeededFuture(EdgeCaller.rejected(TokenRejection.MALFORMED));
        }
        String token = authorization.substring(BEARER.length()).strip();
        SecurityIdentity known = tokens.recall(token);
        if (known != null) {
            remembered.increment();
            return Future.succeededFuture(caller(known));
        }
        checked.increment();
        Context context = Vertx.currentContext();
        Promise<EdgeCaller> result = Promise.promise();
        tokens.verify(token).subscribe().with(
                identity -> completeOn(context, result, caller(identity)),
                failure -> {
                    TokenRejection rejection = TokenRejection.of(failure);
                    LOG.debugf("Rejected a bearer token at the edge: %s", rejection);
                    completeOn(context, result, EdgeCaller.rejected(rejection));
                });
        return result.future();
    }

    /**
     * The request goes on on its own event loop (the proxy keeps one connection pool per loop): a check that had to
     * fetch the JWKS completes on the HTTP client's loop, which may be another one.
     */
    private static void completeOn(Context context, Promise<EdgeCaller> result, EdgeCaller caller) {
        if (context == null || Vertx.currentContext() == context) {
            result.complete(caller);
        } else {
            context.runOnContext(v -> result.complete(caller));
        }
    }

    private static EdgeCaller caller(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return subject == null || subject.isEmpty() ? EdgeCaller.rejected(TokenRejection.MALFORMED)
                : new EdgeCaller(subject, null);
    }
}
