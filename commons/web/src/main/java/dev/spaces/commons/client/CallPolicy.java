package dev.spaces.commons.client;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a service calls another over REST ({@code @RegisterRestClient} interfaces): a time limit per attempt, a few
 * quick retries of failures the caller classes as transient, and a circuit breaker so that a service that is down
 * is not waited for on every request. One configuration group per call, {@code spaces.clients.<call>.*}, so that every
 * inter-service call's numbers are settings, read the same way ({@link CallGuards}).
 */
public interface CallPolicy {

    /** One attempt, from sending to the whole answer (the REST client's own connect/read timeouts are lower). */
    Duration timeout();

    /** Attempts after the first, for transient failures only. */
    @WithDefault("2")
    int retries();

    @WithDefault("100ms")
    Duration retryDelay();

    /** Up to this much is added to or taken from each delay, so that replicas do not retry in step. */
    @WithDefault("50ms")
    Duration retryJitter();

    Breaker breaker();

    interface Breaker {

        /** Calls in the rolling window the failure ratio is taken over. */
        @WithDefault("10")
        int requestVolume();

        /** The share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker fails calls at once before it lets one through to test the other service. */
        @WithDefault("5s")
        Duration delay();
    }
}
