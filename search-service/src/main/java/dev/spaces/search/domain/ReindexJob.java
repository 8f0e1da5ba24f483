package dev.spaces.search.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A running or finished index rebuild, observed through the API while a worker thread advances it. */
public final class ReindexJob {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final String id;
    private final String targetIndex;
    private final Instant startedAt = Instant.now();
    private final AtomicLong processed = new AtomicLong();
    private volatile long total;
    private volatile State state = State.RUNNING;
    private volatile Instant finishedAt;
    private volatile String error;

    public ReindexJob(String id, String targetIndex) {
        this.id = id;
        this.targetIndex = targetIndex;
    }

    public String id() {
        return id;
    }

    public String targetIndex() {
        return targetIndex;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public State state() {
        return state;
    }

    public String error() {
        return error;
    }

    public long processed() {
        return processed.get();
    }

    public long total() {
        return total;
    }

    public void total(long total) {
        this.total = total;
    }

    public void advance(long documents) {
        processed.addAndGet(documents);
    }

    public void succeed() {
        finishedAt = Instant.now();
        state = State.SUCCEEDED;
    }

    public void fail(String reason) {
        error = reason;
        finishedAt = Instant.now();
        state = State.FAILED;
    }

    /** Documents per second so far. */
    public double rate() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return processed.get() / seconds;
    }

    /** Estimated time left, when there is a rate to estimate from. */
    public Duration eta() {
        if (state != State.RUNNING) {
            return Duration.ZERO;
        }
        double rate = rate();
        long left = Math.max(0, total - processed.get());
        return rate <= 0 ? null : Duration.ofMillis((long) (left / rate * 1000));
    }
}
