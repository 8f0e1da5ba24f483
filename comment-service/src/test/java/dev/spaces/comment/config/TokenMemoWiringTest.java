package dev.spaces.comment.config;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.security.VerifiedTokens;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import static dev.spaces.comment.TestSupport.freshMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The bearer-token authentication goes through the token memo, and a remembered token still signs in. */
@QuarkusTest
class TokenMemoWiringTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenThatSignedInIsRememberedAndSignsInAgain() {
        String token = TestTokens.token(freshMember("memo"), "member");
        assertThat(tokens.recall(token)).isNull();

        long first = RestAssured.given().auth().oauth2(token).get("/api/v1/members/me")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(tokens.recall(token)).as("remembered after the first request").isNotNull();
        long again = RestAssured.given().auth().oauth2(token).get("/api/v1/members/me")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndItsProblemNamesTheCheck() throws Exception {
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("sub-" + freshMember("memo")).audience("spaces-api")
                .claim("realm_access", Map.of("roles", List.of("member"))).expiresIn(3600)
                .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        for (int i = 0; i < 2; i++) {
            RestAssured.given().auth().oauth2(forged).get("/api/v1/members/me")
                    .then().statusCode(401).body("detail", equalTo(TokenRejection.SIGNATURE.detail()));
        }
        assertThat(tokens.recall(forged)).isNull();
    }
}
