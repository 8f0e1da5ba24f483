package dev.spaces.commons.testing.keycloak;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/** The claims of a Keycloak access token, read without verifying it: for assertions about what Keycloak issued. */
public record AccessToken(JsonNode claims) {

    public static AccessToken parse(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a signed JWT: " + jwt);
        }
        try {
            return new AccessToken(Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IOException e) {
            throw new UncheckedIOException("JWT payload is not JSON", e);
        }
    }

    public String issuer() {
        return claims.path("iss").asText();
    }

    public String preferredUsername() {
        return claims.path("preferred_username").asText();
    }

    /** {@code aud} is a string or an array of strings. */
    public Set<String> audiences() {
        return strings(claims.path("aud"));
    }

    public Set<String> realmRoles() {
        return strings(claims.path("realm_access").path("roles"));
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(element -> values.add(element.asText()));
        return values;
    }
}
