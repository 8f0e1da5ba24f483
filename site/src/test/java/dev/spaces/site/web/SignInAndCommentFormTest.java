package dev.spaces.site.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.spaces.site.web.ServicesStub.ARTICLE;
import static dev.spaces.site.web.ServicesStub.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in (authorization code + PKCE against a stand-in Keycloak that signs real tokens) and the comment form's
 * outcomes, with comment-service and content-service stubbed: what the reader sees for each answer, that a post is
 * sent once with their token, and that forged cross-site posts and foreign return addresses are refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesStub.class, restrictToAnnotatedClass = true)
class SignInAndCommentFormTest {

    private static final String COMMENTS = "/api/v1/articles/" + ARTICLE + "/comments";
    private static final String FORM = "/archives/" + ARTICLE + "/comments";

    @BeforeEach
    void forgetPosts() {
        server.resetRequests();
    }

    @Test
    void anAnonymousArticlePageOffersSignInAndSetsNoCookie() {
        Response page = RestAssured.given().get("/archives/" + ARTICLE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("登录后评论")
                .contains("href=\"/login?return=%2Farchives%2F7%23comment-form\"")
                .doesNotContain("<textarea").contains(">登录</a>");
        assertThat(page.header("Set-Cookie")).as("a cookie would stop the gateway caching the page").isNull();
        assertThat(page.header("Cache-Control")).contains("public");
        server.verify(getRequestedFor(urlPathEqualTo(COMMENTS)).withoutHeader("Authorization"));
    }

    @Test
    void signInGoesToKeycloakWithPkceAndComesBackToThePublicAddress() {
        Response start = RestAssured.given().redirects().follow(false)
                .header("X-Forwarded-Host", "blog.example:8443").header("X-Forwarded-Proto", "https")
                .get("/login?return=/archives/7");
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> query = query(start.header("Location"));
        assertThat(start.header("Location")).startsWith(server.baseUrl()
                + "/realms/spaces/protocol/openid-connect/auth?");
        assertThat(query).containsEntry("client_id", "spaces-web").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "https://blog.example:8443/login/callback")
                .containsKey("code_challenge").containsKey("state");
    }

