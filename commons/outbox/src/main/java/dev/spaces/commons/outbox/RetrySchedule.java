package dev.spaces.commons.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a relay tries again after a failed delivery: the wait after the 1st, 2nd, … failure in a row, each spread by
 * ± {@code jitter} so that replicas (and the subscribers they retry) do not move in step. A {@linkplain #finite finite}
 * schedule gives up after its last wait (a webhook delivery then fails for good); a {@linkplain #doubling doubling}
 * one keeps its longest wait for ever (an internal hand-over must arrive, however long the receiver is down).
 */
public final class RetrySchedule {

    /** Beyond 2^30 × initial a doubling wait is far past any sensible cap; it also keeps the product in range. */
    private static final int MAX_DOUBLINGS = 30;

    private final List<Duration> waits;
    private final double jitter;
    private final boolean endless;

    private RetrySchedule(List<Duration> waits, double jitter, boolean endless) {
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.endless = endless;
    }

    /**
     * The given waits, then give up.
     *
     * @param setting the configuration the waits come from, named in the error when they are unusable
     */
    public static RetrySchedule finite(String setting, List<Duration> waits, double jitter) {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException(setting + " needs at least one wait");
        }
        checkJitter(setting, jitter);
        return new RetrySchedule(waits, jitter, false);
    }

    /**
     * {@code initial}, 2×, 4×, … capped at {@code max}, and {@code max} for ever after.
     *
     * @param setting the configuration the waits come from, named in the error when they are unusable
     */
    public static RetrySchedule doubling(String setting, Duration initial, Duration max, double jitter) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(setting + " needs 0 < initial <= max");
        }
        checkJitter(setting, jitter);
        List<Duration> waits = new ArrayList<>();
        for (int doublings = 0; doublings <= MAX_DOUBLINGS; doublings++) {
            long millis = Math.min(initial.toMillis() << doublings, max.toMillis());
            waits.add(Duration.ofMillis(millis));
            if (millis == max.toMillis()) {
                break;
            }
        }
        return new RetrySchedule(waits, jitter, true);
    }

    private static void checkJitter(String setting, double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException(setting + " needs a jitter in [0, 1)");
        }
    }

    /**
     * The wait after the {@code failures}-th failure in a row (1 = the first), or null: give up (a finite schedule
     * past its last wait).
     */
    public Duration after(int failures) {
        if (!endless && (failures < 1 || failures > waits.size())) {
            return null;
        }
        Duration wait = waits.get(Math.clamp(failures, 1, waits.size()) - 1);
        double spread = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * spread)));
    }

    /**
     * How long a message may stay queued behind an unavailable receiver before it is given up: as long as the head of
     * its queue can take, every wait at its longest and every attempt timing out after {@code attemptTimeout}.
     */
    public Duration budget(Duration attemptTimeout) {
        if (endless) {
            throw new IllegalStateException("a doubling schedule never gives up: it has no budget");
        }
        long millis = waits.stream().mapToLong(Duration::toMillis).sum();
        int attempts = waits.size() + 1;
        return Duration.ofMillis(Math.round(millis * (1 + jitter)) + attempts * attemptTimeout.toMillis());
    }
}
