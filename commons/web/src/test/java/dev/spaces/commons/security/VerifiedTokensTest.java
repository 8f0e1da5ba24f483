package dev.spaces.commons.security;

import dev.spaces.commons.testing.MutableClock;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Stands in for quarkus-oidc: records what it was asked, accepts "good-…" tokens. */
    static final class CountingVerifier implements TenantIdentityProvider {
        final List<String> verified = new ArrayList<>();
        final Map<String, Long> expiry;

        CountingVerifier(Map<String, Long> expiry) {
            this.expiry = expiry;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(AccessTokenCredential token) {
            verified.add(token.getToken());
            if (!token.getToken().startsWith("good-")) {
                return Uni.createFrom().failure(new AuthenticationFailedException("bad signature"));
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new Jwt(token.getToken(), expiry.getOrDefault(token.getToken(), 0L))).build());
        }
    }

    record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return Claims.exp.name().equals(claim) ? (T) Long.valueOf(exp) : null; // 0: no exp
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private final CountingVerifier verifier = new CountingVerifier(Map.of(
            "good-a", T0.plusSeconds(300).getEpochSecond(),
            "good-b", T0.plusSeconds(300).getEpochSecond()));
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aVerifiedTokenIsCheckedOnceUntilItExpires() {
        SecurityIdentity first = identity("good-a");
        clock.set(T0.plusSeconds(299));
        assertThat(identity("good-a")).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good-a");

        clock.set(T0.plusSeconds(300));
        assertThat(tokens.recall("good-a")).isNull();
        identity("good-a");
        assertThat(verifier.verified).containsExactly("good-a", "good-a");
    }

    @Test
    void tokensAreRememberedExactlyAsPresented() {
        identity("good-a");
        identity("good-b");
        assertThat(identity("good-b").getPrincipal().getName()).isEqualTo("good-b");
        assertThat(verifier.verified).containsExactly("good-a", "good-b");
    }

    @Test
    void aTokenThatFailedIsNeverRemembered() {
        assertThatThrownBy(() -> identity("forged")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identity("forged")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(verifier.verified).containsExactly("forged", "forged");
        assertThat(tokens.recall("forged")).isNull();
    }

    @Test
    void aTokenWithoutExpiryIsRememberedForAtMostTheBound() {
        identity("good-noexp");
        clock.set(T0.plus(VerifiedTokens.REMEMBER_AT_MOST).minus(Duration.ofSeconds(1)));
        identity("good-noexp");
        assertThat(verifier.verified).hasSize(1);
        clock.set(T0.plus(VerifiedTokens.REMEMBER_AT_MOST));
        identity("good-noexp");
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void verifyChecksAgainEvenWhenRemembered() {
        identity("good-a");
        tokens.verify("good-a").await().indefinitely();
        assertThat(verifier.verified).containsExactly("good-a", "good-a");
    }

    private SecurityIdentity identity(String token) {
        return tokens.identity(token).await().indefinitely();
    }
}
