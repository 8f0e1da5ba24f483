package dev.spaces.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.bundle.WebhookRecord;
import dev.spaces.commons.webhooks.StandardWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * [mig-export] A webhook subscription from an export, which carries no secret (see {@link WebhookRecord}). It is
 * stored <em>inactive</em>, with a fresh random secret nobody has seen and the reason in {@code disabledReason}: the
 * receiver still checks signatures against the old secret, so deliveries signed with any other would all be
 * rejected (and dead-lettered), and a fresh secret written into the import report would sit in the database where
 * every admin's report listing shows it. The admin rotates the secret ({@code POST /api/v1/webhooks/{id}/secret}
 * shows the new one once), gives it to the receiver, and activates the subscription.
 * <p>
 * Plain SQL: features do not depend on the event hub's classes (ArchitectureTest); the table is the contract here.
 */
@ApplicationScoped
class WebhookImport {

    static final String DISABLED_REASON = "imported without its secret: rotate the secret, give the new one to the "
            + "receiver, then activate";

    private final EntityManager em;
    private final ObjectMapper json;

    WebhookImport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** @return false when a subscription to the same URL is here already (it is left as it is) */
    boolean restore(WebhookRecord record) {
        boolean exists = !em.createNativeQuery("SELECT 1 FROM webhook_subscription WHERE url = ?1")
                .setParameter(1, record.url()).getResultList().isEmpty();
        if (exists) {
            return false;
        }
        boolean idFree = em.createNativeQuery("SELECT 1 FROM webhook_subscription WHERE id = ?1")
                .setParameter(1, record.id()).getResultList().isEmpty();
        String events;
        try {
            events = json.writeValueAsString(record.events());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var insert = em.createNativeQuery("INSERT INTO webhook_subscription (" + (idFree ? "id, " : "") + "url, events, "
                        + "description, active, disabled_reason, secret, created_at, updated_at, version) VALUES ("
                        + (idFree ? ":id, " : "") + ":url, CAST(:events AS jsonb), :description, false, :reason, "
                        + ":secret, :created, :updated, 0)")
                .setParameter("url", record.url()).setParameter("events", events)
                .setParameter("description", record.description()).setParameter("reason", DISABLED_REASON)
                .setParameter("secret", StandardWebhooks.newSecret())
                .setParameter("created", record.createdAt() != null ? record.createdAt() : java.time.Instant.now())
                .setParameter("updated", record.updatedAt() != null ? record.updatedAt() : java.time.Instant.now());
        if (idFree) {
            insert.setParameter("id", record.id());
        }
        insert.executeUpdate();
        return true;
    }

    /** New subscriptions get numbers above the restored ones. */
    void finish() {
        em.createNativeQuery("SELECT setval(pg_get_serial_sequence('webhook_subscription', 'id'), "
                + "(SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_subscription), false)").getSingleResult();
    }
}
