package dev.spaces.comment.service;

import dev.spaces.comment.repository.RetentionRepository;
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
    public int delivered(Duration olderThan, int limit) {
        return retention.pruneDelivered(olderThan, limit);
    }

    @Transactional
    public int rejected(Duration olderThan, int limit) {
        return retention.pruneRejected(olderThan, limit);
    }
}
