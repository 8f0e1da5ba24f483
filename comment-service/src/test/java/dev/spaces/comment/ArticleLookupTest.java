package dev.spaces.comment;

import dev.spaces.comment.client.ArticleLookup;
import dev.spaces.comment.client.PublishedArticle;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ArticleLookupTest {

    private static final long SLOW_ARTICLE = 77;

    @Inject
    ArticleLookup articles;

    /** A burst of comments on an article that is not cached yet asks content-service once, not once per comment. */
    @Test
    void concurrentMissesShareOneLookup() throws Exception {
        // the REST client's first call is slow (connection set-up); keep it out of the guard's 3 s timeout below
        assertThat(articles.published(ContentServiceStub.ARTICLE)).isPresent();
        // slow enough that every caller asks while the first lookup is still running
        ContentServiceStub.server.stubFor(get(urlEqualTo("/api/v1/articles/" + SLOW_ARTICLE)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(1000).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":" + SLOW_ARTICLE + ",\"slug\":\"slow\",\"title\":\"慢文章\","
                                + "\"status\":\"published\",\"author\":{\"id\":\"sub-author\",\"name\":\"作者\"}}")));
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<PublishedArticle>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return articles.published(SLOW_ARTICLE);
                }));
            }
            start.countDown();
            for (Future<Optional<PublishedArticle>> answer : answers) {
                assertThat(answer.get()).hasValueSatisfying(a -> assertThat(a.title()).isEqualTo("慢文章"));
            }
        } finally {
            pool.shutdownNow();
        }
        ContentServiceStub.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/articles/" + SLOW_ARTICLE)));
    }
}
