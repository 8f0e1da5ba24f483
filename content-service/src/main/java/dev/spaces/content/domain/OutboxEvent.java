package dev.spaces.content.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it describes; a relay delivers it later. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;
    public String type;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public Long aggregateId;
    @Column(name = "aggregate_version")
    public long aggregateVersion;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode payload;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
}
