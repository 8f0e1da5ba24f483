package dev.spaces.gateway.service;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.security.VerifiedTokens;
import dev.spaces.commons.testing.MutableClock;
import dev.spaces.commons.testing.TestTokens;
import dev.spaces.gateway.UpstreamStubs;
import dev.spaces.gateway.domain.EdgeCaller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Valid tokens are remembered until their exp; anything else is checked every time and says what failed. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class EdgeAuthenticatorTest {

    @Inject
    TenantIdentityProvider oidc;

    private final MutableClock clock = new MutableClock(Instant.now());
    private SimpleMeterRegistry meters;
    private EdgeAuthenticator authenticator;

    @BeforeEach
    void setUp() {
        meters = new SimpleMeterRegistry();
        authenticator = new EdgeAuthenticator(new VerifiedTokens(oidc, clock), meters);
    }

    @Test
    void aValidTokenIsCheckedOnceAndRememberedUntilItsExp() {
        String token = Jwt.issuer(TestTokens.ISSUER).subject("sub-alice").audience("spaces-api")
                .expiresAt(clock.instant().getEpochSecond() + 120).sign();
        assertThat(caller(token).subject()).isEqualTo("sub-alice");
        assertThat(caller(token).subject()).isEqualTo("sub-alice");
        assertThat(caller(token).subject()).isEqualTo("sub-alice");
        assertThat(count("checked")).isEqualTo(1);
        assertThat(count("remembered")).isEqualTo(2);

        clock.advance(Duration.ofSeconds(121)); // past its exp: checked again (quarkus-oidc, on real time, accepts)
        assertThat(caller(token).subject()).isEqualTo("sub-alice");
        assertThat(count("checked")).isEqualTo(2);
    }

    @Test
    void aLongLivedTokenIsRememberedOnlyForTheBound() {
        String token = Jwt.issuer(TestTokens.ISSUER).subject("sub-bob").audience("spaces-api")
                .expiresAt(clock.instant().getEpochSecond() + 3600).sign();
        caller(token);
        clock.advance(VerifiedTokens.REMEMBER_AT_MOST.plusSeconds(1));
        caller(token);
        assertThat(count("checked")).as("the bound applies even before exp").isEqualTo(2);
    }

    @Test
    void invalidTokensAreNeverRememberedAndNameTheCheckTheyFailed() {
        String wrongAudience = Jwt.issuer(TestTokens.ISSUER).subject("sub-alice").audience("other-api")
                .expiresIn(3600).sign();
        for (int i = 0; i < 3; i++) {
            assertThat(caller(wrongAudience)).isEqualTo(EdgeCaller.rejected(TokenRejection.AUDIENCE));
            assertThat(caller(wrongAudience + "x").invalid()).isTrue();
        }
        assertThat(count("checked")).isEqualTo(6);
        assertThat(count("remembered")).isZero();
        assertThat(caller(null)).isEqualTo(EdgeCaller.ANONYMOUS);
        assertThat(authenticator.authenticate("Basic YWxpY2U6YWxpY2U=").result())
                .isEqualTo(EdgeCaller.rejected(TokenRejection.MALFORMED));
    }

    private EdgeCaller caller(String token) {
        try {
            return authenticator.authenticate(token == null ? null : "Bearer " + token)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private double count(String result) {
        return meters.get("spaces.gateway.token.validations").tag("result", result).counter().count();
    }
}
