package dev.spaces.comment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The outbox relay that hands comment and member events to content-service's intake
 * ({@code POST /api/v1/webhooks/events}, at the content-service address the article lookups use).
 */
@ConfigMapping(prefix = "spaces.events.relay")
public interface EventRelayConfig {

    /** Run the relay in this process (it also needs a secret). */
    @WithDefault("true")
    boolean enabled();

    /** {@code whsec_…} shared with content-service (SPACES_INTERNAL_EVENTS_SECRET); without it nothing is sent. */
    Optional<String> secret();

    /** Rows claimed (and locked) per transaction. */
    @WithDefault("50")
    int batchSize();

    /** Fallback poll in case a NOTIFY was lost; a new event wakes the relay at once. */
    @WithDefault("PT1S")
    Duration pollInterval();

    Backoff backoff();

    /** How long delivered and rejected outbox rows are kept; see {@code service.RetentionService}. */
    Retention retention();

    /**
     * Retention of outbox rows the relay is done with. Pending rows are never pruned, whatever their age (the relay
     * never gives up on them). A duration of 0 keeps those rows forever; {@code enabled=false} keeps everything.
     */
    interface Retention {

        @WithDefault("true")
        boolean enabled();

        /**
         * Rows content-service accepted (2xx): nothing reads them again (a resend happens only while a row is
         * pending), so they are only a record of what was emitted, kept a week for debugging.
         */
        @WithDefault("7d")
        Duration delivered();

        /**
         * Rows content-service refused for good (with {@code rejected_at} and {@code last_error}): evidence of a
         * bug or a contract mismatch that someone has to look into, so a quarter, like failed webhook deliveries.
         */
        @WithDefault("90d")
        Duration rejected();

        /** Rows deleted per transaction: short transactions and row locks, however large the backlog. */
        @WithDefault("1000")
        int batchSize();

        /** How often this replica prunes; 0: never on its own (another replica, or a test, does). */
        @WithDefault("1h")
        Duration interval();
    }

    /** How long an undeliverable event (receiver down, 5xx, 401…) waits before the next try: doubling, capped. */
    interface Backoff {
        @WithDefault("PT1S")
        Duration initial();

        @WithDefault("PT5M")
        Duration max();

        /** Each wait is randomly spread by ± this fraction, so replicas do not retry in step. */
        @WithDefault("0.2")
        double jitter();
    }
}
