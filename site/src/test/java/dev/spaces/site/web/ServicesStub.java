package dev.spaces.site.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One WireMock server in the place of content-service, comment-service and Keycloak: the published article 7 (with
 * a comment of Bob's, id 5), and a Keycloak that signs an ID token for alice when the site exchanges a code (its
 * keys published at the JWKS address, so quarkus-oidc verifies the token as it would Keycloak's). The comment
 * posts themselves are stubbed by each test.
 */
public class ServicesStub implements QuarkusTestResourceLifecycleManager {

    static final long ARTICLE = 7;
    static final long BOBS_COMMENT = 5;
    static final String ACCESS_TOKEN_SUBJECT = "alice-id";
    static WireMockServer server;
    static String accessToken;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String issuer = server.baseUrl() + "/realms/spaces";
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("site-test");
            server.stubFor(get(urlEqualTo("/realms/spaces/protocol/openid-connect/certs")).willReturn(json(200,
                    new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
            accessToken = sign(key, issuer, "spaces-api");
            String idToken = sign(key, issuer, "spaces-web");
            server.stubFor(post(urlEqualTo("/realms/spaces/protocol/openid-connect/token")).willReturn(json(200,
                    "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                            + "\",\"refresh_token\":\"refresh\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        server.stubFor(get(urlEqualTo("/api/v1/site")).willReturn(json(200, """
                {"name":"测试博客","siteUrl":"https://blog.example","timeZone":"Asia/Shanghai","language":"zh-CN",
                 "license":{"name":"CC BY-NC-SA 4.0","url":"https://creativecommons.org/licenses/by-nc-sa/4.0/",
                 "citationTemplate":"{title} {url}"},"version":1}""")));
        server.stubFor(get(urlEqualTo("/api/v1/pages")).willReturn(json(200, "[]")));
        server.stubFor(get(urlEqualTo("/api/v1/articles/" + ARTICLE)).willReturn(json(200, """
                {"id":7,"slug":"seven","title":"第七篇","status":"published","html":"<p>正文</p>",
                 "publishedAt":"2026-01-02T03:04:05Z","reads":3,"author":{"name":"作者"}}""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/" + ARTICLE + "/related")).willReturn(json(200, "[]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/popular")).willReturn(json(200, "[]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/" + ARTICLE + "/citation"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("@misc{}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/" + ARTICLE + "/comments")).willReturn(json(200, """
                {"items":[{"id":5,"articleId":7,"author":{"id":2,"displayName":"Bob"},"bodyHtml":"<p>你好</p>",
                 "createdAt":"2026-01-03T00:00:00Z","votes":0,"replies":[]}],"total":1}""")));
        return Map.of(
                "quarkus.rest-client.content.url", server.baseUrl(),
                "quarkus.rest-client.comment.url", server.baseUrl(),
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.issuer", issuer);
    }

    private static String sign(RsaJsonWebKey key, String issuer, String audience) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(ACCESS_TOKEN_SUBJECT);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("preferred_username", "alice");
        claims.setClaim("name", "爱丽丝");
        claims.setClaim("azp", "spaces-web");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
