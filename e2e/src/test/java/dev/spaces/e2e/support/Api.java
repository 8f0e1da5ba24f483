package dev.spaces.e2e.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests to the gateway (the only entry point the suite uses), anonymous or as a demo user with an access
 * token from the real Keycloak (password grant, public client {@code spaces-cli}; password = user name).
 */
public final class Api {

    private final Stack stack;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** The API of the given stack (the shared one comes from {@link StackExtension}). */
    public Api(Stack stack) {
        this.stack = stack;
    }

    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri(stack.gatewayUrl()).urlEncodingEnabled(true);
    }

    public RequestSpecification as(String user) {
        return anonymous().header("Authorization", "Bearer " + token(user));
    }

    public RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    /** A current access token for the user, fetched again shortly before it expires. */
    public String token(String user) {
        Token token = tokens.get(user);
        if (token == null || Instant.now().isAfter(token.expires.minusSeconds(30))) {
            token = fetch(user);
            tokens.put(user, token);
        }
        return token.value;
    }

    private Token fetch(String user) {
        Response response = RestAssured.given().baseUri(stack.keycloakUrl())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("grant_type", "password").formParam("client_id", "spaces-cli")
                .formParam("username", user).formParam("password", user)
                .post("/realms/spaces/protocol/openid-connect/token");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode()
                    + " " + response.asString());
        }
        return new Token(response.path("access_token"),
                Instant.now().plusSeconds(response.<Integer>path("expires_in")));
    }

    private record Token(String value, Instant expires) {
    }
}
