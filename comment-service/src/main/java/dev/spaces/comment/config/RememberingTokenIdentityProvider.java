package dev.spaces.comment.config;

import dev.spaces.commons.security.VerifiedTokens;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bearer access tokens are verified through {@link VerifiedTokens}, which remembers each one that passed until its
 * {@code exp}: a member sends the same token with every request for its lifetime, and checking its RSA signature and
 * claims again each time was about a tenth of a comment POST's CPU (quarkus-oidc itself caches no JWT verification).
 * Asked before quarkus-oidc's own provider (higher priority); anything but an access token (a future web-app
 * tenant's ID tokens) is left to it. Augmentors still run per request on the identity returned here.
 */
@ApplicationScoped
public class RememberingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above quarkus-oidc's provider (the default, 1001), so the manager asks this one first. */
    static final int PRIORITY = 2000;

    private final VerifiedTokens tokens;

    public RememberingTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential access)) {
            return Uni.createFrom().nullItem();
        }
        return tokens.identity(access.getToken());
    }
}
