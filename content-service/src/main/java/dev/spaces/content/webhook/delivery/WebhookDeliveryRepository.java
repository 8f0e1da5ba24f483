package dev.spaces.content.webhook.delivery;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliveries. The relay's state changes are single conditional statements timed by the database clock, so that
 * replicas agree on what is due and a stale worker can never overwrite a newer outcome.
 */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepository<WebhookDelivery> {

    /** A subscription's queue as leased by one replica: what it needs to send the next delivery. */
    public record Lease(long subscriptionId, boolean active, String url, String secret, String previousSecret,
                        Instant previousSecretExpiresAt) {
    }

    /** A due delivery, in queue order. */
    public record Due(long id, String messageId, String eventType, String body, int scheduleStep, Instant queuedAt) {
    }

    public PanacheQuery<WebhookDelivery> forSubscription(long subscriptionId, DeliveryStatus status) {
        Sort newestFirst = Sort.descending("id");
        return status == null ? find("subscriptionId", newestFirst, subscriptionId)
                : find("subscriptionId = ?1 and status = ?2", newestFirst, subscriptionId, status);
    }

    /**
     * Locked until the transaction ends: the retention job (SKIP LOCKED) then leaves it alone, and a row it has just
     * pruned is not found, rather than updated after it is gone.
     */
    public Optional<WebhookDelivery> findForUpdate(long subscriptionId, long deliveryId) {
        return find("id = ?1 and subscriptionId = ?2", deliveryId, subscriptionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** One row per active subscription of the event's type; idempotent per (subscription, event). */
    public int fanOut(UUID eventId, long seq, String type, String body) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO webhook_delivery (subscription_id, event_id, event_seq, event_type, message_id, body,
                                                      status, next_attempt_at, created_at, queued_at)
                        SELECT s.id, :eventId, :seq, :type, 'msg_' || replace(gen_random_uuid()::text, '-', ''), :body,
                               'PENDING', now(), now(), now()
                        FROM webhook_subscription s
                        WHERE s.active AND s.events @> jsonb_build_array(CAST(:type AS text))
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .setParameter("eventId", eventId).setParameter("seq", seq).setParameter("type", type)
                .setParameter("body", body).executeUpdate();
    }

    /** A delivery to one subscription only (ping), queued behind everything already pending. */
    public void enqueueSingle(long subscriptionId, UUID eventId, String type, String body) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO webhook_delivery (subscription_id, event_id, event_seq, event_type, message_id, body,
                                                      status, next_attempt_at, created_at, queued_at)
                        VALUES (:subscription, :eventId, nextval(pg_get_serial_sequence('outbox_event', 'seq')), :type,
                                'msg_' || replace(gen_random_uuid()::text, '-', ''), :body, 'PENDING', now(), now(), now())""")
                .setParameter("subscription", subscriptionId).setParameter("eventId", eventId)
                .setParameter("type", type).setParameter("body", body).executeUpdate();
    }

    /**
     * Leases up to {@code limit} active subscriptions with due deliveries that no live lease holds. Rows another
     * replica is leasing right now are skipped, not waited for; a committed lease excludes the row on re-check.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimSubscriptions(String owner, Duration lease, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription s
                        SET lease_owner = :owner, lease_until = clock_timestamp() + :leaseMs * INTERVAL '1 millisecond'
                        WHERE s.id IN (
                            SELECT c.id FROM webhook_subscription c
                            WHERE c.active AND (c.lease_until IS NULL OR c.lease_until < clock_timestamp())
                              AND (c.held_until IS NULL OR c.held_until <= clock_timestamp())
                              AND EXISTS (SELECT 1 FROM webhook_delivery d
                                          WHERE d.subscription_id = c.id AND d.status = 'PENDING'
                                            AND d.next_attempt_at <= clock_timestamp())
                            ORDER BY c.id LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING s.id""")
                .setParameter("owner", owner).setParameter("leaseMs", lease.toMillis()).setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Extends the lease if this owner still holds it, and returns the subscription as it is now. */
    @SuppressWarnings("unchecked")
    public Optional<Lease> renew(long subscriptionId, String owner, Duration lease) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription
                        SET lease_until = clock_timestamp() + :leaseMs * INTERVAL '1 millisecond'
                        WHERE id = :id AND lease_owner = :owner
                        RETURNING id, active, url, secret, previous_secret, previous_secret_expires_at""")
                .setParameter("id", subscriptionId).setParameter("owner", owner).setParameter("leaseMs", lease.toMillis())
                .getResultList();
        return rows.stream().findFirst().map(r -> new Lease(((Number) r[0]).longValue(), (Boolean) r[1], (String) r[2],
                (String) r[3], (String) r[4], instant(r[5])));
    }

    public void release(long subscriptionId, String owner) {
        getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription SET lease_owner = NULL, lease_until = NULL
                        WHERE id = :id AND lease_owner = :owner""")
                .setParameter("id", subscriptionId).setParameter("owner", owner).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Due> due(long subscriptionId, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT id, message_id, event_type, body, schedule_step, queued_at FROM webhook_delivery d
                        WHERE subscription_id = :id AND status = 'PENDING' AND next_attempt_at <= clock_timestamp()
                          -- in order: nothing overtakes an earlier delivery that still waits for its retry
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                          WHERE e.subscription_id = d.subscription_id AND e.status = 'PENDING'
                                            AND e.next_attempt_at > clock_timestamp()
                                            AND (e.event_seq, e.id) < (d.event_seq, d.id))
                        ORDER BY event_seq, id LIMIT :limit""")
                .setParameter("id", subscriptionId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), instant(r[5]))).toList();
    }

    public boolean recordDelivered(long id, Instant attemptedAt, int statusCode, int durationMs) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1,
                               schedule_step = schedule_step + 1, last_attempt_at = :at, last_status_code = :code,
                               last_error = NULL, last_duration_ms = :ms, delivered_at = clock_timestamp(),
                               next_attempt_at = NULL
                        WHERE id = :id AND status = 'PENDING'""")
                .setParameter("id", id).setParameter("at", Timestamp.from(attemptedAt)).setParameter("code", statusCode)
                .setParameter("ms", durationMs).executeUpdate() == 1;
    }

    /** A failed attempt: retried after {@code retryIn}, or failed for good when it is null. */
    public boolean recordFailure(long id, Instant attemptedAt, Integer statusCode, String error, int durationMs,
                                 Duration retryIn) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, schedule_step = schedule_step + 1,
                               last_attempt_at = :at, last_status_code = NULLIF(:code, -1), last_error = :error,
                               last_duration_ms = :ms,
                               status = CASE WHEN :retry THEN 'PENDING' ELSE 'FAILED' END,
                               next_attempt_at = CASE WHEN :retry
                                   THEN clock_timestamp() + :retryMs * INTERVAL '1 millisecond' END
                        WHERE id = :id AND status = 'PENDING'""")
                .setParameter("id", id).setParameter("at", Timestamp.from(attemptedAt))
                .setParameter("code", statusCode == null ? -1 : statusCode).setParameter("error", truncate(error))
                .setParameter("ms", durationMs).setParameter("retry", retryIn != null)
                .setParameter("retryMs", retryIn == null ? 0L : retryIn.toMillis()).executeUpdate() == 1;
    }

    /**
     * The receiver is unavailable: the subscription's other pending deliveries that would fall due earlier wait
     * for the same retry instead of hammering it; those older than the retry budget give up.
     */
    public int deferQueue(long subscriptionId, Duration retryIn, Duration budget, String reason) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery
                        SET status = CASE WHEN queued_at < clock_timestamp() - :budgetMs * INTERVAL '1 millisecond'
                                          THEN 'FAILED' ELSE 'PENDING' END,
                            last_error = CASE WHEN queued_at < clock_timestamp() - :budgetMs * INTERVAL '1 millisecond'
                                              THEN :reason ELSE last_error END,
                            next_attempt_at = CASE WHEN queued_at < clock_timestamp() - :budgetMs * INTERVAL '1 millisecond'
                                                   THEN NULL
                                                   ELSE clock_timestamp() + :retryMs * INTERVAL '1 millisecond' END
                        WHERE subscription_id = :id AND status = 'PENDING'
                          AND next_attempt_at < clock_timestamp() + :retryMs * INTERVAL '1 millisecond'""")
                .setParameter("id", subscriptionId).setParameter("retryMs", retryIn.toMillis())
                .setParameter("budgetMs", budget.toMillis()).setParameter("reason", truncate(reason)).executeUpdate();
    }

    /** The receiver answered again: whatever waits in backoff is due now, so the queue drains in order. */
    public int resumeQueue(long subscriptionId) {
        getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription SET held_until = NULL WHERE id = :id AND held_until IS NOT NULL""")
                .setParameter("id", subscriptionId).executeUpdate();
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery SET next_attempt_at = clock_timestamp()
                        WHERE subscription_id = :id AND status = 'PENDING' AND next_attempt_at > clock_timestamp()""")
                .setParameter("id", subscriptionId).executeUpdate();
    }

    /** Holds the whole queue (deliveries queued later included) until the head's retry, keeping their order. */
    public void holdQueue(long subscriptionId, Duration retryIn) {
        getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription
                        SET held_until = clock_timestamp() + :retryMs * INTERVAL '1 millisecond' WHERE id = :id""")
                .setParameter("id", subscriptionId).setParameter("retryMs", retryIn.toMillis()).executeUpdate();
    }

    /** Seconds until the earliest pending delivery of an active subscription falls due (negative: overdue). */
    public Optional<Double> secondsUntilNextDue() {
        Object value = getEntityManager().createNativeQuery("""
                        SELECT EXTRACT(EPOCH FROM (min(GREATEST(d.next_attempt_at, COALESCE(s.held_until, d.next_attempt_at)))
                                                   - clock_timestamp()))
                        FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                        WHERE d.status = 'PENDING' AND s.active""").getSingleResult();
        return Optional.ofNullable(value).map(v -> ((Number) v).doubleValue());
    }

    public void disable(long subscriptionId, String reason) {
        getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription SET active = FALSE, disabled_reason = :reason,
                               updated_at = clock_timestamp(), version = version + 1
                        WHERE id = :id""")
                .setParameter("id", subscriptionId).setParameter("reason", truncate(reason)).executeUpdate();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.time.ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalStateException("Not a timestamp: " + value.getClass());
        };
    }
}
