package dev.spaces.comment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Stands in for content-service's public article endpoint: articles 1–3 are published (1 and 2 written by
 * "author"), 404 is unpublished, 503 is failing. The real service is exercised in the end-to-end suite.
 */
public class ContentServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final long ARTICLE = 1;
    public static final long OTHER_ARTICLE = 2;
    public static final long THIRD_ARTICLE = 3;
    public static final long UNPUBLISHED = 404;
    public static final long FAILING = 503;

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/articles/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        for (long id : new long[]{ARTICLE, OTHER_ARTICLE, THIRD_ARTICLE}) {
            String author = id == THIRD_ARTICLE ? "someone-else" : "sub-author";
            server.stubFor(get(urlEqualTo("/api/v1/articles/" + id)).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":" + id + ",\"slug\":\"a" + id + "\",\"title\":\"文章" + id
                                    + "\",\"status\":\"published\",\"author\":{\"id\":\"" + author + "\",\"name\":\"作者\"}}")));
        }
        server.stubFor(get(urlEqualTo("/api/v1/articles/" + FAILING)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.content.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
