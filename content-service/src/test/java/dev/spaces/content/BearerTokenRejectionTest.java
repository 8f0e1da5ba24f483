package dev.spaces.content;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A refused bearer token's 401 says which check it failed, and nothing more (RFC 9457 problem, RFC 6750 header). */
@QuarkusTest
class BearerTokenRejectionTest {

    @Test
    void aTokenOfAnotherIssuerIsRefusedForItsIssuer() {
        refused(claims("https://evil.example", "spaces-api", 3600).sign(), TokenRejection.ISSUER);
    }

    @Test
    void aTokenForAnotherApiIsRefusedForItsAudience() {
        refused(claims(TestTokens.ISSUER, "other-api", 3600).sign(), TokenRejection.AUDIENCE);
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        refused(claims(TestTokens.ISSUER, "spaces-api", -3600).sign(), TokenRejection.EXPIRED);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedForItsSignature() throws NoSuchAlgorithmException {
        refused(claims(TestTokens.ISSUER, "spaces-api", 3600)
                .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()), TokenRejection.SIGNATURE);
    }

    @Test
    void somethingThatIsNoJwtIsRefusedAsMalformed() {
        refused("not-a-jwt", TokenRejection.MALFORMED);
    }

    @Test
    void noTokenAtAllIsAskedFor() {
        anonymous().body(article("x", "y")).post("/api/v1/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("A valid bearer token is required"));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String issuer, String audience, long expiresIn) {
        return Jwt.issuer(issuer).subject("sub-author").audience(audience)
                .claim("realm_access", Map.of("roles", List.of("author")))
                .expiresAt(System.currentTimeMillis() / 1000 + expiresIn);
    }

    private static void refused(String token, TokenRejection expected) {
        ValidatableResponse response = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(article("x", "y")).post("/api/v1/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("type", equalTo("https://spaces.dev/problems/unauthorized"))
                .body("detail", equalTo(expected.detail()));
        // never the expected issuer, the library's wording or a stack trace
        response.body(not(containsString("issuer.spaces.test"))).body(not(containsString("Exception")))
                .body(not(containsString("jose4j")));
    }
}
