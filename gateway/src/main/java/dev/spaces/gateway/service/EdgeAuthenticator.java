package dev.spaces.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.gateway.domain.EdgeCaller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Validates bearer tokens at the edge with the same smallrye-jwt settings the services use (Keycloak JWKS,
 * issuer, audience), so a forged or expired token never reaches a service. The services validate again.
 *
 * <p>A token that validated is remembered, exactly as presented, until its {@code exp} (at most
 * {@link #REMEMBER_AT_MOST}): a member's app sends the same token with every request for its whole lifetime, and
 * checking its RSA signature again each time, on a worker thread and back, was most of the edge's cost per signed-in
 * request. Nothing is learned from it that the token itself does not say; a token that failed is never remembered.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);
    private static final String BEARER = "bearer ";
    /** Access tokens live minutes; the bound only keeps a token without {@code exp} from being trusted for long. */
    static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(10);
    private static final int REMEMBERED_TOKENS = 4096;

    private final JWTParser parser;
    private final Vertx vertx;
    private final Clock clock;
    private final Cache<String, Verified> verified;
    private final Counter remembered;
    private final Counter checked;

    @Inject
    public EdgeAuthenticator(JWTParser parser, Vertx vertx, MeterRegistry meters) {
        this(parser, vertx, meters, Clock.systemUTC());
    }

    EdgeAuthenticator(JWTParser parser, Vertx vertx, MeterRegistry meters, Clock clock) {
        this.parser = parser;
        this.vertx = vertx;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(REMEMBERED_TOKENS).build();
        this.remembered = Counter.builder("spaces.gateway.token.validations").tag("result", "remembered")
                .description("Bearer tokens accepted because they validated before (until their exp)").register(meters);
        this.checked = Counter.builder("spaces.gateway.token.validations").tag("result", "checked")
                .description("Bearer tokens whose signature and claims were checked").register(meters);
    }

    /** A token that validated, and until when it may be taken as valid without checking again. */
    private record Verified(EdgeCaller caller, long validUntilMillis) {
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
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.millis() < known.validUntilMillis()) {
                remembered.increment();
                return Future.succeededFuture(known.caller());
            }
            verified.invalidate(token);
        }
        // Parsing may fetch the JWKS over the network (first use, key rotation): never on the event loop.
        return vertx.executeBlocking(() -> verify(token), false);
    }

    private EdgeCaller verify(String token) {
        checked.increment();
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            if (subject == null) {
                return EdgeCaller.INVALID;
            }
            EdgeCaller caller = new EdgeCaller(subject, false);
            long bound = clock.millis() + REMEMBER_AT_MOST.toMillis();
            long expires = jwt.getExpirationTime() > 0 ? jwt.getExpirationTime() * 1000 : bound;
            verified.put(token, new Verified(caller, Math.min(expires, bound)));
            return caller;
        } catch (ParseException e) {
            LOG.debugf("Rejected a bearer token at the edge: %s", e.getMessage());
            return EdgeCaller.INVALID;
        }
    }
}
