package dev.spaces.content.webhook.delivery;

import dev.spaces.content.webhook.delivery.WebhookDeliveryRepository.Due;
import dev.spaces.content.webhook.delivery.WebhookDeliveryRepository.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatcher's database steps, each its own short transaction: no transaction (and no row lock) is held while
 * a delivery is on the wire; the subscription lease is what keeps other replicas off the queue meanwhile.
 */
@ApplicationScoped
public class DeliveryLedger {

    private final WebhookDeliveryRepository deliveries;

    public DeliveryLedger(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Transactional
    public List<Long> claim(String owner, Duration lease, int limit) {
        return deliveries.claimSubscriptions(owner, lease, limit);
    }

    @Transactional
    public Optional<Lease> renew(long subscriptionId, String owner, Duration lease) {
        return deliveries.renew(subscriptionId, owner, lease);
    }

    @Transactional
    public void release(long subscriptionId, String owner) {
        deliveries.release(subscriptionId, owner);
    }

    @Transactional
    public List<Due> due(long subscriptionId, int limit) {
        return deliveries.due(subscriptionId, limit);
    }

    @Transactional
    public void delivered(long subscriptionId, long deliveryId, Instant at, int statusCode, int durationMs,
                          boolean wasRetry) {
        deliveries.recordDelivered(deliveryId, at, statusCode, durationMs);
        if (wasRetry) {
            deliveries.resumeQueue(subscriptionId);
        }
    }

    /** A failed attempt; when the receiver is unavailable the rest of the queue waits for the same retry. */
    @Transactional
    public void failed(long subscriptionId, long deliveryId, Instant at, Integer statusCode, String error,
                       int durationMs, Duration retryIn, boolean holdQueue, Duration budget) {
        deliveries.recordFailure(deliveryId, at, statusCode, error, durationMs, retryIn);
        if (holdQueue) {
            Duration wait = retryIn != null ? retryIn : Duration.ZERO;
            deliveries.holdQueue(subscriptionId, wait);
            deliveries.deferQueue(subscriptionId, wait, budget,
                    "gave up: the receiver was unavailable for longer than the retry schedule (" + error + ")");
        }
    }

    /** 410 Gone: the receiver asks never to be called again. */
    @Transactional
    public void gone(long subscriptionId, long deliveryId, Instant at, int durationMs) {
        deliveries.recordFailure(deliveryId, at, 410, "the receiver answered 410 Gone", durationMs, null);
        deliveries.disable(subscriptionId, "disabled: the receiver answered 410 Gone");
    }

    @Transactional
    public Optional<Duration> untilNextDue() {
        return deliveries.secondsUntilNextDue().map(s -> Duration.ofMillis(Math.round(s * 1000)));
    }
}
