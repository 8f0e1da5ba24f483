package dev.spaces.content.webhook.retention;

import dev.spaces.commons.outbox.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Deletes sent rows in bounded batches, on the caller's transaction; how the statements lock and delete is described
 * at {@link Retention#delete} (a row the relay or an admin holds is left for the next run).
 */
@ApplicationScoped
public class RetentionRepository {

    private final EntityManager em;

    public RetentionRepository(EntityManager em) {
        this.em = em;
    }

    /** Outbox rows fanned out before the cut-off; undispatched ones never match. */
    public int pruneOutbox(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM outbox_event WHERE id = ANY (ARRAY(
                    SELECT id FROM outbox_event
                    WHERE dispatched_at IS NOT NULL AND dispatched_at < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    /** Deliveries delivered before the cut-off ({@code delivered_at} is reset by a redelivery). */
    public int pruneDelivered(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM webhook_delivery WHERE id = ANY (ARRAY(
                    SELECT id FROM webhook_delivery
                    WHERE status = 'DELIVERED' AND delivered_at < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    /**
     * Dead letters whose failure is older than the cut-off. No column records when a delivery failed: its last
     * attempt did, unless the queue was given up behind an unavailable receiver (deferQueue) without an attempt of
     * its own; then the later of that and the (re)queue time is a lower bound, at most one retry budget early.
     */
    public int pruneFailed(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM webhook_delivery WHERE id = ANY (ARRAY(
                    SELECT id FROM webhook_delivery
                    WHERE status = 'FAILED'
                      AND GREATEST(queued_at, last_attempt_at) < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    /** De-duplication entries of inbound events received before the cut-off. */
    public int pruneInboundEvents(Duration olderThan, int limit) {
        return delete("""
                DELETE FROM webhook_inbound_event WHERE webhook_id = ANY (ARRAY(
                    SELECT webhook_id FROM webhook_inbound_event
                    WHERE received_at < now() - :ms * INTERVAL '1 millisecond'
                    LIMIT :limit FOR UPDATE SKIP LOCKED))""", olderThan, limit);
    }

    private int delete(String sql, Duration olderThan, int limit) {
        return Retention.delete(em, sql, olderThan, limit);
    }
}
