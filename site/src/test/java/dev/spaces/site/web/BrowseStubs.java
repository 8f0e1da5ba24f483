package dev.spaces.site.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * content-, comment- and search-service as the browsing pages read them, on one WireMock server: a blog with one
 * category, one tag, two archive months, settings with a FAQ (MathML answer) and a sponsor block (and a published
 * page "sponsor"), and a search-service whose answers carry markup that must not reach the page. The query
 * {@code 停机} makes search-service answer 503. The real services are exercised in SiteBrowsingIT.
 */
public class BrowseStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    private static final String SUMMARY = """
            {"id":7,"slug":"gd","title":"梯度下降","excerptHtml":"<p>摘要</p>","publishedAt":"2024-03-05T08:00:00Z",
             "category":{"slug":"ml","name":"机器学习"},"tags":[{"slug":"opt","name":"优化"}],"reads":3}""";

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/site")).willReturn(okJson("""
                {"name":"测试博客","siteUrl":"https://blog.example","timeZone":"Asia/Shanghai","language":"zh-CN",
                 "license":{"name":"CC BY-NC-SA 4.0","url":"https://creativecommons.org/licenses/by-nc-sa/4.0/"},
                 "sponsor":{"heading":"赞助","text":"谢谢","links":[]},
                 "faq":[{"question":"公式怎么显示？","answerHtml":"<p>用 <math><mi>x</mi></math> 显示</p>"}],
                 "version":1}""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/pages"))
                .willReturn(okJson("[{\"slug\":\"sponsor\",\"title\":\"赞助本站\",\"menuOrder\":1}]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/categories")).willReturn(okJson(
                "[{\"id\":1,\"slug\":\"ml\",\"name\":\"机器学习\",\"description\":\"学习的算法\",\"articleCount\":1}]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/tags"))
                .willReturn(okJson("[{\"id\":1,\"slug\":\"opt\",\"name\":\"优化\",\"articleCount\":1},"
                        + "{\"id\":2,\"slug\":\"empty\",\"name\":\"空标签\",\"articleCount\":0}]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/archive")).willReturn(okJson(
                "[{\"year\":2024,\"month\":3,\"count\":1},{\"year\":2023,\"month\":11,\"count\":4}]")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles"))
                .willReturn(okJson("{\"items\":[" + SUMMARY + "],\"page\":1,\"size\":10,\"total\":1,\"totalPages\":1}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles")).withQueryParam("month", equalTo("2")).atPriority(1)
                .willReturn(okJson("{\"items\":[],\"page\":1,\"size\":10,\"total\":0,\"totalPages\":0}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/comments/counts")).willReturn(okJson("{\"7\":2}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/search")).willReturn(okJson("""
                {"total":1,"took":1,"hits":[{"id":7,"slug":"gd","title":"梯度下降","titleHighlighted":"<em>梯度</em>下降",
                 "fragments":["用<em>梯度</em>法 &lt;b&gt; <script>alert(1)</script>"],"publishedAt":"2024-03-05T08:00:00Z",
                 "category":{"slug":"ml","name":"机器学习"},"tags":[],"score":1.0,"formulas":["x^2"]}],
                 "facets":{"category":[{"key":"ml","name":"机器学习","count":1}],"tags":[],
                 "year":[{"key":"2024","name":"2024","count":1}]}}""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/search")).withQueryParam("q", equalTo("停机")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo("/api/v1/search")).withQueryParam("q", equalTo("无此词")).atPriority(1)
                .willReturn(okJson("{\"total\":0,\"took\":1,\"hits\":[],\"facets\":{}}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/search/suggest"))
                .willReturn(okJson("{\"query\":\"无此\",\"suggestions\":[{\"id\":7,\"slug\":\"gd\",\"title\":\"无此词的近义\"}]}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/search/formulas")).willReturn(okJson("""
                {"query":"x^2","total":1,"hits":[{"id":7,"slug":"gd","title":"梯度下降","formula":"x^2+y^2",
                 "match":"subformula","score":2.0}]}""")));
        return Map.of("quarkus.rest-client.content.url", server.baseUrl(),
                "quarkus.rest-client.comment.url", server.baseUrl(),
                "quarkus.rest-client.search.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
