package dev.spaces.search.service;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.testing.MutableClock;
import dev.spaces.search.config.SearchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The freshness rules of the result cache, with a hand-driven clock and generation. */
class SearchResultCacheUnitTest {

    /** Longer than any search here takes when nothing holds it up: only the tests that block a search see it pass. */
    private static final Duration CALLER_WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
    private final AtomicReference<Object> generation = new AtomicReference<>("g1");
    private final AtomicInteger searches = new AtomicInteger();
    private SearchResultCache cache;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        cache = cache(CALLER_WAIT);
        cache.poll();
    }

    private SearchResultCache cache(Duration callerWait) {
        meters = new SimpleMeterRegistry();
        return new SearchResultCache(settings(true), callerWait, () -> {
            Object current = generation.get();
            if (current instanceof Exception e) {
                throw e;
            }
            return (String) current;
        }, clock, meters);
    }

    private String search(String q) {
        return answer(cache.get(q, () -> q + "#" + searches.incrementAndGet()));
    }

    /** A search whose call to Elasticsearch fails with {@code error}. */
    private String failing(String q, RuntimeException error) {
        return answer(cache.get(q, () -> {
            throw error;
        }));
    }

    /** What the caller gets: the answer, or the exception the search (or the cache) failed with. */
    private static <T> T answer(CompletableFuture<T> call) {
        try {
            return call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
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
    void aLookupAloneFindsOnlyAnswersKeptForTheConfirmedGenerationAndCountsOnlyItsHits() {
        assertThat(cache.cached("熵")).as("nothing kept yet").isNull();
        settle();
        search("熵");
        assertThat(cache.cached("熵")).isEqualTo("熵#1");
        assertThat(cache.cached("梯度")).as("never searched").isNull();
        generation.set(new java.io.IOException("connection refused"));
        cache.poll();
        assertThat(cache.cached("熵")).as("generation unconfirmed").isNull();
        generation.set("g1");
        cache.poll();
        assertThat(cache.cached("熵")).as("confirmed again").isEqualTo("熵#1");
        cache.indexChanged();
        assertThat(cache.cached("熵")).as("after a write through this replica").isNull();
        // the search that computed the answer was the one miss; a lookup that finds nothing counts nothing (the
        // caller then searches, and that counts the miss or bypass)
        assertThat(requests("hit")).isEqualTo(2);
        assertThat(requests("miss")).isEqualTo(1);
        assertThat(requests("bypass")).isZero();
    }

    @Test
    void aLookupFindsNothingWithTheCacheOff() {
        SearchResultCache off = new SearchResultCache(settings(false), CALLER_WAIT, () -> "g1", clock, meters);
        off.poll();
        clock.advance(Duration.ofMillis(1500));
        off.poll();
        assertThat(answer(off.get("熵", () -> "熵#1"))).isEqualTo("熵#1");
        assertThat(off.cached("熵")).isNull();
    }

    private double requests(String result) {
        return meters.get("spaces.search.cache.requests").tag("result", result).counter().count();
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
        SearchResultCache off = new SearchResultCache(settings(false), CALLER_WAIT, () -> "g1", clock, new SimpleMeterRegistry());
        off.poll();
        clock.advance(Duration.ofSeconds(5));
        off.poll();
        assertThat(answer(off.get("熵", () -> searches.incrementAndGet()))).isEqualTo(1);
        assertThat(answer(off.get("熵", () -> searches.incrementAndGet()))).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalSearchesShareOneCall() throws Exception {
        settle();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> leader = cache.get("熵", () -> {
            started.countDown();
            await(release);
            return "熵#" + searches.incrementAndGet();
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> follower = cache.get("熵", () -> "熵#" + searches.incrementAndGet());
        assertThat(cache.waiters()).as("both callers wait on the one search").isEqualTo(2);
        release.countDown();
        assertThat(answer(leader)).isEqualTo("熵#1");
        assertThat(answer(follower)).isEqualTo("熵#1");
        assertThat(searches).hasValue(1);
    }

    @Test
    void aSearchOutlastingItsCallersStillKeepsItsAnswer() throws Exception {
        SearchResultCache impatient = cache(Duration.ofMillis(20));
        impatient.poll();
        clock.advance(Duration.ofMillis(1500));
        impatient.poll();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<String> first = impatient.get("熵", () -> {
            await(release); // Elasticsearch is slower than the callers' wait
            try {
                return "熵#" + searches.incrementAndGet();
            } finally {
                done.countDown();
            }
        });
        assertThatThrownBy(() -> answer(first)).as("the caller gets a 503 once its wait is over")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        // the answer is stored just before the search's stage completes: poll until the search has left the cache
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (impatient.searching() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(answer(impatient.get("熵", () -> "熵#" + searches.incrementAndGet())))
                .as("the next caller gets the answer the search went on to compute").isEqualTo("熵#1");
        assertThat(searches).hasValue(1);
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

            public Duration fillTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
