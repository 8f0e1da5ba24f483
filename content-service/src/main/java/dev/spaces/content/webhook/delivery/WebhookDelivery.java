package dev.spaces.content.webhook.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription. Rows are created by the outbox relay's fan-out and moved through their states by
 * the dispatcher with conditional SQL; the entity serves the admin API (listing, redelivery).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public long subscriptionId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_seq")
    public long eventSeq;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "message_id")
    public String messageId;
    public String body;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "schedule_step")
    public int scheduleStep;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_duration_ms")
    public Integer lastDurationMs;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
