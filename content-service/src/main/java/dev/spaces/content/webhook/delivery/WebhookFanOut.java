package dev.spaces.content.webhook.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.outbox.OutboxEvent;
import dev.spaces.commons.outbox.OutboxStore;
import dev.spaces.content.webhook.WebhookEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;

/**
 * The outbox relay's content-service half: claims a batch of outbox rows (commons {@link OutboxStore}, SKIP
 * LOCKED) and, in the same transaction, writes one delivery per matching active subscription and marks the rows
 * dispatched. Either all of that commits or none of it, so every event is fanned out exactly once.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final EntityManager em;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;

    public WebhookFanOut(EntityManager em, WebhookDeliveryRepository deliveries, ObjectMapper json) {
        this.em = em;
        this.deliveries = deliveries;
        this.json = json;
    }

    /** @return the number of outbox rows relayed */
    @Transactional
    public int relayBatch(int limit) {
        Session session = em.unwrap(Session.class);
        List<OutboxEvent> events = session.doReturningWork(c -> OutboxStore.claim(c, limit));
        for (OutboxEvent event : events) {
            deliveries.fanOut(event.id(), event.seq(), event.type(), envelope(event));
        }
        Instant now = Instant.now();
        session.doWork(c -> OutboxStore.markDispatched(c, events.stream().map(OutboxEvent::id).toList(), now));
        return events.size();
    }

    /** The Standard Webhooks body, built once so that every attempt sends (and signs) the same bytes. */
    String envelope(OutboxEvent event) {
        try {
            return json.writeValueAsString(new WebhookEnvelope(event.type(), event.occurredAt(),
                    json.readTree(event.payload())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + event.id() + " has no valid JSON payload", e);
        }
    }
}
