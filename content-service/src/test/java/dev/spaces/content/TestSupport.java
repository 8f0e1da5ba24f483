package dev.spaces.content;

import dev.spaces.commons.testing.PostgresTestResource;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Real PostgreSQL for every test class, and bearer tokens signed with the test key the service trusts. */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestSupport() {
    }

    public static String token(String username, String... roles) {
        return TestTokens.token(username, roles);
    }

    public static RequestSpecification as(String username, String... roles) {
        return TestTokens.as(username, roles);
    }

    public static RequestSpecification anonymous() {
        return TestTokens.anonymous();
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
