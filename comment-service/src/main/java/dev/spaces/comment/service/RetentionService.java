package dev.spaces.comment.service;

import dev.spaces.comment.config.EventRelayConfig;
import dev.spaces.commons.outbox.Retention;
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
 * Prunes {@code outbox_event} rows the relay ({@code events.EventRelay}) is done with (README "Retention"):
 * delivered ones ({@code dispatched_at} set on a 2xx) and rejected ones ({@code rejected_at}) past their retention.
 * The relay only ever reads undispatched rows — to send them, and to keep each aggregate's events in order — so a
 * dispatched row is never needed again; a pending row is never pruned, however old. Several replicas may prune at
 * once: each batch deletes only rows it could lock (SKIP LOCKED).
 */
@ApplicationScoped
@Startup // its counters are exported from the start, at 0
public class RetentionService {

    /** What one run keeps: a retention of 0 keeps those rows. */
    public record Policy(Duration delivered, Duration rejected, int batchSize) {

        public Policy {
            if (delivered.isNegative() || rejected.isNegative()) {
                throw new IllegalArgumentException("spaces.events.relay.retention.* durations must not be negative");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("spaces.events.relay.retention.batch-size must be at least 1");
            }
        }

        public static Policy of(EventRelayConfig.Retention config) {
            return new Policy(config.delivered(), config.rejected(), config.batchSize());
        }
    }

    /** Rows deleted by one run. */
    public record Report(long delivered, long rejected) {
        public long total() {
            return delivered + rejected;
        }
    }

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final RetentionBatches batches;
    private final EventRelayConfig.Retention config;
    private final Counter outboxCounter;
    private final Scheduler scheduler;

    public RetentionService(RetentionBatches batches, EventRelayConfig config, MeterRegistry registry,
                            Scheduler scheduler) {
        this.batches = batches;
        this.config = config.retention();
        this.outboxCounter = Retention.counter(registry, "outbox_event");
        this.scheduler = scheduler;
    }

    /**
     * Every {@code spaces.events.relay.retention.interval} on this replica (scheduled programmatically, hence
     * {@code quarkus.scheduler.start-mode=forced}); a bad setting fails the start.
     */
    void schedule(@Observes StartupEvent ignored) {
        Policy.of(config);
        Retention.schedule(scheduler, config.enabled(), config.interval(), this::prune, LOG);
    }

    /** One run with the configured policy; nothing when retention is disabled. */
    public Report prune() {
        if (!config.enabled()) {
            return new Report(0, 0);
        }
        return prune(Policy.of(config));
    }

    /** One run: batch after batch, until no batch is full. */
    public Report prune(Policy policy) {
        long started = System.nanoTime();
        Report report = new Report(Retention.drain(batches::delivered, policy.delivered(), policy.batchSize(), outboxCounter),
                Retention.drain(batches::rejected, policy.rejected(), policy.batchSize(), outboxCounter));
        if (report.total() > 0) {
            LOG.infof("Retention pruned %d delivered and %d rejected outbox_event row(s) in %d ms", report.delivered(),
                    report.rejected(), (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.debug("Retention: nothing to prune");
        }
        return report;
    }
}
