package dev.spaces.commons.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens shaped like Keycloak's (sub, preferred_username, name, email, realm_access.roles, aud spaces-api),
 * signed with the test key that the services' %test profile trusts (smallrye.jwt.sign.key.location).
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.spaces.test";

    private TestTokens() {
    }

    public static String token(String username, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject("sub-" + username)
                .audience("spaces-api")
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("email", username + "@example.test")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign();
    }

    public static RequestSpecification as(String username, String... roles) {
        return RestAssured.given().auth().oauth2(token(username, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }
}
