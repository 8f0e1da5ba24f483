package dev.spaces.content.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A webhook endpoint and the event types it receives. The relay's lease columns are deliberately not mapped. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> events = new ArrayList<>();

    public String description;
    public boolean active = true;
    @Column(name = "disabled_reason")
    public String disabledReason;

    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    /** Name under spaces.webhooks.system for subscriptions owned by configuration; null for API-created ones. */
    @Column(name = "system_name")
    public String systemName;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isSystem() {
        return systemName != null;
    }

    /** The secrets deliveries are signed with now: the current one, plus the previous during its grace period. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    public void rotateSecret(String next, Instant now, java.time.Duration grace) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(grace);
        secret = next;
        updatedAt = now;
    }
}
