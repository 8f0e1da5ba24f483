package dev.spaces.content;

import dev.spaces.commons.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Real PostgreSQL for every test class, and bearer tokens signed with the test key the service trusts. */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestSupport() {
    }

    public static String token(String username, String... roles) {
        return Jwt.issuer("https://issuer.spaces.test")
                .subject("sub-" + username)
                .audience("spaces-api")
                .claim("preferred_username", username)
                .claim("name", username)
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

    public static RequestSpecification admin() {
        return as("admin", "admin");
    }

    public static RequestSpecification editor() {
        return as("editor", "editor");
    }

    public static RequestSpecification author() {
        return as("author", "author");
    }

    /** A title no other test uses. */
    public static String unique(String prefix) {
        return prefix + " " + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> article(String title, String markdown) {
        return Map.of("title", title, "markdown", markdown);
    }
}
