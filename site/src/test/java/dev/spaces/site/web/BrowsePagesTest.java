package dev.spaces.site.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = BrowseStubs.class, restrictToAnnotatedClass = true)
class BrowsePagesTest {

    private static boolean warm;

    /**
     * The first call through each REST client sets up its connection and classes; on a busy machine that can pass
     * the test profile's short timeouts (2 s), which is a cold start and not what these tests look at.
     */
    @org.junit.jupiter.api.BeforeEach
    void warmUp() {
        for (int i = 0; !warm && i < 5; i++) {
            warm = get("/category/ml").statusCode() == 200;
        }
    }

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }

    @Test
    void aCategoryPageListsItsArticlesWithCommentCountsAndLinksItsFeed() {
        Response page = get("/category/ml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("<h1>机器学习</h1>", "学习的算法", "共 1 篇文章", "2 条评论",
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"分类「机器学习」（RSS）\" href=\"/feed/category/ml\">",
                "href=\"/feed/category/ml/atom\"");
    }

    @Test
    void anUnknownCategoryOrTagIsTheNotFoundPage() {
        assertThat(get("/category/nope").statusCode()).isEqualTo(404);
        Response tag = get("/tag/nope");
        assertThat(tag.statusCode()).isEqualTo(404);
        assertThat(tag.asString()).contains("页面不存在");
    }

    @Test
    void theArchiveGroupsMonthsByYearAndListsTagsWithArticles() {
        String html = get("/archive").asString();
        assertThat(html.indexOf("2024 年")).isLessThan(html.indexOf("2023 年")).isPositive();
        assertThat(html).contains("href=\"/archive/2024/03\"", "href=\"/archive/2023/11\"", "href=\"/tag/opt\"")
                .doesNotContain("空标签");
    }

    @Test
    void aMonthWithoutArticlesHasNoPage() {
        assertThat(get("/archive/2024/03").statusCode()).isEqualTo(200);
        assertThat(get("/archive/2024/02").statusCode()).isEqualTo(404);
        assertThat(get("/archive/2024/13").statusCode()).isEqualTo(404);
    }

    @Test
    void theFaqComesFromTheSettingsAndAPublishedPageTakesOverItsSlug() {
        Response faq = get("/faq");
        assertThat(faq.statusCode()).isEqualTo(200);
        assertThat(faq.asString()).contains("公式怎么显示？", "<math><mi>x</mi></math>")
                .contains("<a href=\"/faq\">常见问题</a>", "<a href=\"/license\">版权</a>", "<a href=\"/pages/sponsor\">赞助本站</a>")
                .as("the sponsor page is in the menu once, as the published page").doesNotContain("href=\"/sponsor\"");
        Response sponsor = get("/sponsor");
        assertThat(sponsor.statusCode()).isEqualTo(301);
        assertThat(sponsor.header("Location")).endsWith("/pages/sponsor");
    }

    @Test
    void searchResultsKeepOnlyTheHighlightsAndAreNotIndexed() {
        Response search = get("/search?q=梯度 $x^2$");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.asString()).contains("<meta name=\"robots\" content=\"noindex, nofollow\">",
                        "<a href=\"/archives/7\"><mark>梯度</mark>下降</a>",
                        "用<mark>梯度</mark>法 &lt;b&gt; &lt;script&gt;alert(1)&lt;/script&gt;",
                        "按文字「梯度」和公式 <code class=\"tex\">x^2</code>", "<mark>x^2</mark>",
                        "href=\"/search?q=%E6%A2%AF%E5%BA%A6%20%24x%5E2%24&amp;category=ml\"")
                .doesNotContain("<script>alert");
        BrowseStubs.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/search"))
                .withQueryParam("q", com.github.tomakehurst.wiremock.client.WireMock.equalTo("梯度 $x^2$")));
    }

    @Test
    void theFormulaBoxShowsHowEachArticleMatched() {
        String html = get("/search?latex=x^2").asString();
        assertThat(html).contains("包含该公式", "<mark>x^2+y^2</mark>", "value=\"x^2\"");
    }

    @Test
    void aYearFacetBecomesADateRange() {
        get("/search?q=梯度&year=2024");
        BrowseStubs.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/search"))
                .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2024-01-01"))
                .withQueryParam("to", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2024-12-31")));
    }

    @Test
    void nothingFoundOffersSuggestionsAndTips() {
        String html = get("/search?q=无此词").asString();
        assertThat(html).contains("没有找到相关的文章", "无此词的近义", "href=\"/archive\"");
    }

    @Test
    void searchServiceDownIsA503PageWhileTheRestOfTheSiteWorks() {
        Response down = get("/search?q=停机");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isNotNull();
        assertThat(down.header("Cache-Control")).isEqualTo("no-store");
        assertThat(down.asString()).contains("搜索暂时不可用", "href=\"/archive\"");
        assertThat(get("/category/ml").statusCode()).isEqualTo(200);
    }

    @Test
    void theSearchPageWithoutAQueryIsTheFormAlone() {
        String html = get("/search").asString();
        assertThat(html).contains("id=\"search-q\"", "id=\"search-latex\"", "<label for=\"search-latex\">");
        BrowseStubs.server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/search")).withoutHeader("x-none")
                .withQueryParam("q", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }
}
