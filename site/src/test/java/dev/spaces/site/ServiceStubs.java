package dev.spaces.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * content-, comment- and search-service as WireMock servers answering the public API's JSON (shapes as the services'
 * records serialize them), so the site's pages can be tested without a stack; the e2e suite shows the same pages on
 * the real one. {@link #reset()} puts back a small blog: one article in a series, with a formula, a comment thread.
 */
public class ServiceStubs implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer content;
    public static WireMockServer comment;
    public static WireMockServer search;

    public static final String SITE = """
            {"name":"科学空间|Scientific Spaces","description":"渴望成为一个小飞侠","siteUrl":"https://blog.example.org",
             "timeZone":"Asia/Shanghai","language":"zh-CN",
             "license":{"name":"署名-非商业性使用-相同方式共享 4.0","code":"CC BY-NC-SA 4.0",
               "url":"https://creativecommons.org/licenses/by-nc-sa/4.0/",
               "citationTemplate":"转载请注明：《{title}》，{site}，{url}（{date}）"},
             "faq":[],"version":3,"updatedAt":"2026-12-01T00:00:00Z"}""";

    public static final String ARTICLE = """
            {"id":7,"slug":"softmax","title":"softmax回归","status":"published",
             "html":"<p>概率 <span class=\\"math inline\\"><math><mi>p</mi></math></span></p><h2 id=\\"loss\\">损失函数</h2><p>x</p><h3 id=\\"ce\\">交叉熵</h3><div class=\\"math display\\"><math display=\\"block\\"><mrow><mi>L</mi><mo>=</mo><mo>−</mo><mi>log</mi><mi>p</mi></mrow></math></div>",
             "excerptHtml":"<p>概率</p>","formulas":[{"tex":"p","mode":"inline","line":1}],
             "publishedAt":"2023-03-08T16:30:00Z","updatedAt":"2023-03-09T00:00:00Z",
             "author":{"id":"a1","name":"苏剑林"},"category":{"slug":"dl","name":"深度学习"},
             "tags":[{"slug":"softmax","name":"softmax"}],
             "series":{"slug":"linear","title":"线性神经网络","position":2,"parts":3,
               "previous":{"id":6,"slug":"linreg","title":"线性回归","position":1},
               "next":{"id":8,"slug":"fashion","title":"图像分类数据集","position":3}},
             "coverImages":[],"reads":1234,"version":5,"url":"https://blog.example.org/archives/7",
             "citationUrl":"https://blog.example.org/api/v1/articles/7/citation"}""";

    @Override
    public Map<String, String> start() {
        content = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        comment = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        search = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        content.start();
        comment.start();
        search.start();
        reset();
        return Map.of("quarkus.rest-client.content.url", content.baseUrl(),
                "quarkus.rest-client.comment.url", comment.baseUrl(),
                "quarkus.rest-client.search.url", search.baseUrl());
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[]{content, comment, search}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    public static void reset() {
        content.resetAll();
        comment.resetAll();
        search.resetAll();
        json(content, "/api/v1/site", SITE);
        json(content, "/api/v1/pages", "[{\"slug\":\"about\",\"title\":\"关于\",\"menuOrder\":1}]");
        json(content, "/api/v1/articles", """
                {"items":[{"id":7,"slug":"softmax","title":"softmax回归","excerptHtml":"<p>概率 <span class=\\"math inline\\"><math><mi>p</mi></math></span></p>",
                  "publishedAt":"2023-03-08T16:30:00Z","category":{"slug":"dl","name":"深度学习"},"tags":[],"reads":1234},
                 {"id":6,"slug":"linreg","title":"线性回归","excerptHtml":"<p>回归</p>","publishedAt":"2023-03-01T00:00:00Z","tags":[],"reads":5}],
                 "page":1,"size":10,"total":12,"totalPages":2}""");
        json(content, "/api/v1/articles/7", ARTICLE);
        json(content, "/api/v1/articles/slug/softmax", ARTICLE);
        json(content, "/api/v1/articles/7/related", "[{\"id\":6,\"slug\":\"linreg\",\"title\":\"线性回归\",\"tags\":[],\"reads\":5}]");
        json(content, "/api/v1/articles/popular", "[{\"id\":7,\"slug\":\"softmax\",\"title\":\"softmax回归\",\"tags\":[],\"reads\":1234},"
                + "{\"id\":9,\"slug\":\"adam\",\"title\":\"Adam 优化器\",\"tags\":[],\"reads\":999}]");
        content.stubFor(get(urlPathEqualTo("/api/v1/articles/7/citation")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("@online{su2023softmax,\n  title = {softmax回归},\n  url = {https://blog.example.org/archives/7}\n}")));
        json(content, "/api/v1/series/linear", """
                {"id":1,"slug":"linear","title":"线性神经网络","articleCount":3,"parts":[
                 {"id":6,"slug":"linreg","title":"线性回归","position":1},{"id":7,"slug":"softmax","title":"softmax回归","position":2},
                 {"id":8,"slug":"fashion","title":"图像分类数据集","position":3}]}""");
        json(comment, "/api/v1/comments/counts", "{\"7\":2,\"6\":0}");
        json(comment, "/api/v1/articles/7/comments", """
                {"items":[{"id":41,"articleId":7,"author":{"id":3,"displayName":"小明","badges":[]},
                  "bodyHtml":"<p>为什么 <span class=\\"math inline\\"><math><msup><mi>e</mi><mi>x</mi></msup></math></span>？</p>",
                  "createdAt":"2023-03-10T02:00:00Z","votes":2,"pinned":false,"deleted":false,
                  "replies":[{"id":42,"articleId":7,"parentId":41,"author":{"id":1,"displayName":"苏剑林","badges":["author"]},
                    "bodyHtml":"<p>因为归一化。</p>","createdAt":"2023-03-10T03:00:00Z","votes":0,"pinned":false,"deleted":false}]}],
                 "total":2}""");
    }

    public static void json(WireMockServer server, String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    public static void status(WireMockServer server, String path, int status) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":" + status + "}")));
    }
}