    @Test
    void afterSignInTheReaderIsBackOnHerPageAndOnlyOnPagesOfThisSite() {
        Map<String, String> session = signIn("/archives/7#comment-form");
        for (String foreign : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)"}) {
            Response back = withSession(session).queryParam("return", foreign).get("/login");
            assertThat(back.statusCode()).isEqualTo(303);
            assertThat(back.header("Location")).as(foreign).isEqualTo("/");
        }
    }

    @Test
    void aSignedInReaderSeesHerNameAndTheFormAndHerPageIsPrivate() {
        Map<String, String> session = signIn("/archives/7");
        Response page = withSession(session).get("/archives/" + ARTICLE + "?replyTo=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("爱丽丝").contains(">退出</button>").contains("<textarea")
                .contains("回复 Bob").contains("name=\"parentId\" value=\"5\"").doesNotContain("登录后评论");
        assertThat(page.header("Cache-Control")).startsWith("private");
        server.verify(getRequestedFor(urlPathEqualTo(COMMENTS))
                .withHeader("Authorization", equalTo("Bearer " + ServicesStub.accessToken)));
    }

    @Test
    void aPostedCommentIsSentOnceWithHerTokenAndTheReaderIsRedirectedToIt() {
        Map<String, String> session = signIn("/archives/7");
        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":42,\"status\":\"pending\"}")));
        Response posted = submit(session, "post", "公式 $x^2$", "5");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).isEqualTo("/archives/7#comment-42");
        server.verify(1, postRequestedFor(urlEqualTo(COMMENTS))
                .withHeader("Authorization", equalTo("Bearer " + ServicesStub.accessToken))
                .withHeader("Accept-Language", equalTo("zh-CN"))
                .withRequestBody(equalToJson("{\"body\":\"公式 $x^2$\",\"parentId\":5}")));
    }

    @Test
    void aFailingCommentServiceIsAskedOnceAndTheTextIsKept() {
        Map<String, String> session = signIn("/archives/7");
        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(503)));
        Response page = submit(session, "post", "保留我", null);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.asString()).contains("评论服务暂时不可用").contains(">保留我</textarea>");
        server.verify(1, postRequestedFor(urlEqualTo(COMMENTS))); // a POST is never repeated
    }

    @Test
    void refusalsAreSaidInWordsWithTheirStatus() {
        Map<String, String> session = signIn("/archives/7");
        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody(
                        "{\"status\":422,\"title\":\"Validation failed\",\"errors\":[{\"field\":\"post.request.body\","
                                + "\"message\":\"不能为空\"}]}")));
        Response invalid = submit(session, "post", " ", null);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.asString()).contains("评论没有发表").contains("<li>评论内容：不能为空</li>");

        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "37")
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":429}")));
        Response limited = submit(session, "post", "太快", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("37");
        assertThat(limited.asString()).contains("37 秒后再试").contains(">太快</textarea>");

        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":409}")));
        Response duplicate = submit(session, "post", "重复", null);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.asString()).contains("已经发表过同样的评论");

        server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(401)));
        Response expired = submit(session, "post", "过期了", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.asString()).contains("登录已过期").contains("登录后评论").contains(">过期了</textarea>");
    }

    @Test
    void previewIsRenderedByTheServerAboveTheFormWithTheTextKept() {
        Map<String, String> session = signIn("/archives/7");
        server.stubFor(post(urlEqualTo("/api/v1/comments/preview")).withRequestBody(equalToJson("{\"body\":\"$x$\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"html\":\"<p><span class=\\\"math inline\\\"><math><mi>x</mi></math></span></p>\"}")));
        Response page = submit(session, "preview", "$x$", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("class=\"comment-preview\"").contains("<math><mi>x</mi></math>")
                .contains(">$x$</textarea>");
        assertThat(page.header("Cache-Control")).contains("no-store");
        server.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
        server.verify(postRequestedFor(urlEqualTo("/api/v1/comments/preview"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
    }

    @Test
    void aPreviewTheCommentPolicyRefusesSaysWhyInWordsWithTheTextKept() {
        Map<String, String> session = signIn("/archives/7");
        server.stubFor(post(urlEqualTo("/api/v1/comments/preview")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://spaces.dev/problems/validation","title":"Unprocessable","status":422,
                         "errors":[{"field":"body","message":"每行最多 2000 个字符"}]}""")));
        Response page = submit(session, "preview", "太长的一行", null);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString()).contains("预览没有生成").contains("评论内容：每行最多 2000 个字符")
                .contains(">太长的一行</textarea>").doesNotContain("class=\"comment-preview\"");
        server.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
    }

    @Test
    void aForgedCrossSitePostIsRefusedAndNothingIsSent() {
        Map<String, String> session = signIn("/archives/7");
        Response forged = withSession(session).header("Origin", "https://evil.example").formParam("body", "伪造")
                .formParam("action", "post").post(FORM);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("请求被拒绝");
        // through the gateway the Origin arrives as X-Spaces-Origin (its CORS filter leaves the refusal to this page)
        Response viaGateway = withSession(session).header("X-Spaces-Origin", "https://evil.example")
                .formParam("body", "伪造").formParam("action", "post").post(FORM);
        assertThat(viaGateway.statusCode()).isEqualTo(403);
        assertThat(viaGateway.asString()).contains("请求被拒绝");
        Response noOrigin = withSession(session).formParam("body", "伪造").formParam("action", "post").post(FORM);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        server.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
    }

    @Test
    void withoutASessionThePostIsRefusedWithTheTextKept() {
        Response page = RestAssured.given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("body", "没登录").formParam("action", "post").post(FORM);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.asString()).contains("登录后评论").contains(">没登录</textarea>");
        server.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
    }

    @Test
    void logoutDropsTheSessionAndEndsKeycloaksToo() {
        Map<String, String> session = signIn("/");
        Response out = withSession(session).header("Origin", origin()).post("/logout");
        assertThat(out.statusCode()).isEqualTo(200);
        java.util.regex.Matcher refresh = java.util.regex.Pattern.compile("content=\"0; url=([^\"]+)\"")
                .matcher(out.asString());
        assertThat(refresh.find()).as("a refresh to Keycloak's logout (no script)").isTrue();
        String keycloak = refresh.group(1).replace("&amp;", "&");
        Map<String, String> query = query(keycloak);
        assertThat(keycloak).startsWith(server.baseUrl() + "/realms/spaces/protocol/openid-connect/logout?");
        assertThat(query).containsEntry("post_logout_redirect_uri", origin() + "/").containsKey("id_token_hint");
        assertThat(out.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("q_session")
                && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")));
    }

    // ---- helpers

    /** The whole code flow: /login → (Keycloak) → /login/callback with the code → the restored /login → 303. */
    private Map<String, String> signIn(String returnPath) {
        Response start = RestAssured.given().redirects().follow(false).queryParam("return", returnPath).get("/login");
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> cookies = new HashMap<>(start.cookies());
        String state = query(start.header("Location")).get("state");
        Response callback = RestAssured.given().redirects().follow(false).cookies(cookies)
                .queryParam("code", "the-code").queryParam("state", state).get("/login/callback");
        assertThat(callback.statusCode()).as(callback.asString()).isIn(302, 303);
        cookies.putAll(callback.cookies());
        assertThat(cookies.keySet()).anyMatch(name -> name.startsWith("q_session"));
        String restored = callback.header("Location");
        Response back = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(URI.create(restored)
                .getRawPath() + (URI.create(restored).getRawQuery() == null ? "" : "?" + URI.create(restored).getRawQuery()));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(URI.create(back.header("Location")).getPath()).isEqualTo(URI.create(returnPath).getPath());
        cookies.putAll(back.cookies());
        cookies.keySet().removeIf(name -> name.startsWith("q_auth"));
        return cookies;
    }

    /** Form posts as a browser sends them from a UTF-8 page. */
    private RequestSpecification withSession(Map<String, String> session) {
        return RestAssured.given().redirects().follow(false).cookies(session)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private Response submit(Map<String, String> session, String action, String body, String parentId) {
        RequestSpecification request = withSession(session).header("Origin", origin()).formParam("body", body)
                .formParam("action", action);
        if (parentId != null) {
            request = request.formParam("parentId", parentId);
        }
        return request.post(FORM);
    }

    private static String origin() {
        return "http://localhost:" + RestAssured.port;
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
