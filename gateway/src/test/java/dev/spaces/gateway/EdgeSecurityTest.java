package dev.spaces.gateway;

import dev.spaces.commons.security.TokenRejection;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EdgeSecurityTest extends GatewayTest {

    @Test
    void invalidTokensStopAtTheEdge() throws Exception {
        String foreign = Jwt.issuer("https://evil.example").subject("mallory").audience("spaces-api")
                .expiresIn(3600).sign(); // signed with the test key, but the wrong issuer
        String expired = Jwt.issuer(TestTokens.ISSUER).subject("sub-alice").audience("spaces-api")
                .expiresAt(System.currentTimeMillis() / 1000 - 3600).sign();
        String wrongAudience = Jwt.issuer(TestTokens.ISSUER).subject("sub-alice").audience("other-api")
                .expiresIn(3600).sign();
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("sub-alice").audience("spaces-api")
                .expiresIn(3600).sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        Map<String, TokenRejection> tokens = Map.of("not-a-jwt", TokenRejection.MALFORMED,
                foreign, TokenRejection.ISSUER, expired, TokenRejection.EXPIRED,
                wrongAudience, TokenRejection.AUDIENCE, forged, TokenRejection.SIGNATURE);
        for (var rejected : tokens.entrySet()) {
            String token = rejected.getKey();
            client().auth().oauth2(token).get("/api/v1/articles/1")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("detail", org.hamcrest.Matchers.equalTo(rejected.getValue().detail()))
                    .body("requestId", notNullValue());
            client().auth().oauth2(token).contentType("application/json").body("{\"body\":\"hi\"}")
                    .post("/api/v1/articles/1/comments")
                    .then().statusCode(401);
        }
        client().header("Authorization", "Basic YWxpY2U6YWxpY2U=").get("/api/v1/articles/1").then().statusCode(401);
        UpstreamStubs.content.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/articles/1")));
        UpstreamStubs.comment.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/articles/1/comments")));
    }

    @Test
    void protectedPathsAndWritesNeedAToken() {
        client().get("/api/v1/members/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        client().get("/api/v1/moderation/comments").then().statusCode(401);
        client().contentType("application/json").body("{}").post("/api/v1/articles").then().statusCode(401);
        client().contentType("application/json").body("{}").put("/api/v1/articles/3").then().statusCode(401);
        client().delete("/api/v1/comments/5").then().statusCode(401);
        UpstreamStubs.content.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/articles")));
        UpstreamStubs.comment.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/members/me")));
        // anonymous writes the services accept: read counting, preview, guest comments
        client().post("/api/v1/articles/3/views").then().statusCode(200);
        UpstreamStubs.content.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/articles/3/views")));
    }

    @Test
    void validTokensAreForwarded() {
        String token = TestTokens.token("alice", "member");
        client().auth().oauth2(token).get("/api/v1/members/me").then().statusCode(200);
        UpstreamStubs.comment.verify(getRequestedFor(urlPathEqualTo("/api/v1/members/me"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void requestIdsArePropagatedOrGenerated() {
        String id = "trace-" + UUID.randomUUID();
        client().header("X-Request-Id", id).get("/api/v1/articles/7").then().statusCode(200)
                .header("X-Request-Id", id);
        UpstreamStubs.content.verify(getRequestedFor(urlPathEqualTo("/api/v1/articles/7"))
                .withHeader("X-Request-Id", equalTo(id))
                .withHeader("X-Forwarded-For", containing(clientAddress)));

        String generated = client().get("/api/v1/articles/8").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
        UpstreamStubs.content.verify(getRequestedFor(urlPathEqualTo("/api/v1/articles/8"))
                .withHeader("X-Request-Id", equalTo(generated)));

        // ids that could smuggle anything into logs or headers are replaced
        client().header("X-Request-Id", "bad id\twith spaces").get("/api/v1/articles/9").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        // the gateway's own endpoints and problems carry it too
        client().header("X-Request-Id", id).get("/api/v1/nothing").then().statusCode(404)
                .header("X-Request-Id", id).body("requestId", org.hamcrest.Matchers.equalTo(id));
    }

    @Test
    void securityHeaders() {
        client().get("/api/v1/articles/1").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", nullValue());
        // https as reported by a trusted proxy (the test client is 127.0.0.1, which is configured as one)
        client().header("X-Forwarded-Proto", "https").get("/api/v1/articles/1").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void corsPreflightAnsweredAtTheEdge() {
        client().header("Origin", "https://front.spaces.test")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,If-Match")
                .options("/api/v1/articles/12")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://front.spaces.test")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        client().header("Origin", "https://front.spaces.test").get("/api/v1/articles/12")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://front.spaces.test")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        client().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/articles/12")
                .then().header("Access-Control-Allow-Origin", nullValue());
        UpstreamStubs.content.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/articles/12"))
                .withHeader("Access-Control-Request-Method", matching(".*")));
    }

    @Test
    void oversizeBodiesAre413() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'x');
        client().auth().oauth2(TestTokens.token("editor", "editor")).contentType("application/json").body(body)
                .post("/api/v1/import")
                .then().statusCode(413).contentType("application/problem+json");
        UpstreamStubs.content.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/import")));
    }

    @Test
    void anOverLongUrlIsA414ProblemNotABareCodecAnswer() {
        // a 9 KB query string: the HTTP codec used to answer "HTTP/1.0 414" with no body
        client().get("/api/v1/articles?q=" + "x".repeat(9 * 1024))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", containsString("uri-too-long")).body("detail", containsString("8192"))
                .body("requestId", notNullValue());
        UpstreamStubs.content.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/articles"))
                .withQueryParam("q", matching("x{9000,}")));
        // the same on the gateway's own endpoints
        client().get("/q/health?x=" + "y".repeat(9 * 1024)).then().statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void overLargeHeaderFieldsAreA431Problem() {
        client().header("X-Padding", "p".repeat(17 * 1024)).get("/api/v1/articles/1")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", containsString("header-fields-too-large"));
        client().header("X-Padding", "p".repeat(17 * 1024)).contentType("application/json").body("{}")
                .post("/api/v1/articles")
                .then().statusCode(431).contentType("application/problem+json");
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(value);
    }
}
