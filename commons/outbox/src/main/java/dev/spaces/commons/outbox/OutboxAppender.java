package dev.spaces.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** One event for {@link #appendAll}. */
    public record Event(String type, String aggregateType, long aggregateId, long aggregateVersion, Object payload) {
    }

    /** @return the event id, which deliveries carry as their idempotency key */
    public static UUID append(EntityManager em, ObjectMapper json, String type, String aggregateType,
                              long aggregateId, long aggregateVersion, Object payload) {
        return append(em, json, type, aggregateType, aggregateId, aggregateVersion, payload, Instant.now());
    }

    /** For events that happened elsewhere first (relayed from another service): keeps their time of occurrence. */
    public static UUID append(EntityManager em, ObjectMapper json, String type, String aggregateType,
                              long aggregateId, long aggregateVersion, Object payload, Instant occurredAt) {
        return insert(em, json, List.of(new Event(type, aggregateType, aggregateId, aggregateVersion, payload)),
                occurredAt).getFirst();
    }

    /**
     * Several events of one change in a single multi-row INSERT (one round trip instead of one per event); their
     * delivery order ({@code seq}) is the list's order.
     *
     * @return the event ids, in the list's order
     */
    public static List<UUID> appendAll(EntityManager em, ObjectMapper json, List<Event> events) {
        return events.isEmpty() ? List.of() : insert(em, json, events, Instant.now());
    }

    private static List<UUID> insert(EntityManager em, ObjectMapper json, List<Event> events, Instant occurred) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, CAST(? AS jsonb))");
        }
        var query = em.createNativeQuery(sql.toString());
        Timestamp occurredAt = Timestamp.from(occurred);
        List<UUID> ids = new ArrayList<>(events.size());
        int p = 1;
        for (Event event : events) {
            UUID id = UUID.randomUUID();
            String body;
            try {
                body = json.writeValueAsString(event.payload());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event payload cannot be serialized: " + event.type(), e);
            }
            query.setParameter(p++, id).setParameter(p++, event.type()).setParameter(p++, event.aggregateType())
                    .setParameter(p++, event.aggregateId()).setParameter(p++, event.aggregateVersion())
                    .setParameter(p++, occurredAt).setParameter(p++, body);
            ids.add(id);
        }
        query.executeUpdate();
        return ids;
    }
}
