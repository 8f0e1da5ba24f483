package dev.spaces.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends an event to a service's {@code outbox_event} table through the caller's EntityManager, so the
 * event commits or rolls back with the change it describes. Every service creates the same table
 * (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload jsonb, dispatched_at);
 * {@link OutboxStore} claims them for a relay.
 */
public final class OutboxAppender {

    private OutboxAppender() {
    }

    /** @return the event id, which deliveries carry as their idempotency key */
    public static UUID append(EntityManager em, ObjectMapper json, String type, String aggregateType,
                              long aggregateId, long aggregateVersion, Object payload) {
        return append(em, json, type, aggregateType, aggregateId, aggregateVersion, payload, Instant.now());
    }

    /** For events that happened elsewhere first (relayed from another service): keeps their time of occurrence. */
    public static UUID append(EntityManager em, ObjectMapper json, String type, String aggregateType,
                              long aggregateId, long aggregateVersion, Object payload, Instant occurredAt) {
        UUID id = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + type, e);
        }
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload)
                VALUES (:id, :type, :aggregateType, :aggregateId, :version, :occurredAt, CAST(:payload AS jsonb))""")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId)
                .setParameter("version", aggregateVersion)
                .setParameter("occurredAt", Timestamp.from(occurredAt))
                .setParameter("payload", body)
                .executeUpdate();
        return id;
    }
}
