package dev.spaces.site;

import dev.spaces.commons.webhooks.StandardWebhooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The reader site's pages over stubbed services: what each shows, and what it does when a service fails. */
@QuarkusTest
@QuarkusTestResource(ServiceStubs.class)
class ReaderPagesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @BeforeEach
    void stubs() {
        ServiceStubs.reset();
    }

    private static Document page(String path, int status) {
        Response response = given().redirects().follow(false).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }

    @Test
    void theHomePageListsTheNewestArticlesWithTheirExcerptsCountsAndPages() {
        Document home = page("/", 200);
        assertThat(home.select("article.summary h2 a").eachText()).containsExactly("softmax回归", "线性回归");
        assertThat(home.select("article.summary h2 a").first().attr("href")).isEqualTo("/archives/7");
        // the excerpt's formula stays MathML; dates in the site's zone (16:30 UTC is the next day in Shanghai)
        assertThat(home.select("article.summary .excerpt math")).hasSize(1);
        assertThat(home.select("article.summary time").first().text()).isEqualTo("2023年3月9日");
        assertThat(home.select("article.summary .meta").first().text()).contains("1234 次阅读", "2 条评论");
        assertThat(home.select(".more a").first().text()).startsWith("阅读全文");
        assertThat(home.select("nav.pager a[rel=next]").attr("href")).isEqualTo("/?page=2");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example.org/");
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/feed");
        assertThat(home.select("nav.menu a").eachText()).contains("首页", "归档", "关于");
        assertThat(home.select("footer a[rel=license]").text()).contains("署名-非商业性使用-相同方式共享");
    }

    @Test
    void anArticleShowsItsMathMLTableOfContentsSeriesCitationRelatedArticlesAndComments() {
        Document article = page("/archives/7", 200);
        assertThat(article.title()).isEqualTo("softmax回归 · 科学空间|Scientific Spaces");
        assertThat(article.select(".prose .math.display math[display=block]")).hasSize(1);
        assertThat(article.select(".toc a").eachAttr("href")).containsExactly("#loss", "#ce");
        assertThat(article.select(".series li").eachText()).containsExactly("线性回归", "softmax回归", "图像分类数据集");
        assertThat(article.select(".series [aria-current=page]").text()).isEqualTo("softmax回归");
        assertThat(article.select(".series-nav a[rel=next]").attr("href")).isEqualTo("/archives/8");
        // the site's 「转载请注明」 template, filled in; BibTeX from content-service
        assertThat(article.select("#cite-text").text())
                .isEqualTo("转载请注明：《softmax回归》，科学空间|Scientific Spaces，https://blog.example.org/archives/7（2023-03-09）");
        assertThat(article.select("#cite-bibtex").text()).startsWith("@online{su2023softmax");
        assertThat(article.select(".cite .formats a").eachAttr("href"))
                .contains("/api/v1/articles/7/citation?format=ris");
        assertThat(article.select("#related-heading + ul a").eachText()).containsExactly("线性回归");
        // the article itself is not among the popular ones beside it
        assertThat(article.select("#popular-heading + ul a").eachText()).containsExactly("Adam 优化器");
        assertThat(article.select("#comments h2").text()).isEqualTo("评论（2）");
        assertThat(article.select("#comment-41 .comment-body math")).hasSize(1);
        assertThat(article.select("#comment-41 .replies #comment-42 .who").text()).isEqualTo("苏剑林");
        assertThat(article.select("[data-article-id]").attr("data-article-id")).isEqualTo("7");
    }

    @Test
    void aSlugInPlaceOfTheNumberIsRedirectedPermanentlyToTheNumberedAddress() {
        given().redirects().follow(false).get("/archives/softmax").then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/archives/7"));
    }

    @Test
    void anArticleThatDoesNotExistIsANotFoundPageInTheSitesFrame() {
        ServiceStubs.status(ServiceStubs.content, "/api/v1/articles/99", 404);
        Document missing = page("/archives/99", 404);
        assertThat(missing.select("h1").text()).isEqualTo("页面不存在");
        assertThat(missing.select(".brand").text()).isEqualTo("科学空间|Scientific Spaces");
        assertThat(missing.select("meta[name=robots]").attr("content")).contains("noindex");
        page("/no/such/page", 404);
        page("/?page=5", 200); // the stub answers every page; an empty page past the end is a 404:
        ServiceStubs.json(ServiceStubs.content, "/api/v1/articles",
                "{\"items\":[],\"page\":9,\"size\":10,\"total\":12,\"totalPages\":2}");
        page("/?page=9", 404);
    }

    @Test
    void whenTheCommentServiceIsDownTheArticleStillShowsAndSaysCommentsAreUnavailable() {
        ServiceStubs.comment.stop();
        try {
            Document article = page("/archives/7", 200);
            assertThat(article.select(".prose math")).hasSize(2);
            assertThat(article.select("#comments .notice").text()).contains("评论暂时无法加载");
            // and the home page leaves the counts out rather than showing zeros
            assertThat(page("/", 200).select("article.summary .meta").first().text()).doesNotContain("条评论");
        } finally {
            ServiceStubs.comment.start();
        }
    }

    @Test
    void whenTheContentServiceFailsTheReaderGetsAServiceUnavailablePageToRetry() {
        ServiceStubs.status(ServiceStubs.content, "/api/v1/articles/7", 503);
        given().get("/archives/7").then().statusCode(503).header("Retry-After", "5")
                .body(org.hamcrest.Matchers.containsString("暂时无法显示"));
    }

    @Test
    void aPreviewLinkShowsTheDraftMarkedAsPreviewKeptPrivateAndOutOfSearchEngines() {
        ServiceStubs.json(ServiceStubs.content, "/api/v1/preview-links/ok.1.sig",
                ServiceStubs.ARTICLE.replace("\"published\"", "\"draft\""));
        Response response = given().get("/preview/ok.1.sig");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.header("X-Robots-Tag")).contains("noindex");
        Document preview = Jsoup.parse(response.asString());
        assertThat(preview.select(".preview-banner").text()).contains("预览");
        assertThat(preview.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(preview.select("link[rel=canonical]")).isEmpty();
        assertThat(preview.select("#comments")).isEmpty();
        // an expired or revoked link: 410 in words
        ServiceStubs.status(ServiceStubs.content, "/api/v1/preview-links/old.1.sig", 410);
        assertThat(page("/preview/old.1.sig", 410).select("h1").text()).isEqualTo("链接已失效");
    }

    @Test
    void anonymousPagesMayBeKeptBySharedCachesButASignedInReadersAreTheirOwn() {
        Response anonymous = given().get("/archives/7");
        assertThat(anonymous.header("Cache-Control")).isEqualTo("public, max-age=0, s-maxage=300");
        String etag = anonymous.header("ETag");
        given().header("If-None-Match", etag).get("/archives/7").then().statusCode(304);
        assertThat(anonymous.header("Set-Cookie")).isNull();
        assertThat(anonymous.header("Content-Security-Policy")).contains("script-src 'self'");
        given().cookie("q_session", "x").get("/archives/7").then().header("Cache-Control", "private, no-cache");
    }

    @Test
    void aSignedSiteEventDropsTheKeptSettingsAndAnUnsignedOneIsRefused() {
        String body = "{\"type\":\"site.updated\",\"timestamp\":\"2026-12-07T00:00:00Z\",\"data\":{}}";
        long now = Instant.now().getEpochSecond();
        siteUpdated("msg_0", now, body);
        ServiceStubs.content.resetRequests();
        page("/", 200);
        page("/", 200);
        // kept between pages: asked once
        ServiceStubs.content.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/site")));
        ServiceStubs.json(ServiceStubs.content, "/api/v1/site", ServiceStubs.SITE.replace("科学空间|Scientific Spaces", "新名字"));
        given().header("webhook-id", "msg_1").header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", StandardWebhooks.sign(StandardWebhooks.newSecret(), "msg_1", now, body))
                .body(body).post("/internal/events").then().statusCode(401);
        assertThat(page("/", 200).select(".brand").text()).isEqualTo("科学空间|Scientific Spaces");
        siteUpdated("msg_2", now, body);
        assertThat(page("/", 200).select(".brand").text()).isEqualTo("新名字");
    }

    private static void siteUpdated(String id, long now, String body) {
        given().header("webhook-id", id).header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", StandardWebhooks.signatureHeader(List.of(SECRET), id, now, body))
                .body(body).post("/internal/events").then().statusCode(204);
    }
}
