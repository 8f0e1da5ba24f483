package dev.spaces.commons.outbox;

import java.time.Instant;
import java.util.UUID;

/** One {@code outbox_event} row as the relay reads it; {@code payload} is the stored JSON text. */
public record OutboxEvent(UUID id, long seq, String type, String aggregateType, long aggregateId,
                          long aggregateVersion, Instant occurredAt, String payload) {
}
