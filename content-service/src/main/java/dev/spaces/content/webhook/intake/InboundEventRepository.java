package dev.spaces.content.webhook.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Ids of events received from other services, so a redelivered event is relayed once. */
@ApplicationScoped
public class InboundEventRepository {

    private final EntityManager em;

    public InboundEventRepository(EntityManager em) {
        this.em = em;
    }

    /** @return false when this webhook-id was seen before (a concurrent duplicate waits for the first, then loses) */
    public boolean remember(String webhookId, String type) {
        return em.createNativeQuery("""
                        INSERT INTO webhook_inbound_event (webhook_id, event_type, received_at)
                        VALUES (:id, :type, now()) ON CONFLICT (webhook_id) DO NOTHING""")
                .setParameter("id", webhookId).setParameter("type", type).executeUpdate() == 1;
    }

    /** Records which outbox event the inbound one became. */
    public void link(String webhookId, UUID outboxEventId) {
        em.createNativeQuery("UPDATE webhook_inbound_event SET outbox_event_id = :event WHERE webhook_id = :id")
                .setParameter("id", webhookId).setParameter("event", outboxEventId).executeUpdate();
    }
}
