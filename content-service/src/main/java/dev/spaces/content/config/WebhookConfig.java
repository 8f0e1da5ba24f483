package dev.spaces.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "spaces.webhooks")
public interface WebhookConfig {

    /** Run the outbox relay and the delivery dispatcher in this process. */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Private networks (CIDR) that subscriber URLs may nevertheless point to; empty in production. The local stack
     * and the tests allow loopback explicitly.
     */
    Optional<List<String>> allowedPrivateNetworks();

    /** Connection timeout of a delivery. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Whole-request timeout of a delivery (connect, send, response headers). */
    @WithDefault("10s")
    Duration totalTimeout();

    /**
     * Waits before retry 1, 2, …; after the last one fails the delivery is failed (dead letter). The default adds up
     * to about 23 hours.
     */
    @WithDefault("5s,30s,2m,10m,30m,1h,3h,6h,12h")
    List<Duration> retrySchedule();

    /** Each wait is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
    @WithDefault("0.2")
    double retryJitter();

    /** Subscriptions delivered to in parallel by one replica (each subscription's queue is sent in order). */
    @WithDefault("16")
    int concurrency();

    /** Outbox rows fanned out per transaction. */
    @WithDefault("100")
    int batchSize();

    /** Relays are woken by LISTEN/NOTIFY; this poll only covers lost notifications. */
    @WithDefault("1s")
    Duration fallbackPoll();

    /** How long a replica holds a subscription's queue without renewing; must exceed the total timeout. */
    @WithDefault("40s")
    Duration lease();

    /** After rotate-secret, deliveries are signed with the old secret too for this long. */
    @WithDefault("24h")
    Duration secretGracePeriod();

    /** Secret (whsec_…) with which trusted internal producers sign events posted to /api/v1/webhooks/events. */
    Optional<String> internalEventsSecret();

    /** Subscriptions owned by configuration, upserted at startup, by name. */
    @WithName("system")
    Map<String, SystemSubscription> system();

    interface SystemSubscription {
        String url();

        List<String> events();

        /** whsec_… shared with the subscriber (a Kubernetes Secret in deployments). */
        String secret();

        Optional<String> description();

        @WithDefault("true")
        boolean active();
    }
}
