package dev.spaces.comment.repository;

import dev.spaces.commons.outbox.OutboxEvent;
import dev.spaces.commons.outbox.OutboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The relay's view of {@code outbox_event}, on the caller's transaction. Unlike content-service's relay (which
 * only copies rows into its own tables), this one sends each row over HTTP, so it claims only the oldest
 * undelivered row of each aggregate: a replica holding comment 7's {@code created} locked keeps every other replica
 * from sending comment 7's {@code approved} before it.
 */
@ApplicationScoped
public class OutboxRelayRepository {

    /** An outbox row due for delivery, with the failed attempts it already had. */
    public record PendingEvent(OutboxEvent event, int attempts) {
    }

    private final EntityManager em;

    public OutboxRelayRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks (FOR UPDATE SKIP LOCKED) up to {@code limit} due rows, oldest first, each the oldest undelivered event
     * of its aggregate; rows other relays hold are skipped, and so are the aggregates they belong to.
     */
    public List<PendingEvent> claimDue(int limit) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT o.id, o.seq, o.type, o.aggregate_type, o.aggregate_id, o.aggregate_version, o.occurred_at,
                           o.payload::text, o.attempts
                    FROM outbox_event o
                    WHERE o.dispatched_at IS NULL
                      AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= clock_timestamp())
                      AND NOT EXISTS (SELECT 1 FROM outbox_event older
                                      WHERE older.dispatched_at IS NULL AND older.aggregate_type = o.aggregate_type
                                        AND older.aggregate_id = o.aggregate_id AND older.seq < o.seq)
                    ORDER BY o.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED""")) {
                ps.setInt(1, limit);
                List<PendingEvent> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new PendingEvent(new OutboxEvent(rs.getObject(1, UUID.class), rs.getLong(2),
                                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                                rs.getTimestamp(7).toInstant(), rs.getString(8)), rs.getInt(9)));
                    }
                }
                return due;
            }
        });
    }

    public void delivered(Collection<UUID> ids) {
        Instant now = Instant.now();
        session().doWork(c -> OutboxStore.markDispatched(c, ids, now));
    }

    /** Refused for good: out of the queue (so the aggregate's later events can go), with the reason kept. */
    public void rejected(UUID id, String error) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox_event SET dispatched_at = clock_timestamp(), rejected_at = clock_timestamp(),
                           attempts = attempts + 1, last_error = ? WHERE id = ?""")) {
                ps.setString(1, truncate(error));
                ps.setObject(2, id);
                ps.executeUpdate();
            }
        });
    }

    /** Stays pending; not claimed again before {@code retryIn} has passed. */
    public void retryLater(UUID id, String error, Duration retryIn) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox_event SET attempts = attempts + 1, last_error = ?,
                           next_attempt_at = clock_timestamp() + make_interval(secs => ?) WHERE id = ?""")) {
                ps.setString(1, truncate(error));
                ps.setDouble(2, retryIn.toMillis() / 1000.0);
                ps.setObject(3, id);
                ps.executeUpdate();
            }
        });
    }

    public long pendingCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NULL")
                .getSingleResult()).longValue();
    }

    /** How long until the earliest backed-off row is due again; empty when none waits. */
    public Optional<Duration> untilNextRetry() {
        Object millis = em.createNativeQuery("""
                SELECT CAST(EXTRACT(EPOCH FROM (min(next_attempt_at) - clock_timestamp())) * 1000 AS BIGINT)
                FROM outbox_event WHERE dispatched_at IS NULL AND next_attempt_at IS NOT NULL""").getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, ((Number) millis).longValue())));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > 500 ? error.substring(0, 500) : error;
    }
}
