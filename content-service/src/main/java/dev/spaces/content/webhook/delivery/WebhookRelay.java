package dev.spaces.content.webhook.delivery;

import dev.spaces.commons.outbox.OutboxStore;
import dev.spaces.commons.outbox.PgNotificationListener;
import dev.spaces.commons.outbox.WakeupLoop;
import dev.spaces.content.webhook.SystemSubscriptions;
import dev.spaces.content.webhook.WebhookConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs this replica's relay: a LISTEN connection wakes the outbox fan-out when events commit and the dispatcher
 * when deliveries fall due; both also poll at the fallback interval in case a notification was lost. Each replica
 * runs its own; SKIP LOCKED claims and subscription leases keep them out of each other's way.
 */
@ApplicationScoped
public class WebhookRelay {

    public static final String DELIVERY_CHANNEL = "webhook_delivery";
    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);

    private final WebhookFanOut fanOut;
    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final AgroalDataSource dataSource;
    private final SystemSubscriptions systemSubscriptions;
    private final String owner = "relay-" + UUID.randomUUID().toString().substring(0, 8);

    private WakeupLoop fanOutLoop;
    private WakeupLoop dispatchLoop;
    private DeliveryDispatcher dispatcher;
    private PgNotificationListener listener;

    public WebhookRelay(WebhookFanOut fanOut, DeliveryLedger ledger, WebhookSender sender, WebhookConfig config,
                        AgroalDataSource dataSource, SystemSubscriptions systemSubscriptions) {
        this.fanOut = fanOut;
        this.ledger = ledger;
        this.sender = sender;
        this.config = config;
        this.dataSource = dataSource;
        this.systemSubscriptions = systemSubscriptions;
    }

    void start(@Observes @Priority(10) StartupEvent ignored) {
        systemSubscriptions.sync();
        if (!config.relayEnabled()) {
            LOG.info("Webhook relay disabled in this process (spaces.webhooks.relay-enabled=false)");
            return;
        }
        dispatcher = new DeliveryDispatcher(ledger, sender, config, owner);
        dispatchLoop = new WakeupLoop("webhook-dispatch", config.fallbackPoll(), dispatcher::runOnce).start();
        dispatcher.onIdleSlot(dispatchLoop::wake);
        fanOutLoop = new WakeupLoop("outbox-relay", config.fallbackPoll(), this::relayAll).start();
        listener = new PgNotificationListener("webhook-listen", dataSource::getConnection,
                List.of(OutboxStore.NOTIFY_CHANNEL, DELIVERY_CHANNEL), channel -> {
                    if (channel.equals(OutboxStore.NOTIFY_CHANNEL)) {
                        fanOutLoop.wake();
                    } else {
                        dispatchLoop.wake();
                    }
                }).start();
        LOG.infof("Webhook relay %s started", owner);
    }

    /** Fans out until the outbox is empty, then lets the dispatcher know without waiting for the notification. */
    private Duration relayAll() {
        int relayed;
        int total = 0;
        do {
            relayed = fanOut.relayBatch(config.batchSize());
            total += relayed;
        } while (relayed == config.batchSize());
        if (total > 0 && dispatchLoop != null) {
            dispatchLoop.wake();
        }
        return null;
    }

    /** Wakes this replica's dispatcher (after an admin action that queued something). */
    public void wakeDispatcher() {
        if (dispatchLoop != null) {
            dispatchLoop.wake();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (listener != null) {
            listener.close();
        }
        if (fanOutLoop != null) {
            fanOutLoop.close();
        }
        if (dispatchLoop != null) {
            dispatchLoop.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
