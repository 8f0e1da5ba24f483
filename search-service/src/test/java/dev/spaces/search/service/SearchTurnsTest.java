package dev.spaces.search.service;

import dev.spaces.commons.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admission of searches: a queue below saturation, a 503 with Retry-After only when it is full or a turn never came. */
class SearchTurnsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void searchesBeyondTheRunningOnesWaitTheirTurnAndAllRun() throws Exception {
        SearchTurns turns = new SearchTurns(2, 16, Duration.ofSeconds(10), meters);
        CountDownLatch allStarted = new CountDownLatch(12);
        List<CompletableFuture<Void>> searches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            searches.add(CompletableFuture.runAsync(() -> {
                allStarted.countDown();
                turns.acquire();
                try {
                    Thread.sleep(20); // a search in Elasticsearch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    turns.release();
                }
            }, runnable -> Thread.ofVirtual().start(runnable)));
        }
        assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(searches.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(searches).allMatch(search -> !search.isCompletedExceptionally());
        assertThat(shed("queue-full")).isZero();
        assertThat(shed("queue-wait")).isZero();
    }

    @Test
    void aSearchIsShedAtOnceWhenTheQueueIsFullAndCountedAsSuch() throws Exception {
        SearchTurns turns = new SearchTurns(1, 2, Duration.ofSeconds(10), meters);
        turns.acquire(); // the running search, held
        CountDownLatch queued = new CountDownLatch(1);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            queued.countDown();
            turns.acquire();
            turns.release();
        }, runnable -> Thread.ofVirtual().start(runnable));
        assertThat(queued.await(5, TimeUnit.SECONDS)).isTrue();
        awaitWaiting(turns, 1);
        // one waits, one more may wait: the queue holds 2; the third beyond the running one is shed
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            turns.acquire();
            turns.release();
        }, runnable -> Thread.ofVirtual().start(runnable));
        awaitWaiting(turns, 2);
        long started = System.nanoTime();
        assertThatThrownBy(turns::acquire).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.headers()).containsEntry("Retry-After", "1");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("shed without waiting").isLessThan(Duration.ofSeconds(1));
        assertThat(shed("queue-full")).isEqualTo(1);
        turns.release();
        waiter.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(shed("queue-wait")).isZero();
    }

    @Test
    void aSearchWhoseTurnNeverComesIsShedAfterTheQueueWait() {
        SearchTurns turns = new SearchTurns(1, 8, Duration.ofMillis(200), meters);
        turns.acquire(); // a search that never ends
        long started = System.nanoTime();
        assertThatThrownBy(turns::acquire).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(shed("queue-wait")).isEqualTo(1);
        assertThat(shed("queue-full")).isZero();
    }

    private double shed(String reason) {
        return meters.get("spaces.search.shed").tag("reason", reason).counter().count();
    }

    private static void awaitWaiting(SearchTurns turns, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (turns.waiting() < count) {
            assertThat(System.nanoTime()).as("%d searches waiting", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
