package dev.spaces.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRejectionTest {

    @Test
    void theFailedCheckIsReadFromJose4jsErrorCodes() {
        assertThat(TokenRejection.of(failed(ErrorCodes.EXPIRED))).isEqualTo(TokenRejection.EXPIRED);
        assertThat(TokenRejection.of(failed(ErrorCodes.ISSUER_INVALID))).isEqualTo(TokenRejection.ISSUER);
        assertThat(TokenRejection.of(failed(ErrorCodes.AUDIENCE_INVALID))).isEqualTo(TokenRejection.AUDIENCE);
        assertThat(TokenRejection.of(failed(ErrorCodes.AUDIENCE_MISSING))).isEqualTo(TokenRejection.AUDIENCE);
        assertThat(TokenRejection.of(failed(ErrorCodes.SIGNATURE_INVALID))).isEqualTo(TokenRejection.SIGNATURE);
        assertThat(TokenRejection.of(failed(ErrorCodes.JSON_INVALID))).isEqualTo(TokenRejection.MALFORMED);
    }

    @Test
    void anExpiredTokenOfAnotherIssuerIsRefusedForItsIssuer() {
        assertThat(TokenRejection.of(failed(ErrorCodes.EXPIRED, ErrorCodes.ISSUER_INVALID)))
                .isEqualTo(TokenRejection.ISSUER);
    }

    @Test
    void aKeyTheRealmDoesNotPublishIsASignatureFailure() {
        InvalidJwtException unknownKey = new InvalidJwtException("no key",
                new ErrorCodeValidator.Error(ErrorCodes.MISCELLANEOUS, "no key"),
                new UnresolvableKeyException("JWK with kid 'x' is not available"), null);
        assertThat(TokenRejection.of(new AuthenticationFailedException(unknownKey))).isEqualTo(TokenRejection.SIGNATURE);
    }

    @Test
    void anIdentityProviderOutOfReachIsNoFaultOfTheToken() {
        TokenRejection rejection = TokenRejection.of(new AuthenticationFailedException(
                new io.quarkus.oidc.OIDCException("OIDC Server is not available")));
        assertThat(rejection).isEqualTo(TokenRejection.UNVERIFIABLE);
        assertThat(rejection.tokenAtFault()).isFalse();
    }

    @Test
    void aFailureWithoutAParsedTokenIsMalformed() {
        assertThat(TokenRejection.of(new AuthenticationFailedException())).isEqualTo(TokenRejection.MALFORMED);
    }

    @Test
    void detailsNameTheCheckAndNothingElse() {
        assertThat(TokenRejection.ISSUER.detail())
                .isEqualTo("The bearer token is not valid: it was issued by another issuer than the one this service trusts");
        for (TokenRejection rejection : TokenRejection.values()) {
            assertThat(rejection.detail()).startsWith("The bearer token ").doesNotContain("http", "kid", "Exception");
            assertThat(rejection.detail().startsWith(TokenRejection.PREFIX)).isEqualTo(rejection.tokenAtFault());
        }
    }

    private static AuthenticationFailedException failed(int... codes) {
        List<ErrorCodeValidator.Error> errors = java.util.Arrays.stream(codes)
                .mapToObj(code -> new ErrorCodeValidator.Error(code, "code " + code)).toList();
        return new AuthenticationFailedException(new InvalidJwtException("invalid", errors, null));
    }
}
