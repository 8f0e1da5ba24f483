package dev.spaces.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Old links through the running gateway (default settings: both engines' shapes, relative Locations, a day's
 * max-age): a 301 with the exact Location, answered without the site; lookups through content-service.
 */
@QuarkusTest
class OldLinkRedirectsTest extends GatewayTest {

    /** What the upstream was asked, apart from the gateway's readiness probes and OpenAPI fetches (under /q/). */
    static List<String> pageRequests(WireMockServer upstream) {
        return upstream.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl)
                .filter(url -> !url.startsWith("/q/")).toList();
    }

    private Response getWithoutFollowing(String uri) {
        return client().redirects().follow(false).urlEncodingEnabled(false).get(uri);
    }

    @ParameterizedTest(name = "{0} → 301 {1}")
    @CsvSource(delimiter = '|', value = {
            "/archives/12/ | /archives/12",
            "/archives/12/comment-page-3 | /archives/12#comments",
            "/index.php/archives/12/ | /archives/12",
            "/index.php/category/math/ | /category/math",
            "/category/math/ | /category/math",
            "/category/math/2/ | /category/math?page=2",
            "/tag/%E6%A2%AF%E5%BA%A6/ | /tag/%E6%A2%AF%E5%BA%A6",
            "/about.html | /pages/about",
            "/feed/ | /feed",
            "/feed/atom/ | /feed/atom",
            "/feed/atom/category/math/ | /feed/category/math/atom",
            "/?p=12 | /archives/12",
            "/?p=12&utm_source=weibo | /archives/12?utm_source=weibo",
            "/author/1/ | /",
            "/page/2/ | /?page=2",
            "/2019/07/ | /archive/2019/07",
    })
    void oldShapesAreAnsweredWithAPermanentCacheableRedirectWithoutTheSite(String old, String location) {
        getWithoutFollowing(old).then().statusCode(301)
                .header("Location", equalTo(location))
                .header("Cache-Control", equalTo("public, max-age=86400"));
        assertThat(pageRequests(UpstreamStubs.site)).isEmpty();
        assertThat(pageRequests(UpstreamStubs.content)).isEmpty();
    }

    @Test
    void headIsRedirectedLikeGet() {
        client().redirects().follow(false).head("/archives/12/").then().statusCode(301)
                .header("Location", equalTo("/archives/12"));
    }

    @Test
    void aWordpressPermalinkIsOneHopToTheArticleOnceContentServiceNamesItsId() {
        UpstreamStubs.content.stubFor(get(urlEqualTo("/api/v1/articles/slug/catenary")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":5253,\"slug\":\"catenary\",\"title\":\"悬链线\"}")));
        getWithoutFollowing("/2019/07/catenary/?utm_source=x").then().statusCode(301)
                .header("Location", equalTo("/archives/5253?utm_source=x"))
                .header("Cache-Control", equalTo("public, max-age=86400"));
        getWithoutFollowing("/2019/07/15/catenary/comment-page-2/").then().statusCode(301)
                .header("Location", equalTo("/archives/5253#comments"));
        assertThat(pageRequests(UpstreamStubs.content))
                .containsExactly("/api/v1/articles/slug/catenary", "/api/v1/articles/slug/catenary");
        assertThat(pageRequests(UpstreamStubs.site)).isEmpty();
    }

    @Test
    void aChineseSlugIsLookedUpAsTheClientEncodedIt() {
        UpstreamStubs.content.stubFor(get(urlEqualTo("/api/v1/articles/slug/%E6%82%AC%E9%93%BE%E7%BA%BF"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":77}")));
        getWithoutFollowing("/2019/07/%E6%82%AC%E9%93%BE%E7%BA%BF/").then().statusCode(301)
                .header("Location", equalTo("/archives/77"));
    }

    @Test
    void aSlugContentServiceDoesNotKnowIsNotRedirectedButLeftToTheSite() {
        UpstreamStubs.content.stubFor(get(urlEqualTo("/api/v1/articles/slug/nothing")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404}")));
        getWithoutFollowing("/2019/07/nothing/").then().statusCode(200).body("service", equalTo("site"));
        UpstreamStubs.site.verify(1, getRequestedFor(urlEqualTo("/2019/07/nothing/")));
    }

    @Test
    void whileContentServiceFailsASlugGoesTemporarilyToTheSitesOwnSlugAddress() {
        UpstreamStubs.content.stubFor(get(urlEqualTo("/api/v1/articles/slug/catenary")).willReturn(aResponse()
                .withStatus(500).withBody("boom")));
        getWithoutFollowing("/2019/07/catenary/").then().statusCode(302)
                .header("Location", equalTo("/archives/catenary"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aWordpressPageIdIsThePageOfThatIdElseTheArticle() {
        UpstreamStubs.content.stubFor(get(urlEqualTo("/api/v1/pages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":2,\"slug\":\"about\",\"title\":\"关于\"},"
                        + "{\"id\":9,\"slug\":\"留言 板\",\"title\":\"留言板\"}]")));
        getWithoutFollowing("/?page_id=2").then().statusCode(301).header("Location", equalTo("/pages/about"));
        getWithoutFollowing("/?page_id=9").then().statusCode(301)
                .header("Location", equalTo("/pages/%E7%95%99%E8%A8%80%20%E6%9D%BF"));
        getWithoutFollowing("/?page_id=12").then().statusCode(301).header("Location", equalTo("/archives/12"));
    }

    @ParameterizedTest(name = "{0} is not redirected")
    @ValueSource(strings = {"/", "/?page=2", "/archives/12", "/archives/vae-intro", "/category/math",
            "/category/math?page=2", "/tag/%E6%A2%AF%E5%BA%A6", "/series/vae", "/archive", "/archive/2019/07", "/tags",
            "/pages/about", "/faq", "/license", "/sponsor", "/search?q=x", "/login", "/robots.txt",
            "/assets/site.css", "/preview/tok"})
    void everySitePageShapeReachesTheSiteAsItIs(String uri) {
        getWithoutFollowing(uri).then().statusCode(200).body("service", equalTo("site"));
    }

    @ParameterizedTest(name = "{0} is not redirected")
    @ValueSource(strings = {"/feed", "/feed/atom", "/feed/category/math", "/feed/tag/entropy/atom", "/sitemap.xml",
            "/api/v1/articles/12", "/api/v1/articles/slug/catenary", "/api/v1/pages/about", "/api/v1/categories"})
    void contentRoutesAndTheApiReachContentServiceAsTheyAre(String uri) {
        getWithoutFollowing(uri).then().statusCode(200).body("service", equalTo("content"));
    }

    @Test
    void postsToAnOldAddressAreNotRedirected() {
        // only reads move: a form posted to an old address is the site's to answer
        Response response = client().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("body=x").post("/archives/12/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("service")).isEqualTo("site");
    }
}
