package dev.spaces.search.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of searches to Elasticsearch: {@code running} at once (about the node's search thread pool: more would
 * only queue inside Elasticsearch, where a burst outlasts the timeout together), up to {@code queued} more waiting in
 * turn. Saturation is the queue being full: only then is a search shed at once, a 503 {@code search-busy} with
 * {@code Retry-After}. Below it a search waits for its turn (up to {@code queueWait}, a safety net for a node too slow
 * to drain the queue), so a burst of clients queues instead of timing out. Sheds are counted apart from failures:
 * {@code spaces.search.shed{reason=queue-full|queue-wait}}.
 */
final class SearchTurns {

    private final Semaphore turns;
    private final int queued;
    private final long queueWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter shedQueueFull;
    private final Counter shedQueueWait;

    SearchTurns(int running, int queued, Duration queueWait, MeterRegistry meters) {
        this.turns = new Semaphore(running, true);
        this.queued = queued;
        this.queueWaitNanos = queueWait.toNanos();
        this.shedQueueFull = Counter.builder("spaces.search.shed").tag("reason", "queue-full")
                .description("Searches refused at once: the queue of searches waiting for a turn was full").register(meters);
        this.shedQueueWait = Counter.builder("spaces.search.shed").tag("reason", "queue-wait")
                .description("Searches refused after waiting their longest for a turn").register(meters);
    }

    /** Takes a turn (call {@link #release()} after the search) or throws the 503 that sheds the search. */
    void acquire() {
        // every search not yet running counts, the ones about to run at once too: the queue's bound is then exact
        if (waiting.incrementAndGet() > queued) {
            waiting.decrementAndGet();
            shedQueueFull.increment();
            throw SearchUnavailable.busy();
        }
        try {
            if (!turns.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS)) {
                shedQueueWait.increment();
                throw SearchUnavailable.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SearchUnavailable.busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Searches waiting for a turn now. */
    int waiting() {
        return waiting.get();
    }

    void release() {
        turns.release();
    }
}
