package dev.spaces.content.webhook.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;

/** One pruning batch per transaction, so no run holds locks or a large transaction for long. */
@ApplicationScoped
public class RetentionBatches {

    private final RetentionRepository retention;

    public RetentionBatches(RetentionRepository retention) {
        this.retention = retention;
    }

    @Transactional
    public int outbox(Duration olderThan, int limit) {
        return retention.pruneOutbox(olderThan, limit);
    }

    @Transactional
    public int delivered(Duration olderThan, int limit) {
        return retention.pruneDelivered(olderThan, limit);
    }

    @Transactional
    public int failed(Duration olderThan, int limit) {
        return retention.pruneFailed(olderThan, limit);
    }

    @Transactional
    public int inboundEvents(Duration olderThan, int limit) {
        return retention.pruneInboundEvents(olderThan, limit);
    }
}
