package dev.spaces.commons.client;

import io.smallrye.faulttolerance.api.Guard;

import java.time.temporal.ChronoUnit;

/** Builds the SmallRye Fault Tolerance {@link Guard} around one inter-service call from its {@link CallPolicy}. */
public final class CallGuards {

    private CallGuards() {
    }

    /**
     * A guard for calls that fail with {@code transientFailure} when the other service did not answer usefully (down,
     * 5xx, cut connection): those are retried and counted by the breaker; any other exception (a 404 the caller
     * turned into an answer, a bug) passes through untouched.
     */
    public static Guard create(String description, CallPolicy policy, Class<? extends Throwable> transientFailure) {
        return Guard.create()
                .withDescription(description)
                .withTimeout().duration(policy.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(policy.retries())
                .delay(policy.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(policy.retryJitter().toMillis(), ChronoUnit.MILLIS)
                .retryOn(transientFailure).done()
                .withCircuitBreaker().requestVolumeThreshold(policy.breaker().requestVolume())
                .failureRatio(policy.breaker().failureRatio())
                .delay(policy.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .failOn(transientFailure).done()
                .build();
    }
}
