package dev.spaces.comment.service;

import dev.spaces.comment.config.EventRelayConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Schedules {@link RetentionService#prune()} every {@code spaces.events.relay.retention.interval} on this replica.
 * Programmatic rather than {@code @Scheduled}, so that the interval is the typed config value and 0 turns the
 * schedule off (the tests call the service themselves); hence {@code quarkus.scheduler.start-mode=forced}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionService retention;
    private final EventRelayConfig.Retention config;
    private final Scheduler scheduler;

    public RetentionJob(RetentionService retention, EventRelayConfig config, Scheduler scheduler) {
        this.retention = retention;
        this.config = config.retention();
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ignored) {
        RetentionService.Policy.of(config); // a bad setting fails the start, not the first run an hour later
        if (!config.enabled() || config.interval().isZero()) {
            LOG.infof("Retention job not scheduled in this process (enabled=%s, interval=%s)", config.enabled(),
                    config.interval());
            return;
        }
        scheduler.newJob("retention")
                .setInterval(config.interval().toString())
                .setDelayed("1m") // not while the service is still warming up
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> retention.prune())
                .schedule();
    }
}
