package dev.spaces.comment.repository;

import dev.spaces.commons.outbox.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Deletes outbox rows the relay is done with, in bounded batches, on the caller's transaction; how the statements
 * lock and delete is described at {@link Retention#delete}.
 */
@ApplicationScoped
public class RetentionRepository {

    private final EntityManager em;

    public RetentionRepository(EntityManager em) {
        this.em = em;
    }

    /** Rows content-service accepted before the cut-off; pending (and rejected) rows never match. */
    public int pruneDelivered(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM outbox_event WHERE id = ANY (ARRAY(
                    SELECT id FROM outbox_event
                    WHERE dispatched_at IS NOT NULL AND rejected_at IS NULL
                      AND dispatched_at < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    /** Rows content-service refused for good before the cut-off. */
    public int pruneRejected(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM outbox_event WHERE id = ANY (ARRAY(
                    SELECT id FROM outbox_event
                    WHERE rejected_at IS NOT NULL AND rejected_at < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    private int delete(String sql, Duration olderThan, int limit) {
        return Retention.delete(em, sql, olderThan, limit);
    }
}
