package dev.spaces.content.webhook.delivery;

import dev.spaces.content.webhook.WebhookConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter from the configured schedule; after the last wait, a delivery has failed. */
public final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final Duration attemptTimeout;

    public RetrySchedule(List<Duration> waits, double jitter, Duration attemptTimeout) {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("spaces.webhooks.retry-schedule needs at least one wait");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("spaces.webhooks.retry-jitter must be in [0, 1)");
        }
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.attemptTimeout = attemptTimeout;
    }

    public static RetrySchedule of(WebhookConfig config) {
        return new RetrySchedule(config.retrySchedule(), config.retryJitter(), config.totalTimeout());
    }

    /** The wait before the next attempt after {@code failedAttempts} failures (1-based), or null: give up. */
    public Duration after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > waits.size()) {
            return null;
        }
        double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
        return Duration.ofMillis(Math.max(1, Math.round(waits.get(failedAttempts - 1).toMillis() * factor)));
    }

    /**
     * How long a delivery may stay queued behind an unavailable receiver before it is given up: as long as the head
     * of the queue can take, every wait at its longest and every attempt timing out.
     */
    public Duration budget() {
        long millis = waits.stream().mapToLong(Duration::toMillis).sum();
        return Duration.ofMillis(Math.round(millis * (1 + jitter)) + attempts() * attemptTimeout.toMillis());
    }

    public int attempts() {
        return waits.size() + 1;
    }
}
