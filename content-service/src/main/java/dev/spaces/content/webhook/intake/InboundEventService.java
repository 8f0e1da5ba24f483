package dev.spaces.content.webhook.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.outbox.OutboxAppender;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import dev.spaces.content.webhook.WebhookConfig;
import dev.spaces.content.webhook.WebhookEventType;
import dev.spaces.content.webhook.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Events from trusted internal producers (comment-service's outbox relay): a Standard-Webhooks-signed envelope,
 * verified with the shared internal secret, accepted once per webhook-id, and appended to this service's outbox so
 * that subscribers get comment and member events through the same delivery machinery as article events.
 */
@ApplicationScoped
public class InboundEventService {

    private final InboundEventRepository inbound;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookConfig config;
    private final ObjectMapper json;

    public InboundEventService(InboundEventRepository inbound, WebhookSubscriptionRepository subscriptions,
                               WebhookConfig config, ObjectMapper json) {
        this.inbound = inbound;
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
    }

    /** @return true when the event was new and queued, false for a duplicate (both are success for the sender) */
    @Transactional
    public boolean accept(String webhookId, String timestamp, String signature, String body) {
        String secret = config.internalEventsSecret().filter(s -> !s.isBlank()).orElseThrow(() ->
                new ProblemException(503, "internal-events-disabled", "Service unavailable",
                        "Receiving internal events is not configured (SPACES_INTERNAL_EVENTS_SECRET)"));
        try {
            StandardWebhooks.verify(List.of(secret), webhookId, timestamp, signature, body, Instant.now(),
                    StandardWebhooks.DEFAULT_TOLERANCE);
        } catch (WebhookVerificationException e) {
            throw new ProblemException(401, "invalid-signature", "Unauthorized", e.getMessage());
        }
        if (webhookId.length() > 200) {
            throw ProblemException.badRequest("webhook-id is longer than 200 characters");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON", "The body is not valid JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            throw ProblemException.invalidField("body", "must be a JSON object {type, timestamp, data}");
        }
        String type = envelope.path("type").asText("");
        WebhookEventType eventType = WebhookEventType.byWireName(type)
                .filter(t -> t.origin() == WebhookEventType.Origin.RELAYED)
                .orElseThrow(() -> ProblemException.invalidField("type", "'" + type + "' is not an event this "
                        + "endpoint relays; one of " + String.join(", ", WebhookEventType.relayedNames())));
        JsonNode data = envelope.path("data");
        if (!data.isObject() || !data.path("id").canConvertToLong() || !data.path("id").isIntegralNumber()) {
            throw ProblemException.invalidField("data", "must be an object with a numeric id");
        }
        Instant occurredAt;
        try {
            occurredAt = envelope.hasNonNull("timestamp") ? Instant.parse(envelope.get("timestamp").asText())
                    : Instant.now();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("timestamp", "must be an ISO 8601 instant");
        }
        if (!inbound.remember(webhookId, type)) {
            return false;
        }
        long version = data.path("version").canConvertToLong() ? data.path("version").asLong() : 0L;
        UUID appended = OutboxAppender.append(subscriptions.getEntityManager(), json, type, eventType.aggregateType(),
                data.get("id").asLong(), version, data, occurredAt);
        inbound.link(webhookId, appended);
        return true;
    }
}
