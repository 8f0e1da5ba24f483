package dev.spaces.search.service;

import dev.spaces.search.config.SearchConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the index converging without anyone's help: reconciles on start, every
 * {@code spaces.search.reconcile.interval}, and as soon as Elasticsearch answers again after being down. A run
 * that fails (content-service or Elasticsearch unavailable) stays pending and is retried on the next tick.
 */
@ApplicationScoped
public class SearchMaintenance {

    private static final Logger LOG = Logger.getLogger(SearchMaintenance.class);

    private final Reconciler reconciler;
    private final ReindexService reindex;
    private final ElasticsearchStatus status;
    private final AtomicBoolean pending = new AtomicBoolean();

    public SearchMaintenance(Reconciler reconciler, ReindexService reindex, ElasticsearchStatus status,
                             SearchConfig config) {
        this.reconciler = reconciler;
        this.reindex = reindex;
        this.status = status;
        pending.set(config.reconcile().onStart());
    }

    void onStart(@Observes StartupEvent event) {
        if (pending.get()) {
            Thread.ofVirtual().name("search-reconcile-on-start").start(this::runIfPending);
        }
    }

    @Scheduled(every = "${spaces.search.reconcile.health-check-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkElasticsearch() {
        if (status.checkRecovered()) {
            pending.set(true);
        }
        if (status.isUp()) {
            runIfPending();
        }
    }

    @Scheduled(every = "${spaces.search.reconcile.interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        pending.set(true);
        runIfPending();
    }

    /** Marks a reconcile as needed and runs it now (the caller's thread); false when it could not complete. */
    public boolean reconcileNow() {
        pending.set(true);
        return runIfPending();
    }

    /** Rebuilds an index made with another release's mapping; retried on later ticks while it cannot. */
    private void upgradeMappingIfNeeded() {
        try {
            reindex.startIfMappingChanged();
        } catch (Exception e) {
            LOG.debugf("Mapping check failed, will retry: %s", e.toString());
        }
    }

    /** Reconciles if one is pending, then checks the mapping; false when the reconcile could not complete. */
    private boolean runIfPending() {
        if (pending.get()) {
            try {
                if (reconciler.run().isEmpty()) {
                    return false;
                }
                pending.set(false);
            } catch (Exception e) {
                LOG.warnf("Reconcile failed, will retry: %s", e.toString());
                if (!(e instanceof dev.spaces.search.client.ContentDocuments.ContentUnavailable)) {
                    status.failed(e);
                }
                return false;
            }
        }
        upgradeMappingIfNeeded();
        return true;
    }
}
