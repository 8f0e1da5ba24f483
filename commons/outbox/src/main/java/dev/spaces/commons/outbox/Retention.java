package dev.spaces.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * What the services' retention jobs share (README "Retention"): the batched DELETE, the loop over batches, the
 * counter and the schedule. Which rows may go is each service's own decision, in its repository's SQL.
 */
public final class Retention {

    /** {@code spaces_retention_pruned_rows_total{table=…}}. */
    public static final String METRIC = "spaces.retention.pruned.rows";

    /** One batch in its own transaction: deletes at most {@code limit} rows older than {@code olderThan}. */
    @FunctionalInterface
    public interface Batch {
        int delete(Duration olderThan, int limit);
    }

    private Retention() {
    }

    public static Counter counter(MeterRegistry registry, String table) {
        return Counter.builder(METRIC).tag("table", table)
                .description("Rows deleted by the retention job because they can no longer matter")
                .register(registry);
    }

    /**
     * A native DELETE whose row selection uses {@code :ms} (the retention in milliseconds) and {@code :limit}.
     * The statements select ids {@code FOR UPDATE SKIP LOCKED}, so replicas pruning at once share the work instead of
     * waiting on each other, and delete {@code WHERE id = ANY (ARRAY(…))}: with {@code IN (…)} the planner hashed a
     * scan of the whole table for every batch. The cut-off is computed from {@code now()} (stable, unlike
     * clock_timestamp()), so the partial indexes of the retention migrations apply.
     */
    public static int delete(EntityManager em, String sql, Duration olderThan, int limit) {
        return em.createNativeQuery(sql).setParameter("ms", olderThan.toMillis()).setParameter("limit", limit)
                .executeUpdate();
    }

    /** Batch after batch until one comes back short; a retention of 0 keeps everything. */
    public static long drain(Batch batch, Duration retention, int batchSize, Counter counter) {
        if (retention.isZero()) {
            return 0;
        }
        long total = 0;
        int deleted;
        do {
            deleted = batch.delete(retention, batchSize);
            total += deleted;
            counter.increment(deleted);
        } while (deleted == batchSize);
        return total;
    }

    /**
     * Runs {@code prune} every {@code interval} on this replica, the first time a minute after start (not while the
     * service warms up). Programmatic rather than {@code @Scheduled}, so the interval is the typed config value and 0
     * (or {@code enabled=false}) schedules nothing, e.g. in tests that prune themselves; a service without another
     * scheduled method needs {@code quarkus.scheduler.start-mode=forced}.
     */
    public static void schedule(Scheduler scheduler, boolean enabled, Duration interval, Runnable prune,
                                Logger log) {
        if (!enabled || interval.isZero()) {
            log.infof("Retention job not scheduled in this process (enabled=%s, interval=%s)", enabled, interval);
            return;
        }
        scheduler.newJob("retention")
                .setInterval(interval.toString())
                .setDelayed("1m")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> prune.run())
                .schedule();
    }
}
