package dev.spaces.content.webhook.retention;

import dev.spaces.commons.outbox.Retention;
import dev.spaces.content.webhook.WebhookConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Prunes rows that can no longer matter (README "Retention"):
 * <ul>
 *     <li>{@code outbox_event} rows dispatched before the outbox retention. Dispatching is the fan-out into
 *     {@code webhook_delivery}, in the same transaction, and every delivery (and redelivery) sends the body stored
 *     on the delivery itself; nothing reads a dispatched outbox row again. Undispatched rows never go.</li>
 *     <li>{@code webhook_delivery}: DELIVERED and FAILED rows past their retention; PENDING never (a redelivery
 *     makes a row PENDING again, and restarts its clock).</li>
 *     <li>{@code webhook_inbound_event}: received before the inbound window, longer than comment-service may still
 *     resend the event (see {@link WebhookConfig.Retention#inboundEvents()}).</li>
 * </ul>
 * Several replicas may prune at once: each batch deletes only rows it could lock (SKIP LOCKED).
 */
@ApplicationScoped
@Startup // its counters are exported from the start, at 0
public class RetentionService {

    /** What one run keeps: a retention of 0 keeps that table's rows. */
    public record Policy(Duration outbox, Duration delivered, Duration failed, Duration inboundEvents, int batchSize) {

        static final Duration MIN_INBOUND_WINDOW = Duration.ofHours(1);

        public Policy {
            for (Duration d : new Duration[]{outbox, delivered, failed, inboundEvents}) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("spaces.webhooks.retention.* durations must not be negative");
                }
            }
            if (!inboundEvents.isZero() && inboundEvents.compareTo(MIN_INBOUND_WINDOW) < 0) {
                throw new IllegalArgumentException("spaces.webhooks.retention.inbound-events must be 0 (keep) or at "
                        + "least 1h: comment-service may resend an event it already handed over minutes later");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("spaces.webhooks.retention.batch-size must be at least 1");
            }
        }

        public static Policy of(WebhookConfig.Retention config) {
            return new Policy(config.outbox(), config.delivered(), config.failed(), config.inboundEvents(),
                    config.batchSize());
        }
    }

    /** Rows deleted by one run, per kind. */
    public record Report(long outboxEvents, long delivered, long failed, long inboundEvents) {
        public long total() {
            return outboxEvents + delivered + failed + inboundEvents;
        }
    }

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final RetentionBatches batches;
    private final WebhookConfig.Retention config;
    private final Scheduler scheduler;
    private final Counter outboxCounter;
    private final Counter deliveryCounter;
    private final Counter inboundCounter;

    public RetentionService(RetentionBatches batches, WebhookConfig config, MeterRegistry registry,
                            Scheduler scheduler) {
        this.batches = batches;
        this.config = config.retention();
        this.scheduler = scheduler;
        this.outboxCounter = Retention.counter(registry, "outbox_event");
        this.deliveryCounter = Retention.counter(registry, "webhook_delivery");
        this.inboundCounter = Retention.counter(registry, "webhook_inbound_event");
    }

    /** Every {@code spaces.webhooks.retention.interval} on this replica; a bad setting fails the start. */
    void schedule(@Observes StartupEvent ignored) {
        Policy.of(config);
        Retention.schedule(scheduler, config.enabled(), config.interval(), this::prune, LOG);
    }

    /** One run with the configured policy; nothing when retention is disabled. */
    public Report prune() {
        if (!config.enabled()) {
            return new Report(0, 0, 0, 0);
        }
        return prune(Policy.of(config));
    }

    /** One run: every table, batch after batch, until no batch is full. */
    public Report prune(Policy policy) {
        long started = System.nanoTime();
        Report report = new Report(
                Retention.drain(batches::outbox, policy.outbox(), policy.batchSize(), outboxCounter),
                Retention.drain(batches::delivered, policy.delivered(), policy.batchSize(), deliveryCounter),
                Retention.drain(batches::failed, policy.failed(), policy.batchSize(), deliveryCounter),
                Retention.drain(batches::inboundEvents, policy.inboundEvents(), policy.batchSize(), inboundCounter));
        if (report.total() > 0) {
            LOG.infof("Retention pruned %d outbox_event, %d delivered and %d failed webhook_delivery, "
                            + "%d webhook_inbound_event row(s) in %d ms", report.outboxEvents(), report.delivered(),
                    report.failed(), report.inboundEvents(), (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.debug("Retention: nothing to prune");
        }
        return report;
    }
}
