package dev.spaces.content.webhook.delivery;

import dev.spaces.commons.outbox.RetrySchedule;
import dev.spaces.content.webhook.WebhookConfig;
import dev.spaces.content.webhook.delivery.WebhookDeliveryRepository.Due;
import dev.spaces.content.webhook.delivery.WebhookDeliveryRepository.Lease;
import dev.spaces.content.webhook.delivery.WebhookSender.Outcome;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers pending webhook deliveries. A round leases subscriptions that have due deliveries (SKIP LOCKED, then a
 * lease with an owner and an expiry), and each leased queue is sent on its own worker, oldest event first, so
 * different subscribers are served in parallel and each one in order. A replica that dies mid-queue loses its lease
 * when it expires and another takes over: delivery is at least once, with the same webhook-id on every attempt.
 * One dispatcher per replica; tests run a second one to show that two never send the same delivery.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 50;

    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final Duration budget;
    private final String owner;
    private final Semaphore slots;
    private final ExecutorService workers;
    private volatile Runnable onIdleSlot = () -> { };

    public DeliveryDispatcher(DeliveryLedger ledger, WebhookSender sender, WebhookConfig config, String owner) {
        this.ledger = ledger;
        this.sender = sender;
        this.config = config;
        this.schedule = RetrySchedule.finite("spaces.webhooks.retry-schedule", config.retrySchedule(),
                config.retryJitter());
        this.budget = schedule.budget(config.totalTimeout());
        this.owner = owner;
        this.slots = new Semaphore(config.concurrency());
        this.workers = Executors.newFixedThreadPool(config.concurrency(),
                Thread.ofPlatform().name("webhook-delivery-" + owner + "-", 0).daemon().factory());
        if (config.lease().compareTo(config.totalTimeout().plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("spaces.webhooks.lease must exceed total-timeout by at least 5 s");
        }
    }

    /** Called when a worker frees its slot: its loop should look for more work. */
    public void onIdleSlot(Runnable wake) {
        this.onIdleSlot = wake;
    }

    /** One round: lease what fits in the free slots and hand each queue to a worker. Returns when to look again. */
    public Duration runOnce() {
        int free = slots.availablePermits();
        if (free > 0) {
            for (long subscriptionId : ledger.claim(owner, config.lease(), free)) {
                slots.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        drain(subscriptionId);
                    } catch (RuntimeException e) {
                        LOG.warnf("Delivering to subscription %d failed; its lease will expire: %s", subscriptionId,
                                e.toString());
                    } finally {
                        slots.release();
                        onIdleSlot.run();
                    }
                });
            }
        }
        Optional<Duration> next = ledger.untilNextDue();
        return next.filter(d -> !d.isNegative() && !d.isZero()).orElse(null);
    }

    private void drain(long subscriptionId) {
        while (true) {
            List<Due> batch = ledger.due(subscriptionId, BATCH);
            if (batch.isEmpty()) {
                ledger.release(subscriptionId, owner);
                return;
            }
            for (Due delivery : batch) {
                Optional<Lease> lease = ledger.renew(subscriptionId, owner, config.lease());
                if (lease.isEmpty()) {
                    return; // another replica took over after our lease expired
                }
                if (!lease.get().active() || !deliver(lease.get(), delivery)) {
                    ledger.release(subscriptionId, owner);
                    return;
                }
            }
        }
    }

    /** @return whether to go on with this queue */
    private boolean deliver(Lease lease, Due delivery) {
        Instant attemptedAt = Instant.now();
        List<String> secrets = new ArrayList<>();
        secrets.add(lease.secret());
        if (lease.previousSecret() != null && lease.previousSecretExpiresAt() != null
                && lease.previousSecretExpiresAt().isAfter(attemptedAt)) {
            secrets.add(lease.previousSecret());
        }
        Outcome outcome = sender.send(lease.url(), secrets, delivery.messageId(), delivery.body());
        long subscription = lease.subscriptionId();
        if (outcome.delivered()) {
            ledger.delivered(subscription, delivery.id(), attemptedAt, outcome.statusCode(), outcome.durationMs(),
                    delivery.scheduleStep() > 0);
            return true;
        }
        if (outcome.statusCode() != null && outcome.statusCode() == 410) {
            ledger.gone(subscription, delivery.id(), attemptedAt, outcome.durationMs());
            LOG.infof("Subscription %d disabled: its receiver answered 410 Gone", subscription);
            return false;
        }
        Duration retryIn = schedule.after(delivery.scheduleStep() + 1);
        String error = outcome.error() != null ? outcome.error() : "the receiver answered " + outcome.statusCode();
        boolean holdQueue = outcome.refused() || outcome.receiverUnavailable();
        ledger.failed(subscription, delivery.id(), attemptedAt, outcome.statusCode(), error, outcome.durationMs(),
                retryIn, holdQueue, budget);
        return !holdQueue;
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.totalTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
