package dev.spaces.content.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookTargetPolicy.RefusedTarget;
import dev.spaces.content.webhook.api.DeliveryResponse;
import dev.spaces.content.webhook.api.EventTypeResponse;
import dev.spaces.content.webhook.api.SecretResponse;
import dev.spaces.content.webhook.api.WebhookPatch;
import dev.spaces.content.webhook.api.WebhookRequest;
import dev.spaces.content.webhook.api.WebhookResponse;
import dev.spaces.content.webhook.delivery.DeliveryStatus;
import dev.spaces.content.webhook.delivery.WebhookDelivery;
import dev.spaces.content.webhook.delivery.WebhookDeliveryRepository;
import dev.spaces.content.webhook.delivery.WebhookSender;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Subscriptions and their deliveries, for admins. */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final ObjectMapper json;

    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                          WebhookSender sender, WebhookConfig config, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
        this.json = json;
    }

    public List<EventTypeResponse> eventTypes() {
        return Arrays.stream(WebhookEventType.values()).map(t -> new EventTypeResponse(t.wireName(),
                schemaName(t), 1, t.subscribable())).toList();
    }

    @Transactional
    public WebhookResponse create(WebhookRequest request) {
        Instant now = Instant.now();
        WebhookSubscription s = new WebhookSubscription();
        s.url = checkedUrl(request.url());
        s.events = checkedEvents(request.events());
        s.description = blankToNull(request.description());
        s.active = request.active() == null || request.active();
        s.secret = StandardWebhooks.newSecret();
        s.createdAt = now;
        s.updatedAt = now;
        subscriptions.persist(s);
        subscriptions.flush();
        return response(s, s.secret);
    }

    @Transactional
    public List<WebhookResponse> list() {
        return subscriptions.all().stream().map(s -> response(s, null)).toList();
    }

    @Transactional
    public WebhookResponse get(long id) {
        return response(find(id), null);
    }

    @Transactional
    public WebhookResponse update(long id, WebhookPatch patch) {
        WebhookSubscription s = editable(id);
        if (patch.url() != null) {
            s.url = checkedUrl(patch.url());
        }
        if (patch.events() != null) {
            s.events = checkedEvents(patch.events());
        }
        if (patch.description() != null) {
            s.description = blankToNull(patch.description());
        }
        if (patch.active() != null) {
            if (patch.active() && !s.active) {
                s.disabledReason = null;
            }
            s.active = patch.active();
        }
        s.updatedAt = Instant.now();
        subscriptions.flush();
        return response(s, null);
    }

    @Transactional
    public void delete(long id) {
        subscriptions.delete(editable(id));
    }

    @Transactional
    public SecretResponse rotateSecret(long id) {
        WebhookSubscription s = editable(id);
        s.rotateSecret(StandardWebhooks.newSecret(), Instant.now(), config.secretGracePeriod());
        return new SecretResponse(s.secret, s.previousSecretExpiresAt);
    }

    /** Queues a webhook.ping for this subscription alone; it is delivered like any event. */
    @Transactional
    public DeliveryResponse ping(long id) {
        WebhookSubscription s = find(id);
        if (!s.active) {
            throw ProblemException.conflict("The subscription is inactive; activate it before pinging it");
        }
        UUID eventId = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(new WebhookEnvelope(WebhookEventType.WEBHOOK_PING.wireName(), Instant.now(),
                    json.valueToTree(new PingPayload(1, s.id, "Ping from Spaces"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        deliveries.enqueueSingle(s.id, eventId, WebhookEventType.WEBHOOK_PING.wireName(), body);
        WebhookDelivery queued = deliveries.find("subscriptionId = ?1 and eventId = ?2", s.id, eventId).singleResult();
        return delivery(queued);
    }

    @Transactional
    public PageResponse<DeliveryResponse> deliveries(long id, DeliveryStatus status, int page, int size) {
        find(id);
        var query = deliveries.forSubscription(id, status);
        long total = query.count();
        List<DeliveryResponse> items = query.page(Page.of(page - 1, size)).list().stream()
                .map(WebhookService::delivery).toList();
        return PageResponse.of(items, page, size, total);
    }

    /** Queues a delivered or failed delivery again, same webhook-id, with a fresh retry schedule. */
    @Transactional
    public DeliveryResponse redeliver(long id, long deliveryId) {
        WebhookSubscription s = find(id);
        WebhookDelivery d = deliveries.findForUpdate(id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId + " of webhook " + id));
        if (d.status == DeliveryStatus.PENDING) {
            throw ProblemException.conflict("The delivery is still pending; it will be attempted again by itself");
        }
        if (!s.active) {
            throw ProblemException.conflict("The subscription is inactive; activate it before redelivering");
        }
        Instant now = Instant.now();
        d.status = DeliveryStatus.PENDING;
        d.scheduleStep = 0;
        d.nextAttemptAt = now;
        d.queuedAt = now;
        d.deliveredAt = null;
        deliveries.flush();
        return delivery(d);
    }

    static boolean subscribable(String event) {
        return WebhookEventType.byWireName(event).map(WebhookEventType::subscribable).orElse(false);
    }

    /** Standard Webhooks secrets: whsec_ + base64 of 24 to 64 bytes. */
    static boolean validSecret(String secret) {
        if (secret == null || !secret.startsWith(StandardWebhooks.SECRET_PREFIX)) {
            return false;
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(StandardWebhooks.SECRET_PREFIX.length())).length;
            return bytes >= 24 && bytes <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private WebhookSubscription find(long id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Webhook " + id));
    }

    private WebhookSubscription editable(long id) {
        WebhookSubscription s = find(id);
        if (s.isSystem()) {
            throw ProblemException.conflict("Webhook " + id + " is owned by configuration (spaces.webhooks.system."
                    + s.systemName + "); change it there");
        }
        return s;
    }

    private String checkedUrl(String url) {
        try {
            sender.check(url.strip());
        } catch (RefusedTarget e) {
            throw ProblemException.invalidField("url", e.getMessage());
        }
        return url.strip();
    }

    private static List<String> checkedEvents(List<String> events) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String event : events) {
            if (!subscribable(event)) {
                throw ProblemException.invalidField("events", "unknown event type '" + event + "'; one of "
                        + String.join(", ", WebhookEventType.subscribableNames()));
            }
            distinct.add(event);
        }
        return List.copyOf(distinct);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String schemaName(WebhookEventType type) {
        var schema = type.payload().getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.payload().getSimpleName();
    }

    private WebhookResponse response(WebhookSubscription s, String secret) {
        Instant grace = s.previousSecretExpiresAt != null && s.previousSecretExpiresAt.isAfter(Instant.now())
                ? s.previousSecretExpiresAt : null;
        return new WebhookResponse(s.id, s.url, List.copyOf(s.events), s.description, s.active, s.disabledReason,
                s.isSystem(), s.createdAt, s.updatedAt, grace, secret);
    }

    static DeliveryResponse delivery(WebhookDelivery d) {
        return new DeliveryResponse(d.id, d.messageId, d.eventId, d.eventType, d.status.name().toLowerCase(),
                d.attempts, d.lastStatusCode, d.lastError, d.lastDurationMs, d.lastAttemptAt,
                d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.deliveredAt);
    }
}
