package dev.spaces.content.webhook;

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

    /** How long sent rows are kept (outbox, delivery log, inbound de-duplication); see {@code RetentionService}. */
    Retention retention();

    /**
     * Retention of rows that only record what was sent. A duration of 0 keeps that table's rows forever;
     * {@code enabled=false} keeps everything.
     */
    interface Retention {

        @WithDefault("true")
        boolean enabled();

        /**
         * Outbox rows after the relay fanned them out: the deliveries carry their own copy of the body, so the row
         * is only a record of what was emitted, kept a week for debugging.
         */
        @WithDefault("7d")
        Duration outbox();

        /**
         * The delivery log of delivered webhooks: what an operator or a subscriber looks at to answer "did you send
         * X?" and redelivers from after losing data on their side; a month covers a monthly incident review.
         */
        @WithDefault("30d")
        Duration delivered();

        /**
         * Dead letters (failed for good, after about 23 hours of retries): they wait for a human to fix the
         * receiver and redeliver, which may take a while to be noticed, so a quarter.
         */
        @WithDefault("90d")
        Duration failed();

        /**
         * De-duplication of events relayed by comment-service, by webhook-id. comment-service resends an event
         * it already handed over only while its row is still pending there: the 2xx was lost, or its transaction
         * rolled back (crash, its 120 s transaction timeout). The next attempt then follows within one backoff
         * wait, at most {@code spaces.events.relay.backoff.max} × (1 + jitter) = 5 min × 1.2 = 6 min, after that
         * transaction (≤ 120 s), as long as this intake answers: about 8 minutes in all. Its relay never gives
         * up, so the window must also outlast an outage of this intake that starts right after a lost answer:
         * 7 days is over 800 such gaps, and longer than the pending-events gauge lets an outage go unnoticed.
         * Must be 0 (keep) or at least 1 hour (checked at start).
         */
        @WithDefault("7d")
        Duration inboundEvents();

        /** Rows deleted per transaction: short transactions and row locks, however large the backlog. */
        @WithDefault("1000")
        int batchSize();

        /** How often this replica prunes; 0: never on its own (another replica, or a test, does). */
        @WithDefault("1h")
        Duration interval();
    }

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
