package dev.spaces.comment.events;

import dev.spaces.comment.config.EventRelayConfig;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: initial, 2×, 4×, … capped at max, each spread by ± jitter. */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("spaces.events.relay.backoff needs 0 < initial <= max and 0 <= jitter < 1");
        }
    }

    public static Backoff of(EventRelayConfig.Backoff config) {
        return new Backoff(config.initial(), config.max(), config.jitter());
    }

    /** The wait after the {@code failures}-th failure in a row (1 = the first). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        double base = Math.min(initial.toMillis() * Math.pow(2, doublings), max.toMillis());
        double spread = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
    }
}
