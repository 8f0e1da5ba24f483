package dev.spaces.commons.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;

/**
 * Bearer access tokens checked by quarkus-oidc (the default tenant: Keycloak's JWKS, issuer, audience, expiry, realm
 * roles), each one that passed remembered, exactly as presented, until its {@code exp} (at most
 * {@link #REMEMBER_AT_MOST}). The one token memo of the platform: the gateway's edge check and comment-service's
 * authentication both go through it.
 *
 * <p>Why remember at all: quarkus-oidc verifies a bearer JWT anew on every request (its token cache holds only
 * introspection and UserInfo answers, which local JWT verification never makes), yet a member's app sends the same
 * token with every request for its whole lifetime, and the signature check and claim parsing were a tenth of a
 * comment POST's CPU and most of the gateway's per signed-in request (measured with smallrye-jwt; jose4j does the
 * same RSA work). Nothing is learned that the token itself does not say; a token that failed is never remembered,
 * and one past its {@code exp} is checked again in full. The identity comes from {@link TenantIdentityProvider},
 * which carries no request (no routing context), so one identity may serve many requests.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Access tokens live minutes; the bound only keeps a token without {@code exp} from being trusted for long. */
    public static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(10);
    private static final int REMEMBERED_TOKENS = 4096;

    private final TenantIdentityProvider verifier;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED_TOKENS).build();

    @Inject
    public VerifiedTokens(TenantIdentityProvider verifier) {
        this(verifier, Clock.systemUTC());
    }

    public VerifiedTokens(TenantIdentityProvider verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    /** The identity of a token that passed before and has not expired since, else {@code null}. */
    public SecurityIdentity recall(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        if (clock.millis() < known.validUntilMillis()) {
            return known.identity();
        }
        verified.invalidate(token);
        return null;
    }

    /**
     * Checks the token in full (without looking at what is remembered) and remembers it when it passes. Fails with
     * quarkus-oidc's {@code AuthenticationFailedException}; {@link TokenRejection#of} tells which check failed.
     */
    public Uni<SecurityIdentity> verify(String token) {
        return verifier.authenticate(new AccessTokenCredential(token)).invoke(identity -> remember(token, identity));
    }

    /** {@link #recall} or else {@link #verify}. */
    public Uni<SecurityIdentity> identity(String token) {
        SecurityIdentity known = recall(token);
        return known != null ? Uni.createFrom().item(known) : verify(token);
    }

    private void remember(String token, SecurityIdentity identity) {
        long bound = clock.millis() + REMEMBER_AT_MOST.toMillis();
        long expires = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? jwt.getExpirationTime() * 1000 : bound;
        verified.put(token, new Verified(identity, Math.min(expires, bound)));
    }
}
