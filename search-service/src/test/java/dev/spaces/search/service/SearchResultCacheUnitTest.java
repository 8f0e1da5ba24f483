package dev.spaces.search.service;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.config.SearchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The freshness rules of the result cache, with a hand-driven clock and generation. */
class SearchResultCacheUnitTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<Object> generation = new AtomicReference<>("g1");
    private final AtomicInteger searches = new AtomicInteger();
    private SearchResultCache cache;

    @BeforeEach
    void setUp() {
        cache = new SearchResultCache(settings(true), () -> {
            Object current = generation.get();
            if (current instanceof Exception e) {
                throw e;
            }
            return (String) current;
        }, clock, new SimpleMeterRegistry());
        cache.poll();
    }

    private String search(String q) {
        return cache.get(q, () -> q + "#" + searches.incrementAndGet());
    }

    /** A search whose call to Elasticsearch fails with {@code error}. */
    private String failing(String q, RuntimeException error) {
        return cache.get(q, () -> {
            throw error;
        });
    }

    @Test
    void answersAreKeptOnlyOnceTheGenerationHasSettled() {
        assertThat(search("熵")).isEqualTo("熵#1");
        assertThat(search("熵")).as("generation seen 0 ms ago: not stored").isEqualTo("熵#2");
        clock.advance(Duration.ofMillis(1500));
        cache.poll();
        assertThat(search("熵")).isEqualTo("熵#3");
        assertThat(search("熵")).as("stored once settled").isEqualTo("熵#3");
        assertThat(search("梯度")).isEqualTo("梯度#4");
    }

    @Test
    void aWriteSeenByThePollRetiresEveryAnswer() {
        settle();
        assertThat(search("熵")).isEqualTo("熵#1");
        assertThat(search("熵")).isEqualTo("熵#1");
        generation.set("g2"); // another replica indexed something
        cache.poll();
        assertThat(search("熵")).isEqualTo("熵#2");
        settle();
        assertThat(search("熵")).isEqualTo("熵#3");
        assertThat(search("熵")).isEqualTo("熵#3");
    }

    @Test
    void aLocalWriteRetiresAnswersAtOnceAndThePollDoesNotUndoIt() {
        settle();
        search("熵");
        cache.indexChanged();
        assertThat(search("熵")).isEqualTo("熵#2");
        generation.set("g2"); // the poll now sees that write
        cache.poll();
        settle();
        assertThat(search("熵")).isEqualTo("熵#3");
        cache.poll(); // same generation again: the answer stays
        assertThat(search("熵")).isEqualTo("熵#3");
    }

    @Test
    void anUnreachableIndexBypassesTheCache() {
        settle();
        search("熵");
        assertThat(search("熵")).isEqualTo("熵#1");
        generation.set(new java.io.IOException("connection refused"));
        cache.poll();
        assertThat(search("熵")).isEqualTo("熵#2");
        assertThat(search("熵")).isEqualTo("熵#3");
    }

    @Test
    void answersOfAGenerationAreRightAgainOnceAPollConfirmsIt() {
        settle();
        assertThat(search("熵")).isEqualTo("熵#1");
        generation.set(new java.net.SocketTimeoutException("busy node")); // one poll times out
        cache.poll();
        assertThat(search("熵")).as("unconfirmed: bypassed").isEqualTo("熵#2");
        generation.set("g1"); // the index did not change meanwhile
        cache.poll();
        assertThat(search("熵")).as("the stored answer of g1, not recomputed").isEqualTo("熵#1");
    }

    @Test
    void aGenerationThatMovedDuringAnOutageRetiresTheAnswers() {
        settle();
        assertThat(search("熵")).isEqualTo("熵#1");
        generation.set(new java.io.IOException("connection refused"));
        cache.poll();
        generation.set("g2"); // written while this replica could not see the index
        cache.poll();
        assertThat(search("熵")).isEqualTo("熵#2");
        generation.set("g1"); // even a generation token seen before does not bring old answers back after a change
        cache.poll();
        assertThat(search("熵")).isEqualTo("熵#3");
    }

    @Test
    void aHangingPollStopsBeingTrusted() {
        settle();
        search("熵");
        assertThat(search("熵")).isEqualTo("熵#1");
        clock.advance(Duration.ofMillis(3001)); // no poll confirmed the generation meanwhile
        assertThat(search("熵")).isEqualTo("熵#2");
    }

    @Test
    void disabledMeansEverySearchRuns() {
        SearchResultCache off = new SearchResultCache(settings(false), () -> "g1", clock, new SimpleMeterRegistry());
        off.poll();
        clock.advance(Duration.ofSeconds(5));
        off.poll();
        assertThat(off.get("熵", () -> searches.incrementAndGet())).isEqualTo(1);
        assertThat(off.get("熵", () -> searches.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalSearchesShareOneCall() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> leader = pool.submit(() -> cache.get("熵", () -> {
                started.countDown();
                await(release);
                return "熵#" + searches.incrementAndGet();
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> follower = pool.submit(() -> cache.get("熵", () -> "熵#" + searches.incrementAndGet()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cache.waiters() < 1 && System.nanoTime() < deadline) { // the follower parks on the leader's call
                Thread.onSpinWait();
            }
            release.countDown();
            assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("熵#1");
            assertThat(follower.get(5, TimeUnit.SECONDS)).isEqualTo("熵#1");
            assertThat(searches).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureIsNotKept() {
        settle();
        assertThatThrownBy(() -> failing("熵", new IllegalStateException("es down"))).isInstanceOf(IllegalStateException.class);
        assertThat(search("熵")).isEqualTo("熵#1");
    }

    @Test
    void whenElasticsearchThenFailsTheLastConfirmedAnswerIsServed() {
        settle();
        assertThat(search("熵")).isEqualTo("熵#1");
        generation.set(new java.net.SocketTimeoutException("busy node"));
        cache.poll();
        assertThat(failing("熵", SearchUnavailable.busy())).as("stale-if-error").isEqualTo("熵#1");
        assertThat(search("熵")).as("Elasticsearch answering again: asked, not the stale answer").isEqualTo("熵#2");
        assertThatThrownBy(() -> failing("梯度", SearchUnavailable.problem())).as("nothing stored for this search").isInstanceOf(ProblemException.class);
    }

    @Test
    void aHangingPollAndAFailingSearchServeTheLastAnswer() {
        settle();
        search("熵");
        clock.advance(Duration.ofMillis(3001)); // no poll confirmed the generation meanwhile
        assertThat(failing("熵", SearchUnavailable.problem())).isEqualTo("熵#1");
    }

    @Test
    void onlyUnavailabilityFallsBackAndNeverAcrossAChangedGeneration() {
        settle();
        search("熵");
        generation.set(new java.io.IOException("connection refused"));
        cache.poll();
        assertThatThrownBy(() -> failing("熵", ProblemException.badRequest("The query could not be run"))).as("a rejected query is not masked").isInstanceOf(ProblemException.class);
        generation.set("g2"); // the index changed: answers of g1 are gone for good
        cache.poll();
        assertThatThrownBy(() -> failing("熵", SearchUnavailable.problem())).isInstanceOf(ProblemException.class);
        cache.indexChanged(); // a local write likewise
        assertThatThrownBy(() -> failing("熵", SearchUnavailable.problem())).isInstanceOf(ProblemException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void settle() {
        clock.advance(Duration.ofMillis(1500));
        cache.poll();
    }

    private static SearchConfig.Cache settings(boolean enabled) {
        return new SearchConfig.Cache() {
            public boolean enabled() {
                return enabled;
            }

            public long maxEntries() {
                return 100;
            }

            public Duration maxAge() {
                return Duration.ofSeconds(60);
            }

            public Duration generationPoll() {
                return Duration.ofMillis(250);
            }

            public Duration settle() {
                return Duration.ofMillis(1500);
            }

            public Duration trustFor() {
                return Duration.ofSeconds(3);
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
