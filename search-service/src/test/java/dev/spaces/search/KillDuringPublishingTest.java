package dev.spaces.search;

import dev.spaces.commons.testing.elasticsearch.ElasticsearchNode;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import dev.spaces.search.service.Reconciler;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch is SIGKILLed in the middle of a stream of 200 publishes (with updates and unpublishes mixed
 * in) and restarted; events refused meanwhile are retried like the webhook sender would, then given up. The
 * reconcile that Elasticsearch's return triggers must leave the index holding exactly the published set, each
 * article at its current version. Runs last: it takes the shared node down.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 2)
class KillDuringPublishingTest {

    private static final long FIRST_ID = 600_001;
    private static final int ARTICLES = 200;
    private static final int KILL_AFTER = 70;
    private static final int WHILE_DOWN = 40;
    /** The sender's schedule, shortened: a few attempts with doubling backoff, then the event is given up. */
    private static final long[] BACKOFF_MILLIS = {100, 200, 400};

    @Inject
    Reconciler reconciler;

    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger givenUp = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    /** One step of content-service's life: the change to its data, then the event announcing it. */
    private record Step(String type, long id, long version, boolean published) {
    }

    @Test
    void afterReconcileTheIndexHoldsExactlyThePublishedSet() throws Exception {
        List<Step> steps = steps();
        ElasticsearchNode node = ElasticsearchTestResource.node();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> stream = sender.submit(() -> steps.forEach(this::apply));
            SearchTestSupport.await(Duration.ofMinutes(3), () -> done.get() >= KILL_AFTER);
            node.kill();
            int killedAt = done.get();
            SearchTestSupport.await(Duration.ofMinutes(3), () -> done.get() >= killedAt + WHILE_DOWN);
            node.restart();
            stream.get(10, TimeUnit.MINUTES);
        } finally {
            sender.shutdownNow();
        }
        assertThat(done.get()).isEqualTo(steps.size());
        assertThat(givenUp.get()).as("events given up while Elasticsearch was down").isGreaterThanOrEqualTo(WHILE_DOWN - 1);
        assertThat(delivered.get()).as("events delivered").isGreaterThan(0);

        // the reconcile runs by itself once Elasticsearch answers again; nothing here triggers it
        Map<Long, Long> published = SearchTestSupport.publishedVersions();
        SearchTestSupport.await(Duration.ofMinutes(4), () -> indexedOrEmpty().equals(published));
        assertThat(IndexContents.versions()).isEqualTo(published);
        assertThat(published.keySet().stream().filter(id -> id >= FIRST_ID)).hasSizeBetween(ARTICLES / 2, ARTICLES);
    }

    /** Leaves the shared index as the other classes know it: without this test's articles. */
    @AfterEach
    void removeTheStream() {
        FakeContentService.PUBLISHED.keySet().removeIf(id -> id >= FIRST_ID && id < FIRST_ID + ARTICLES);
        SearchTestSupport.await(Duration.ofMinutes(4), () -> {
            try {
                return reconciler.run().isPresent() && IndexContents.versions().equals(SearchTestSupport.publishedVersions());
            } catch (IOException | RuntimeException | AssertionError e) {
                return false;
            }
        });
    }

    /** 200 publishes in id order, each followed now and then (fixed seed) by updates or an unpublish of earlier ones. */
    private static List<Step> steps() {
        Random random = new Random(20240501);
        Map<Long, Long> versions = new java.util.HashMap<>();
        Map<Long, Boolean> live = new java.util.HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            long id = FIRST_ID + i;
            versions.put(id, 1L);
            live.put(id, true);
            steps.add(new Step("article.published", id, 1, true));
            if (i > 0 && random.nextInt(4) == 0) {
                long earlier = FIRST_ID + random.nextInt(i);
                long version = versions.merge(earlier, 1L, Long::sum);
                boolean wasLive = live.get(earlier);
                boolean unpublish = wasLive && random.nextInt(3) == 0;
                live.put(earlier, !unpublish);
                steps.add(unpublish ? new Step("article.unpublished", earlier, version, false)
                        : new Step(wasLive ? "article.updated" : "article.published", earlier, version, true));
            }
        }
        return steps;
    }

    private void apply(Step step) {
        if (step.published()) {
            FakeContentService.publish(article(step.id(), step.version(), "事件流 " + step.id() + " 第" + step.version() + "版",
                    "事件流测试的正文，第" + step.version() + "版。"));
        } else {
            FakeContentService.unpublish(step.id());
        }
        deliver(step);
        done.incrementAndGet();
    }

    private void deliver(Step step) {
        for (int attempt = 0; ; attempt++) {
            int status = sendEvent(step.type(), step.id(), step.version()).statusCode();
            if (status == 204) {
                delivered.incrementAndGet();
                return;
            }
            assertThat(status).as("%s of %d", step.type(), step.id()).isEqualTo(503);
            if (attempt == BACKOFF_MILLIS.length) {
                givenUp.incrementAndGet(); // the reconcile is the safety net
                return;
            }
            try {
                Thread.sleep(BACKOFF_MILLIS[attempt]); // the sender's backoff, not a wait for work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<Long, Long> indexedOrEmpty() {
        try {
            return IndexContents.versions();
        } catch (RuntimeException | AssertionError elasticsearchStillRecovering) {
            return Map.of();
        }
    }
}
