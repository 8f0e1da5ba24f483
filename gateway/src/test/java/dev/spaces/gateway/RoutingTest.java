package dev.spaces.gateway;

import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RoutingTest extends GatewayTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /api/v1/articles, content",
            "GET, /api/v1/articles/12, content",
            "GET, /api/v1/articles/slug/some-slug, content",
            "GET, /api/v1/articles/popular?days=7, content",
            "GET, /api/v1/articles/12/related, content",
            "GET, /api/v1/articles/12/citation?format=bibtex, content",
            "POST, /api/v1/articles/12/views, content",
            "GET, /api/v1/articles/12/search-document, content",
            "GET, /api/v1/categories, content",
            "GET, /api/v1/tags, content",
            "GET, /api/v1/series/my-series, content",
            "GET, /api/v1/archive, content",
            "POST, /api/v1/preview, content",
            "GET, /api/v1/search-documents?after=0, content",
            "GET, /api/v1/search-documents/versions, content",
            "GET, /feed, content",
            "GET, /feed/atom, content",
            "GET, /feed/category/math/atom, content",
            "GET, /sitemap.xml, content",
            "GET, /api/v1/articles/12/comments, comment",
            "POST, /api/v1/articles/12/comments, comment",
            "POST, /api/v1/comments/preview, comment",
            "GET, /api/v1/comments/recent, comment",
            "GET, '/api/v1/comments/counts?articleIds=1,2', comment",
            "GET, /api/v1/members/7, comment",
            "GET, /api/v1/search?q=熵, search",
            "GET, /api/v1/search/formulas?latex=x, search",
            "GET, /api/v1/search/suggest?q=a, search",
    })
    void anonymousRoutesReachTheirService(String method, String path, String service) {
        client().contentType("application/json").body("{}").request(method, path)
                .then().statusCode(200).body("service", equalTo(service));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "POST, /api/v1/articles, content",
            "PUT, /api/v1/articles/12, content",
            "DELETE, /api/v1/articles/12, content",
            "POST, /api/v1/articles/12/publish, content",
            "GET, /api/v1/articles/12/revisions, content",
            "POST, /api/v1/categories, content",
            "POST, /api/v1/import, content",
            "GET, /api/v1/webhooks, content",
            "POST, /api/v1/webhooks/3/ping, content",
            "GET, /api/v1/members/me, comment",
            "PATCH, /api/v1/comments/5, comment",
            "PUT, /api/v1/comments/5/vote, comment",
            "GET, /api/v1/comments/5/edits, comment",
            "GET, /api/v1/moderation/comments, comment",
            "POST, /api/v1/search/reindex, search",
    })
    void signedInRoutesReachTheirService(String method, String path, String service) {
        client().auth().oauth2(TestTokens.token("editor", "editor")).contentType("application/json").body("{}")
                .request(method, path)
                .then().statusCode(200).body("service", equalTo(service));
    }

    @ParameterizedTest(name = "{0} {1} is a reader-site page")
    @CsvSource({
            "GET, /",
            "GET, /archives/12",
            "GET, /tag/%E6%A2%AF%E5%BA%A6",
            "GET, /assets/site.css",
            "GET, /robots.txt",
            "POST, /archives/12/comments",
    })
    void everyPathOutsideTheApiStudioAndContentFilesIsTheReaderSites(String method, String path) {
        // no token: the comment form posts with the site's own session cookie, which the site checks
        client().contentType("application/x-www-form-urlencoded").body("body=x").request(method, path)
                .then().statusCode(200).body("service", equalTo("site"));
        UpstreamStubs.content.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)));
    }

    @org.junit.jupiter.api.Test
    void aCrossSiteFormPostReachesTheSiteWhichRefusesItInWordsNotTheCorsFilter() {
        // Quarkus' CORS filter would answer a foreign Origin with an empty 403; the site's own check says why
        client().header("Origin", "https://evil.example").header("X-Spaces-Origin", "http://forged.example")
                .contentType("application/x-www-form-urlencoded").body("body=x").post("/archives/12/comments")
                .then().statusCode(200).body("service", equalTo("site"));
        UpstreamStubs.site.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/archives/12/comments"))
                .withHeader("X-Spaces-Origin", equalToHeader("https://evil.example"))
                .withoutHeader("Origin"));
        // the API keeps CORS: a foreign origin gets no CORS grant
        client().header("Origin", "https://evil.example").get("/api/v1/articles/12")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToHeader(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }

    @ParameterizedTest(name = "{0} {1} is not routed")
    @CsvSource({
            "GET, /api/v1/nothing-here",
            "GET, /api/v2/articles",
            "POST, /api/v1/search/events",
            "POST, /api/v1/webhooks/events",
    })
    void unknownAndInternalPathsAreNotFound(String method, String path) {
        client().auth().oauth2(TestTokens.token("admin", "admin")).contentType("application/json").body("{}")
                .request(method, path)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        UpstreamStubs.content.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path.replace("/api/v2", "/api/v1"))));
    }
}
